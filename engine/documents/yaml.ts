import { parseAllDocuments, type Document } from 'yaml';
import type { Range } from '../types';

export interface YamlDoc {
  doc: Document.Parsed;
  index: number;
  /** Offsets of this document in the file, `---` included. */
  range: Range;
}

export interface YamlModel {
  docs: YamlDoc[];
  /** YAML syntax errors (none are reported for the parts that are Go templates). */
  errors: { message: string; range: Range }[];
  /** The file contains Go template (`{{ }}`) syntax, e.g. a Helm chart template. */
  templated: boolean;
}

// `${{ }}` is a GitHub Actions expression, not a Go template: never masked.
const TEMPLATE = /(?<!\$)\{\{-?[\s\S]*?-?\}\}/g;
const MAX_ALIAS_COUNT = 100;

/**
 * Mask Go template actions with filler of the same length so offsets stay exact: a line holding
 * only actions becomes blank; an action inside a value becomes `_` characters.
 */
export function maskTemplates(text: string): string {
  return text.replace(TEMPLATE, (m, offset: number) => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    let lineEnd = text.indexOf('\n', offset + m.length);
    if (lineEnd < 0) lineEnd = text.length;
    const before = text.slice(lineStart, offset);
    const after = text.slice(offset + m.length, lineEnd).replace(TEMPLATE, '');
    const alone = before.trim() === '' && after.trim() === '';
    return m.replace(/[^\r\n]/g, alone ? ' ' : '_');
  });
}

export function parseYaml(text: string): YamlModel {
  const templated = /(?<!\$)\{\{/.test(text);
  const src = templated ? maskTemplates(text) : text;
  const parsed = parseAllDocuments(src, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false, maxAliasCount: MAX_ALIAS_COUNT } as never);
  const list = Array.isArray(parsed) ? parsed : [];
  const docs: YamlDoc[] = [];
  const errors: YamlModel['errors'] = [];
  list.forEach((doc, index) => {
    const r = doc.range ?? [0, 0, 0];
    docs.push({ doc, index, range: { start: r[0], end: r[2] } });
    for (const e of doc.errors) errors.push({ message: e.message, range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) } });
  });
  return { docs, errors, templated };
}
