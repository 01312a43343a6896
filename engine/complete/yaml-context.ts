// Where the cursor is in a YAML document, from indentation alone: the path of keys from the
// document root, whether a key or a value is being typed, and the keys already present. While a
// user types, the current line is usually not valid YAML yet (`resou` without a colon), so this
// reads lines instead of the parse tree, and only the lines between the cursor and its parents.
import type { Range } from '../types';
import type { SourceFile } from '../documents/source';

export const ITEM = '[]';

export interface YamlCursor {
  /**
   * Keys and `[]` (a sequence item) from the document root. At a key position this is the mapping
   * the new key goes into; at a value position it ends with the key whose value is typed (and
   * `[]` inside a flow sequence `[a, |]`).
   */
  path: string[];
  at: 'key' | 'value';
  /** The text typed so far and the range a completion replaces. */
  prefix: string;
  range: Range;
  /** Column of the key being typed (key position): where inserted blocks are indented from. */
  column: number;
  /** The cursor line starts a sequence item (`- |`): the item may be a mapping or a scalar. */
  itemStart: boolean;
  /** Keys already present in the mapping at `path` (key position). */
  siblings: Set<string>;
  /** A colon already follows the word being typed (`imag|: nginx`): insert the key name only. */
  colonFollows: boolean;
  /** The YAML document (between `---` lines) holding the cursor. */
  docStart: number;
  docEnd: number;
  /** The key whose value is typed (value position), with its line's key column. */
  key?: string;
}

interface Line {
  /** Column of the first non-space character. */
  indent: number;
  /** Columns of the `- ` sequence indicators before the content. */
  dashes: number[];
  /** Column where the content after the dashes starts. */
  keyCol: number;
  key?: string;
  /** Text after `key:` (trimmed start), or the whole content when there is no key. */
  rest: string;
  blank: boolean;
}

const LINE = /^( *)((?:-(?: +|$))*)(.*)$/;
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#]+?)[ \t]*:(?:[ \t]+(.*)|$)/;

