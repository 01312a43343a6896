import type { Range } from '../types';

/** A container image reference split into its parts, with offsets relative to the reference. */
export interface ImageRef {
  /** Everything before the tag/digest: `registry/path/name`. */
  name: string;
  /** The last path component, e.g. `node` in `docker.io/library/node`. */
  shortName: string;
  registry?: string;
  tag?: string;
  digest?: string;
  /** Offsets inside the reference string. */
  nameEnd: number;
  tagStart?: number;
  tagEnd?: number;
  digestStart?: number;
}

/** Split `registry:5000/org/name:tag@sha256:…`. Returns undefined for an empty reference. */
export function parseImageRef(ref: string): ImageRef | undefined {
  if (!ref) return undefined;
  let rest = ref;
  let digest: string | undefined;
  let digestStart: number | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    digestStart = at + 1;
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  let tagStart: number | undefined;
  let tagEnd: number | undefined;
  let name = rest;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    tagStart = colon + 1;
    tagEnd = rest.length;
    name = rest.slice(0, colon);
  }
  const parts = name.split('/');
  const first = parts[0];
  const registry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
  return { name, shortName: parts[parts.length - 1], registry, tag, digest, nameEnd: name.length, tagStart, tagEnd, digestStart };
}

/** Shift a relative range by `base`. */
export function shift(base: number, start: number, end: number): Range {
  return { start: base + start, end: base + end };
}
