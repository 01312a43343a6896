// Range-exact YAML edits: insert, replace and delete keys as text edits computed from node
// ranges, so comments, key order, quotes and the file's indentation style stay as they were
// (re-stringifying with `yaml` would reformat the document: DEPENDENCIES.md §4).
import { parse, parseAllDocuments, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { TextEdit } from '../types';
import { contentEnd, getPair, isEmpty, keyString, str, walk, isMap, isPair, isScalar, isSeq, type YPair } from '../documents/yaml-nav';

/** How a file indents: spaces per nesting level, spaces before a sequence's `-`, line break. */
export interface YamlStyle {
  /** Spaces a nested map is indented by (2 or 4 in practice). */
  indent: number;
  /** Spaces between a key and the `-` of its block sequence: 0 = flush (`key:\n- a`). */
  seqIndent: number;
  eol: string;
}

/** Text inserted as is (e.g. a snippet placeholder `${1:100m}`), never quoted. */
export class Raw {
  constructor(readonly text: string) {}
}
export const raw = (text: string): Raw => new Raw(text);

export type YamlValue = string | number | boolean | null | Raw | YamlValue[] | { [key: string]: YamlValue };
export type YamlObject = { [key: string]: YamlValue };

/** 0-based column of an offset. */
export function columnOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return offset - i;
}

export function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** The offset just after the line break ending the line that holds `offset` (text.length at EOF). */
function afterLine(text: string, offset: number): { at: number; eof: boolean } {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (i >= text.length) return { at: text.length, eof: true };
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  return { at: i + 1, eof: false };
}

/** Step back from `offset` over whitespace and line breaks (block scalars end after their newline). */
function lastContent(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

let lastStyle: { text: string; style: YamlStyle } | undefined;

/** The style of a whole file (parsed once per text; the last answer is cached). */
export function fileStyle(text: string): YamlStyle {
  if (lastStyle?.text === text) return lastStyle.style;
  // `null` keeps the root list non-empty: a file without documents must not recurse back here
  const style = detectStyle(text, null, ...parseAllDocuments(text, { keepSourceTokens: true } as never).map((d) => (d as { contents: unknown }).contents));
  lastStyle = { text, style };
  return style;
}

/**
 * Detect the indentation style from parsed nodes (document roots for the best answer), with
 * defaults of 2 spaces and indented sequences. Without nodes, the whole text is parsed.
 */
export function detectStyle(text: string, ...roots: unknown[]): YamlStyle {
  if (roots.length === 0) return fileStyle(text);
  const indents = new Map<number, number>();
  const seqs = new Map<number, number>();
  const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  // A few dozen samples tell the style; walking a 1 MB file of CRDs would take long.
  let samples = 0;
  for (const root of roots) {
    if (samples > 200) break;
    walk(root, (node) => {
      if (samples > 200) return false;
      if (!isMap(node) || node.flow) return;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const k = (item.key as Node | null)?.range;
        const v = item.value as Node | null;
        if (!k || !v?.range) continue;
        const keyCol = columnOf(text, k[0]);
        if (isMap(v) && !v.flow && v.items.length) {
          const first = (v.items[0] as Pair).key as Node | null;
          if (first?.range && text.lastIndexOf('\n', first.range[0]) > k[0]) {
            const d = columnOf(text, first.range[0]) - keyCol;
            if (d > 0) bump(indents, d), samples++;
          }
        } else if (isSeq(v) && !v.flow && v.items.length) {
          const d = columnOf(text, v.range![0]) - keyCol;
          if (d >= 0) bump(seqs, d), samples++;
        }
      }
    });
  }
  const top = (m: Map<number, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const indent = top(indents) ?? 2;
  return { indent, seqIndent: top(seqs) ?? indent, eol: eolOf(text) };
}

const YAML11_BOOL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** A scalar as YAML text: plain when that reads back as the same string, else double-quoted. */
export function scalarText(value: YamlValue): string {
  if (value instanceof Raw) return value.text;
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return flowText(value);
  if (value !== '' && /^[A-Za-z0-9_./@+=-][A-Za-z0-9_./@+=:%-]*$/.test(value) && !YAML11_BOOL.test(value) && !value.endsWith(':')) {
    // A word that starts with a letter reads back as itself unless it is null or a boolean (the
    // only core-schema scalars that start with a letter): no parse for the common case.
    if (PLAIN_WORD.test(value) && !CORE_WORDS.test(value)) return value;
    let plain = plainCache.get(value);
    if (plain === undefined) {
      try {
        plain = parse(value) === value;
      } catch {
        plain = false; // quote it
      }
      if (plainCache.size > 10_000) plainCache.clear();
      plainCache.set(value, plain);
    }
    if (plain) return value;
  }
  return JSON.stringify(value);
}

const PLAIN_WORD = /^[A-Za-z][A-Za-z0-9_./-]*$/;
const CORE_WORDS = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Whether `parse(value) === value`, for the values the fast path leaves (bounded). */
const plainCache = new Map<string, boolean>();

function keyText(key: string): string {
  return scalarText(key);
}

/** A value in flow style: `{ a: 1, b: [x, y] }`. */
export function flowText(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Raw)) {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${keyText(k)}: ${flowText(v)}`).join(', ')} }` : '{}';
  }
  return scalarText(value);
}