function parseLine(text: string): Line {
  const m = LINE.exec(text)!;
  const indent = m[1].length;
  const dashes: number[] = [];
  for (let i = 0; i < m[2].length; i++) if (m[2][i] === '-') dashes.push(indent + i);
  const keyCol = indent + m[2].length;
  const content = m[3];
  const blank = content.trim() === '' && dashes.length === 0;
  if (blank || content.startsWith('#')) return { indent, dashes, keyCol, rest: '', blank: dashes.length === 0 };
  const k = KEY.exec(content);
  if (!k) return { indent, dashes, keyCol, rest: content, blank: false };
  let key = k[1];
  if (/^["']/.test(key)) key = key.slice(1, -1);
  return { indent, dashes, keyCol, key, rest: (k[2] ?? '').trim(), blank: false };
}

/** Line number, text and start offset of each line going up or down from `line`. */
function* lines(file: SourceFile, from: number, step: 1 | -1, stopAt: number) {
  const li = file.lines;
  for (let l = from; step < 0 ? l >= stopAt : l <= stopAt; l += step) yield { l, text: li.lineText(l) };
}

const isDocMarker = (t: string) => /^(?:---|\.\.\.)(?:\s|$)/.test(t);

/** The cursor's place in the YAML document at `offset`. */
export function yamlCursor(file: SourceFile, offset: number): YamlCursor {
  const li = file.lines;
  const pos = li.positionAt(offset);
  const lineText = li.lineText(pos.line);
  const before = lineText.slice(0, pos.character);
  const after = lineText.slice(pos.character);

  // Document bounds: the nearest `---` lines.
  let firstLine = 0;
  for (let l = pos.line - 1; l >= 0; l--) {
    if (isDocMarker(li.lineText(l))) {
      firstLine = l + 1;
      break;
    }
  }
  let lastLine = li.lineCount - 1;
  for (let l = pos.line + 1; l < li.lineCount; l++) {
    if (isDocMarker(li.lineText(l))) {
      lastLine = l - 1;
      break;
    }
  }
  const docStart = li.lineStart(firstLine);
  const docEnd = li.lineEnd(lastLine);

  const cur = parseLine(before);
  const lineStart = li.lineStart(pos.line);
  const siblings = new Set<string>();

  if (cur.key !== undefined && !/^["']/.test(cur.rest)) {
    // Value position: `key: va|`, or in a flow sequence `key: [a, b|`.
    const path = parents(file, pos.line, firstLine, cur.keyCol, cur.dashes, undefined);
    path.push(cur.key);
    let valueText = cur.rest;
    const flow = /^\[([^\]]*)$/.exec(valueText);
    if (flow) {
      path.push(ITEM);
      valueText = flow[1].split(',').pop()!.trimStart();
    }
    const tail = /^[^\s,\]#]*/.exec(after)![0];
    const start = offset - valueText.length;
    return {
      path,
      at: 'value',
      prefix: valueText,
      range: { start, end: offset + tail.length },
      column: cur.keyCol,
      itemStart: false,
      siblings,
      colonFollows: false,
      docStart,
      docEnd,
      key: cur.key,
    };
  }

  // Key position (or a scalar sequence item: `- |`).
  const typed = cur.rest;
  const column = cur.blank ? pos.character : cur.keyCol;
  const path = parents(file, pos.line, firstLine, column, cur.dashes, cur.dashes.length ? undefined : siblings);
  if (cur.dashes.length === 0) collectBelow(file, pos.line + 1, lastLine, column, siblings);
  else collectBelow(file, pos.line + 1, lastLine, column, siblings);
  const word = /^[\w./-]*/.exec(after)![0];
  const colon = /^[ \t]*:/.exec(after.slice(word.length));
  return {
    path,
    at: 'key',
    prefix: typed,
    range: { start: lineStart + column, end: offset + word.length },
    column,
    itemStart: cur.dashes.length > 0,
    siblings,
    colonFollows: !!colon,
    docStart,
    docEnd,
  };
}

/**
 * The path to the mapping whose keys sit at `col` on line `line` (preceded by the sequence
 * indicators at `dashes` on that line). Siblings found on the way up go into `siblings`.
 */
function parents(file: SourceFile, line: number, firstLine: number, col: number, dashes: number[], siblings: Set<string> | undefined): string[] {
  const rev: string[] = [];
  let mode: 'map' | 'seq' = 'map';
  let at = col;
  if (dashes.length) {
    for (let i = 0; i < dashes.length; i++) rev.push(ITEM);
    mode = 'seq';
    at = dashes[0];
  }
  let collecting = siblings;
  for (const { text } of lines(file, line - 1, -1, firstLine)) {
    const p = parseLine(text);
    if (p.blank || (p.key === undefined && p.dashes.length === 0 && p.rest === '')) continue;
    if (mode === 'map') {
      if (p.keyCol > at) continue;
      if (p.keyCol === at) {
        if (p.key !== undefined && collecting) collecting.add(p.key);
        if (p.dashes.length) {
          // The first key of the sequence item our mapping is.
          for (let i = 0; i < p.dashes.length; i++) rev.push(ITEM);
          mode = 'seq';
          at = p.dashes[0];
          collecting = undefined;
        }
        continue;
      }
      if (p.indent > at) continue; // content after dashes further right, e.g. a `- ` line of another list
    } else {
      if (p.indent > at) continue;
      if (p.indent === at && p.dashes.length) continue; // another item of the same sequence
      if (p.indent === at && p.key === undefined) break;
    }
    // A parent: `key:` (possibly inside a sequence item) or a bare `-`.
    collecting = undefined;
    if (p.key !== undefined) rev.push(p.key);
    else if (p.dashes.length === 0) break;
    if (p.dashes.length) {
      for (let i = 0; i < p.dashes.length; i++) rev.push(ITEM);
      mode = 'seq';
      at = p.dashes[0];
    } else {
      mode = 'map';
      at = p.keyCol;
    }
    if (mode === 'map' && at === 0 && !collecting) break;
  }
  return rev.reverse();
}

/** Keys at `col` below the cursor, until the mapping ends. */
function collectBelow(file: SourceFile, from: number, lastLine: number, col: number, siblings: Set<string>) {
  for (const { text } of lines(file, from, 1, lastLine)) {
    const p = parseLine(text);
    if (p.blank) continue;
    if (p.indent < col) break;
    if (p.keyCol === col && p.dashes.length && p.indent < col) break;
    if (p.keyCol === col && p.dashes.length === 0 && p.key !== undefined) siblings.add(p.key);
    else if (p.indent === col && p.dashes.length) break;
  }
}

/** The key under the cursor (for hover): its path and range, when the cursor is on a key. */
export function yamlKeyAt(file: SourceFile, offset: number): { path: string[]; range: Range } | undefined {
  const li = file.lines;
  const pos = li.positionAt(offset);
  const text = li.lineText(pos.line);
  const p = parseLine(text);
  if (p.key === undefined) return undefined;
  const keyEnd = p.keyCol + text.slice(p.keyCol).indexOf(p.key) + p.key.length;
  if (pos.character < p.keyCol || pos.character > keyEnd) return undefined;
  let firstLine = 0;
  for (let l = pos.line - 1; l >= 0; l--) {
    if (isDocMarker(li.lineText(l))) {
      firstLine = l + 1;
      break;
    }
  }
  const path = parents(file, pos.line, firstLine, p.keyCol, p.dashes, undefined);
  path.push(p.key);
  const start = li.lineStart(pos.line) + p.keyCol;
  return { path, range: { start, end: li.lineStart(pos.line) + keyEnd } };
}

/** Top-level scalar values (`apiVersion`, `kind`) of the document between `start` and `end`. */
export function topLevelScalars(text: string, start: number, end: number, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([A-Za-z_][\w-]*):[ \t]*["']?([^\s"'#]*)/gm;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    if (keys.includes(m[1]) && m[2] && !(m[1] in out)) out[m[1]] = m[2];
  }
  return out;
}
