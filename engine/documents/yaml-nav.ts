// Shared navigation on `yaml` nodes: find pairs by key, walk paths, read scalars, get ranges.
// Rules (kubernetes, workflows, compose) use these instead of poking at yaml's node classes.
import * as Y from 'yaml';
import { Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range } from '../types';

// The bundle wraps the CommonJS `yaml` in getters: a named import (`isMap(x)`) runs a getter on
// every call, which showed up in the profiles of large manifests. Read the guards once here and
// import them from this module (`import { isMap } from './yaml-nav'`) in hot code.
export const isMap: typeof Y.isMap = Y.isMap;
export const isSeq: typeof Y.isSeq = Y.isSeq;
export const isScalar: typeof Y.isScalar = Y.isScalar;
export const isPair: typeof Y.isPair = Y.isPair;
export const isAlias: typeof Y.isAlias = Y.isAlias;

/** Any yaml node, or nothing (missing key, empty value). */
export type YNode = Node | null | undefined;
export type YPair = Pair<unknown, unknown>;

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function asScalar(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

/** The key of a pair as a string (scalar keys only). */
export function keyString(pair: YPair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : String(k.value);
  return typeof k === 'string' ? k : undefined;
}

/** The pair of `map` whose key is `key` (the last one, as YAML loaders keep the last duplicate). */
export function getPair(map: unknown, key: string): YPair | undefined {
  if (!isMap(map)) return undefined;
  // From the end: the first match is the last duplicate. Compares without building key strings.
  const items = map.items;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!isPair(item)) continue;
    const k = item.key;
    if (isScalar(k)) {
      const v = k.value;
      if (typeof v === 'string' ? v === key : v !== null && v !== undefined && String(v) === key) return item;
    } else if (k === key) return item;
  }
  return undefined;
}

/** The value node of `key` in `map`. An empty value (`key:`) is a null Scalar, not undefined. */
export function get(map: unknown, key: string): YNode {
  const v = getPair(map, key)?.value;
  return (v ?? undefined) as YNode;
}

/** Walk a path of keys (strings) and sequence indexes (numbers). */
export function getPath(node: unknown, path: readonly (string | number)[]): YNode {
  let cur: unknown = node;
  for (const p of path) {
    if (typeof p === 'number') {
      if (!isSeq(cur)) return undefined;
      cur = cur.items[p];
    } else {
      cur = get(cur, p);
    }
    if (cur === undefined || cur === null) return undefined;
  }
  return cur as YNode;
}

/** The items of a sequence (empty for anything else). */
export function seqItems(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]).filter((n) => n !== null && n !== undefined) : [];
}

/** The map items of a sequence, skipping scalars and nulls. */
export function seqMaps(node: unknown): YAMLMap[] {
  if (!isSeq(node)) return [];
  const out: YAMLMap[] = [];
  for (const item of node.items) if (isMap(item)) out.push(item);
  return out;
}

/** The pairs of a map with a string key. */
export function mapPairs(node: unknown): { key: string; pair: YPair; value: YNode }[] {
  if (!isMap(node)) return [];
  const out: { key: string; pair: YPair; value: YNode }[] = [];
  for (const item of node.items) {
    if (!isPair(item)) continue;
    const key = keyString(item);
    if (key !== undefined) out.push({ key, pair: item, value: (item.value ?? undefined) as YNode });
  }
  return out;
}

/** A scalar's value as a string (numbers and booleans are stringified); undefined for null and collections. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

/** A scalar's numeric value (also numeric strings such as `"3"`). */
export function num(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** A scalar's boolean value (`true`/`false`, also as strings). */
export function bool(node: unknown): boolean | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True' || v === 'TRUE') return true;
  if (v === 'false' || v === 'False' || v === 'FALSE') return false;
  return undefined;
}

/** Is the node absent or an empty value (`key:`, `key: ~`, `key: null`)? */
export function isEmpty(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  return isScalar(node) && (node.value === null || node.value === undefined);
}

/** Is the node an alias (`*anchor`)? Aliased values are not followed by the navigation helpers. */
export function isAliasNode(node: unknown): boolean {
  return isAlias(node);
}

/** The source range of a node's value (`[start, valueEnd)`), without trailing comments. */
export function nodeRange(node: unknown): Range | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** The range of a pair's key. */
export function keyRange(pair: YPair): Range | undefined {
  return nodeRange(pair.key);
}

/** From the start of the key to the end of the value (or the key when the value is empty). */
export function pairRange(pair: YPair): Range | undefined {
  const k = nodeRange(pair.key);
  if (!k) return undefined;
  const v = isEmpty(pair.value) ? undefined : nodeRange(pair.value);
  return { start: k.start, end: v ? Math.max(k.end, v.end) : k.end };
}

/**
 * Where to point a finding about a value: the value's range when it is a scalar, else the key
 * (so that a squiggle on a big map does not cover a whole screen).
 */
export function reportRange(pair: YPair): Range | undefined {
  if (isScalar(pair.value) && !isEmpty(pair.value)) return nodeRange(pair.value);
  return keyRange(pair);
}

/** The offset just after the last character of a node's content (a collection's last item). */
export function contentEnd(node: unknown): number | undefined {
  if (isMap(node) || isSeq(node)) {
    if (node.flow || node.items.length === 0) return node.range?.[1];
    const last = node.items[node.items.length - 1];
    if (isPair(last)) {
      const v = isEmpty(last.value) ? undefined : contentEnd(last.value);
      return v ?? (last.key as Node | null)?.range?.[1];
    }
    return contentEnd(last) ?? node.range?.[1];
  }
  const r = (node as Node | null | undefined)?.range;
  return r ? r[1] : undefined;
}

/** Visit every node of a tree (maps, sequences, pairs' keys and values, scalars). */
export function walk(node: unknown, visit: (node: Node, path: readonly (string | number)[]) => void | false, path: (string | number)[] = []): void {
  // A visitor that does not take the path gets none: no path array per node.
  if (visit.length < 2) return walkNodes(node, visit as (node: Node) => void | false);
  if (node === null || node === undefined || isPair(node)) return;
  if (visit(node as Node, path) === false) return;
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = keyString(item) ?? '';
      if (item.value !== null && item.value !== undefined) walk(item.value, visit, [...path, key]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, visit, [...path, i]));
  }
}

function walkNodes(node: unknown, visit: (node: Node) => void | false): void {
  if (node === null || node === undefined || isPair(node)) return;
  if (visit(node as Node) === false) return;
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      if (item.value !== null && item.value !== undefined) walkNodes(item.value, visit);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walkNodes(item, visit);
  }
}

export { Scalar };