function isBlock(v: YamlValue): v is YamlValue[] | YamlObject {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && typeof v === 'object' && !(v instanceof Raw) && Object.keys(v).length > 0;
}

/** Lines for the pairs of `obj` with keys at column `col`, each ending with the style's line break. */
export function renderPairs(obj: YamlObject, col: number, style: YamlStyle): string {
  return Object.entries(obj).map(([k, v]) => renderPair(k, v, col, style)).join('');
}

/** The lines of a value placed under a key at column `keyCol` (starts with a line break when it is a block). */
export function renderValue(value: YamlValue, keyCol: number, style: YamlStyle): string {
  if (!isBlock(value)) return ` ${flowText(value)}`;
  return style.eol + (Array.isArray(value) ? renderSeq(value, keyCol + style.seqIndent, style) : renderPairs(value, keyCol + style.indent, style)).replace(/(\r\n|\r|\n)$/, '');
}

function renderPair(key: string, value: YamlValue, col: number, style: YamlStyle): string {
  const pad = ' '.repeat(col);
  if (!isBlock(value)) return `${pad}${keyText(key)}: ${flowText(value)}${style.eol}`;
  if (Array.isArray(value)) return `${pad}${keyText(key)}:${style.eol}${renderSeq(value, col + style.seqIndent, style)}`;
  return `${pad}${keyText(key)}:${style.eol}${renderPairs(value, col + style.indent, style)}`;
}

function renderSeq(items: YamlValue[], col: number, style: YamlStyle): string {
  const pad = ' '.repeat(col);
  return items
    .map((item) => {
      if (isBlock(item) && !Array.isArray(item)) return `${pad}- ${renderPairs(item, col + 2, style).slice(col + 2)}`;
      return `${pad}- ${flowText(item)}${style.eol}`;
    })
    .join('');
}

/** Re-indent a YAML block written at column 0 with 2-space indentation to the file's style. */
export function indentBlock(block: string, col: number, style: YamlStyle): string {
  return block
    .split(/\r\n|\r|\n/)
    .map((line) => {
      if (line.trim() === '') return '';
      const lead = line.length - line.trimStart().length;
      return ' '.repeat(col + (lead / 2) * style.indent) + line.trimStart();
    })
    .join(style.eol);
}

/** Column of a block map's keys. */
function keyColumn(text: string, map: YAMLMap): number | undefined {
  for (const item of map.items) {
    const r = ((item as Pair).key as Node | null)?.range;
    if (r) return columnOf(text, r[0]);
  }
  return undefined;
}

/**
 * Insert pairs into a map. Block maps get new lines after their last pair (or after the pair named
 * in `after`), at the siblings' column; flow maps get `, key: value` before the closing brace.
 * `parentKeyCol` is needed only for an empty block position (then use `setValue` instead).
 */
export function insertPairs(text: string, map: YAMLMap, entries: YamlObject, style: YamlStyle = fileStyle(text), after?: string): TextEdit {
  const range = map.range!;
  if (map.flow) {
    const rendered = Object.entries(entries).map(([k, v]) => `${keyText(k)}: ${flowText(v)}`).join(', ');
    const close = lastContent(text, range[1]) - 1; // the `}`
    if (map.items.length === 0) return { range: { start: range[0], end: range[1] }, text: `{ ${rendered} }` };
    const last = map.items[map.items.length - 1] as Pair;
    const end = contentEnd(isEmpty(last.value) ? last.key : last.value) ?? close;
    const between = text.slice(end, close);
    if (between.includes(',')) {
      // trailing comma: insert after it
      const comma = end + between.indexOf(',') + 1;
      return { range: { start: comma, end: comma }, text: ` ${rendered},` };
    }
    return { range: { start: end, end }, text: `, ${rendered}` };
  }
  const col = keyColumn(text, map) ?? columnOf(text, range[0]);
  const anchorPair = after ? getPair(map, after) : undefined;
  const endNode = anchorPair ? (isEmpty(anchorPair.value) ? anchorPair.key : anchorPair.value) : map;
  const end = lastContent(text, contentEnd(endNode) ?? range[1]);
  const { at, eof } = afterLine(text, end);
  let body = renderPairs(entries, col, style);
  if (eof) body = style.eol + body.replace(/(\r\n|\r|\n)$/, '');
  return { range: { start: at, end: at }, text: body };
}

/**
 * Replace a pair's value (an empty value, `{}`, `[]` or a scalar) with `value`, rendered as a
 * block under the key when it is a non-empty map or list.
 */
export function setValue(text: string, pair: YPair, value: YamlValue, style: YamlStyle = fileStyle(text)): TextEdit {
  const key = (pair.key as Node).range!;
  const keyCol = columnOf(text, key[0]);
  const v = pair.value as Node | null;
  const rendered = renderValue(value, keyCol, style);
  if (!v || !v.range || (isScalar(v) && isEmpty(v) && v.range[0] === v.range[1])) {
    // `key:` with nothing after it: write after the colon (keep a trailing comment after the value)
    const colon = text.indexOf(':', key[1]);
    const at = colon + 1;
    const lineEnd = afterLine(text, at);
    const rest = text.slice(at, lineEnd.at).replace(/(\r\n|\r|\n)$/, '');
    const comment = /^\s*#/.test(rest);
    if (comment && isBlock(value)) {
      // keep `key:  # comment` and put the block on the next lines
      const stop = lineEnd.eof ? text.length : lineEnd.at - (text.slice(0, lineEnd.at).endsWith('\r\n') ? 2 : 1);
      return { range: { start: stop, end: stop }, text: rendered };
    }
    return { range: { start: at, end: at + (comment ? 0 : rest.length - rest.trimStart().length) }, text: rendered + (comment ? ' ' : '') };
  }
  const blockNow = (isMap(v) || isSeq(v)) && !v.flow;
  const r = isScalar(v) || !blockNow ? v.range : [v.range[0], lastContent(text, contentEnd(v) ?? v.range[1])];
  // A block value starts on the next line; replace from just after the colon.
  const start = isBlock(value) || blockNow ? text.indexOf(':', key[1]) + 1 : r[0];
  return { range: { start, end: r[1] }, text: isBlock(value) || blockNow ? rendered : rendered.trimStart() };
}

/** Replace a scalar's value keeping its quote style (plain values that would change meaning get quoted). */
export function replaceScalar(text: string, node: Scalar, value: string | number | boolean): TextEdit {
  const r = node.range!;
  const s = String(value);
  let out: string;
  // Quotes are kept for strings only: `"true"` → `false` must become a boolean again.
  if (typeof value !== 'string') out = s;
  else if (node.type === 'QUOTE_DOUBLE') out = JSON.stringify(s);
  else if (node.type === 'QUOTE_SINGLE') out = `'${s.replace(/'/g, "''")}'`;
  else out = scalarText(value);
  return { range: { start: r[0], end: r[1] }, text: out };
}

/** Delete a pair: whole lines in block maps, the item and its comma in flow maps. */
export function deletePair(text: string, map: YAMLMap, pair: YPair): TextEdit {
  const idx = map.items.indexOf(pair as Pair);
  const key = (pair.key as Node).range!;
  const valueEnd = contentEnd(isEmpty(pair.value) ? pair.key : pair.value) ?? key[1];
  if (map.flow) {
    if (map.items.length === 1) return { range: { start: key[0], end: valueEnd }, text: '' };
    if (idx > 0) {
      const prev = map.items[idx - 1] as Pair;
      const prevEnd = contentEnd(isEmpty(prev.value) ? prev.key : prev.value)!;
      return { range: { start: prevEnd, end: valueEnd }, text: '' };
    }
    const next = ((map.items[1] as Pair).key as Node).range![0];
    return { range: { start: key[0], end: next }, text: '' };
  }
  const lineStart = columnOf(text, key[0]);
  const before = text.slice(key[0] - lineStart, key[0]);
  const end = afterLine(text, lastContent(text, valueEnd));
  if (before.trim() === '') {
    const start = key[0] - lineStart;
    if (end.eof && start > 0) {
      // last line without a line break: also remove the break before it
      const prevBreak = text[start - 1] === '\n' && text[start - 2] === '\r' ? 2 : 1;
      return { range: { start: start - prevBreak, end: text.length }, text: '' };
    }
    return { range: { start, end: end.at }, text: '' };
  }
  // `- key: value` (first pair of a sequence item): pull the next key up after the dash
  const next = map.items[idx + 1] as Pair | undefined;
  if (next) return { range: { start: key[0], end: ((next.key as Node).range!)[0] }, text: '' };
  return { range: { start: key[0], end: lastContent(text, valueEnd) }, text: '{}' };
}

/** Append a new document (`---` + body) at the end of the file. */
export function appendDocument(text: string, body: string): TextEdit {
  const eol = eolOf(text);
  const normalized = body.replace(/\r\n|\r|\n/g, eol).replace(TRAILING_EOLS[eol] ?? new RegExp(`(${eol})*$`), eol);
  const at = text.length;
  if (isBlank(text)) return { range: { start: 0, end: at }, text: normalized };
  const last = text[at - 1];
  const needsBreak = last !== '\r' && last !== '\n';
  return { range: { start: at, end: at }, text: `${needsBreak ? eol : ''}${endsWithMarker(text) ? '' : `---${eol}`}${normalized}` };
}

const TRAILING_EOLS: Record<string, RegExp> = { '\n': /(\n)*$/, '\r\n': /(\r\n)*$/, '\r': /(\r)*$/ };

/** `text.trim() === ''` without copying a large text: only whitespace (as `trim` counts it). */
function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/**
 * Does the text end with a `---` line (`/(^|[\r\n])---[ \t]*[\r\n]*$/`)? Read from the end: the
 * fixes of a large file each ask, and a regex would scan the whole text every time.
 */
function endsWithMarker(text: string): boolean {
  let i = text.length;
  while (i > 0 && (text[i - 1] === '\r' || text[i - 1] === '\n')) i--;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i < 3 || text.slice(i - 3, i) !== '---') return false;
  return i === 3 || text[i - 4] === '\r' || text[i - 4] === '\n';
}

/**
 * Merge `entries` into `map`: missing keys are inserted (one edit, at the end of the map), keys
 * whose value is a map are merged recursively, empty values and `{}` are replaced by the new
 * block, and with `overwrite` differing scalars are replaced. Edits at the same offset are joined,
 * so the result is one valid set of non-overlapping edits.
 */
export function mergeInto(text: string, map: YAMLMap, entries: YamlObject, options: { overwrite?: boolean; style?: YamlStyle } = {}): TextEdit[] {
  const style = options.style ?? fileStyle(text);
  const edits: TextEdit[] = [];
  const missing: YamlObject = {};
  for (const [key, value] of Object.entries(entries)) {
    const pair = getPair(map, key);
    if (!pair) {
      missing[key] = value;
      continue;
    }
    const cur = pair.value as Node | null;
    const isObj = value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Raw);
    if (isEmpty(cur) || ((isMap(cur) || isSeq(cur)) && cur.items.length === 0)) {
      edits.push(setValue(text, pair, value, style));
    } else if (isObj && isMap(cur)) {
      edits.push(...mergeInto(text, cur, value as YamlObject, { ...options, style }));
    } else if (options.overwrite && isScalar(cur) && !isBlock(value) && str(cur) !== String(value instanceof Raw ? value.text : value)) {
      edits.push(value instanceof Raw ? { range: { start: cur.range![0], end: cur.range![1] }, text: value.text } : replaceScalar(text, cur, value as string));
    } else if (options.overwrite && Array.isArray(value) && isSeq(cur)) {
      // lists are merged by adding the missing scalar items
      const have = new Set(cur.items.map((i) => str(i)));
      const add = value.filter((v) => !have.has(String(v)));
      if (add.length) edits.push(appendItems(text, cur, add, style));
    }
  }
  if (Object.keys(missing).length) {
    if (map.items.length === 0 && !map.flow) throw new Error('cannot insert into an empty block map: use setValue on its pair');
    edits.push(insertPairs(text, map, missing, style));
  }
  return joinEdits(edits);
}

/** Append items to a sequence (block: new `- item` lines at the dash column; flow: `, item`). */
export function appendItems(text: string, seq: Node & { items: unknown[]; flow?: boolean }, items: YamlValue[], style: YamlStyle = fileStyle(text)): TextEdit {
  const range = seq.range!;
  if (seq.flow) {
    const close = lastContent(text, range[1]) - 1;
    const rendered = items.map(flowText).join(', ');
    if (seq.items.length === 0) return { range: { start: range[0], end: range[1] }, text: `[${rendered}]` };
    const end = contentEnd(seq.items[seq.items.length - 1]) ?? close;
    return { range: { start: end, end }, text: `, ${rendered}` };
  }
  const col = columnOf(text, range[0]);
  const end = lastContent(text, contentEnd(seq) ?? range[1]);
  const { at, eof } = afterLine(text, end);
  let body = renderSeq(items, col, style);
  if (eof) body = style.eol + body.replace(/(\r\n|\r|\n)$/, '');
  return { range: { start: at, end: at }, text: body };
}

/** Join insertions at the same offset (in order) so a fix never holds two edits at one point. */
export function joinEdits(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.range.start === e.range.start && o.range.end === e.range.start && e.range.end === e.range.start);
    if (same) same.text += e.text;
    else out.push({ range: { ...e.range }, text: e.text });
  }
  return out;
}

/**
 * Ensure the path of keys exists under `map` and merge `value` at its end: existing maps along the
 * path are reused, the first missing key is inserted with the rest of the path nested inside.
 */
export function ensurePath(text: string, map: YAMLMap, path: readonly string[], value: YamlObject, options: { overwrite?: boolean; style?: YamlStyle } = {}): TextEdit[] {
  let nested: YamlObject = value;
  for (let i = path.length - 1; i >= 0; i--) nested = { [path[i]]: nested };
  return mergeInto(text, map, nested, options);
}

export { keyString };

/** Delete an item of a block or flow sequence (whole lines for block items). */
export function deleteItem(text: string, seq: Node & { items: unknown[]; flow?: boolean }, item: unknown): TextEdit {
  const idx = seq.items.indexOf(item);
  const r = (item as Node).range!;
  const end = contentEnd(item) ?? r[1];
  if (seq.flow) {
    if (seq.items.length === 1) return { range: { start: r[0], end }, text: '' };
    if (idx > 0) return { range: { start: contentEnd(seq.items[idx - 1])!, end }, text: '' };
    return { range: { start: r[0], end: (seq.items[1] as Node).range![0] }, text: '' };
  }
  // the dash is the first non-blank character before the item on its line
  const dash = text.lastIndexOf('-', r[0]);
  const lineStart = dash - columnOf(text, dash);
  const after = afterLine(text, lastContent(text, end));
  if (seq.items.length === 1) {
    // the last item: leave an empty flow sequence so the key keeps its type
    return { range: { start: dash, end: lastContent(text, end) }, text: '[]' };
  }
  if (after.eof && lineStart > 0) {
    const prevBreak = text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? 2 : 1;
    return { range: { start: lineStart - prevBreak, end: text.length }, text: '' };
  }
  return { range: { start: lineStart, end: after.at }, text: '' };
}

/**
 * Where a scalar's characters start in the source, when the source spells the value verbatim
 * (plain, or quoted without escapes); undefined otherwise. Lets a fix edit part of a value.
 */
export function scalarValueStart(text: string, node: Scalar): number | undefined {
  const r = node.range;
  if (!r || typeof node.value !== 'string') return undefined;
  const src = text.slice(r[0], r[1]);
  if (src === node.value) return r[0];
  if ((src.startsWith('"') || src.startsWith("'")) && src.slice(1, -1) === node.value) return r[0] + 1;
  return undefined;
}
