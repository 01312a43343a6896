// HCL (Terraform dialect) parsed with tree-sitter into a plain offset-based model. The wasm parser
// loads asynchronously once (`initHcl()`); after that parsing is synchronous. Offsets are UTF-16
// code units: web-tree-sitter parses JS strings as UTF-16, so node.startIndex is already the
// engine's offset (test/engine/terraform-hcl.test.ts checks this with non-ASCII text).
import type { Parser, Language, Node } from 'web-tree-sitter';
import type { Range, TextEdit } from '../types';

export interface HclLabel {
  value: string;
  /** The label as written, with its quotes. */
  range: Range;
  /** The text between the quotes (the whole label when unquoted). */
  valueRange: Range;
}

export interface HclBlock {
  type: string;
  typeRange: Range;
  labels: HclLabel[];
  range: Range;
  /** Offset of `{` (-1 when missing). */
  open: number;
  /** Offset of `}` (-1 when missing). */
  close: number;
  body: HclBody;
  parent?: HclBlock;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export interface HclAttribute {
  name: string;
  nameRange: Range;
  range: Range;
  value: HclExpr;
}

export interface HclObjectEntry {
  /** The key as a string when it is an identifier or a literal string. */
  key?: string;
  keyRange: Range;
  value: HclExpr;
  range: Range;
}

/** A reference such as `var.region` or `aws_s3_bucket.logs.id`: the root and the attribute names after it. */
export interface HclTraversal {
  parts: string[];
  range: Range;
}

export type HclExpr =
  | { type: 'string'; range: Range; value: string; valueRange: Range }
  | { type: 'template'; range: Range; interpolations: HclExpr[]; /** `"${x}"` and nothing else */ interpolationOnly: boolean }
  | { type: 'heredoc'; range: Range }
  | { type: 'number'; range: Range; value: number }
  | { type: 'bool'; range: Range; value: boolean }
  | { type: 'null'; range: Range }
  | { type: 'tuple'; range: Range; items: HclExpr[] }
  | { type: 'object'; range: Range; entries: HclObjectEntry[] }
  | { type: 'traversal'; range: Range; parts: string[] }
  | { type: 'call'; range: Range; name: string; args: HclExpr[] }
  | { type: 'other'; range: Range };

export interface HclError {
  range: Range;
  kind: 'unexpected' | 'missing';
  /** The unexpected text or the missing token. */
  text: string;
}

export interface HclModel {
  /** False when the parser was not loaded (initHcl() not awaited): the model is empty. */
  ready: boolean;
  body: HclBody;
  errors: HclError[];
  /** Every reference of the file (`var.x`, `local.y`, `data.t.n`, `aws_x.y` …), in text order. */
  references: HclTraversal[];
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;
let loadError: Error | undefined;

/** Where the grammar wasm may be: next to the bundle (dist/), else in node_modules (running from source). */
function grammarCandidates(): string[] {
  const out: string[] = [];
  if (typeof __dirname === 'string') out.push(`${__dirname}/tree-sitter-terraform.wasm`);
  try {
    out.push(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
  } catch {
    // not installed (the packaged extension has the copy in dist/)
  }
  return out;
}

/** Load the Terraform parser once; resolves when `parseHcl` can parse. Never rejects. */
export function initHcl(): Promise<void> {
  loading ??= (async () => {
    try {
      // web-tree-sitter loads here, not when this module does: start-up without Terraform skips it.
      const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
      await Parser.init();
      let lang: Language | undefined;
      let last: unknown;
      for (const p of grammarCandidates()) {
        try {
          lang = await Language.load(p);
          break;
        } catch (e) {
          last = e;
        }
      }
      if (!lang) throw last instanceof Error ? last : new Error('tree-sitter-terraform.wasm not found');
      const p = new Parser();
      p.setLanguage(lang);
      parser = p;
    } catch (e) {
      loadError = e instanceof Error ? e : new Error(String(e));
    }
  })();
  return loading;
}

/** Has the parser loaded? */
export function hclReady(): boolean {
  return parser !== undefined;
}

/** Why the parser could not load, if it failed. */
export function hclLoadError(): Error | undefined {
  return loadError;
}

const r = (n: Node): Range => ({ start: n.startIndex, end: n.endIndex });

export function parseHcl(text: string): HclModel {
  const model: HclModel = { ready: false, body: { attributes: [], blocks: [] }, errors: [], references: [] };
  if (!parser) return model;
  const tree = parser.parse(text);
  if (!tree) return model;
  try {
    model.ready = true;
    const root = tree.rootNode;
    collectErrors(root, model);
    const body = root.namedChildren.find((c) => c?.type === 'body');
    if (body) model.body = readBody(body, model, undefined);
    else for (const c of root.namedChildren) if (c && (c.type === 'attribute' || c.type === 'block')) addItem(model.body, c, model, undefined);
  } finally {
    tree.delete();
  }
  model.references.sort((a, b) => a.range.start - b.range.start);
  return model;
}

function collectErrors(node: Node, model: HclModel) {
  if (!node.hasError) return;
  const visit = (n: Node) => {
    if (!n.hasError && !n.isMissing) return;
    if (n.isMissing) {
      const last = model.errors[model.errors.length - 1];
      if (last?.kind === 'missing' && last.text === n.type && last.range.start === n.startIndex) return;
      model.errors.push({ range: { start: n.startIndex, end: n.startIndex }, kind: 'missing', text: n.type });
      return;
    }
    if (n.type === 'ERROR') {
      model.errors.push({ range: r(n), kind: 'unexpected', text: n.text });
      return;
    }
    for (const c of n.children) if (c) visit(c);
  };
  visit(node);
}

function readBody(node: Node, model: HclModel, parent: HclBlock | undefined): HclBody {
  const body: HclBody = { attributes: [], blocks: [] };
  for (const c of node.namedChildren) if (c) addItem(body, c, model, parent);
  return body;
}

function addItem(body: HclBody, c: Node, model: HclModel, parent: HclBlock | undefined) {
  if (c.type === 'attribute') {
    const id = c.namedChildren.find((x) => x?.type === 'identifier');
    const expr = c.namedChildren.find((x) => x?.type === 'expression');
    if (!id) return;
    body.attributes.push({ name: id.text, nameRange: r(id), range: r(c), value: expr ? readExpr(expr, model) : { type: 'other', range: { start: c.endIndex, end: c.endIndex } } });
  } else if (c.type === 'block') {
    body.blocks.push(readBlock(c, model, parent));
  }
}

function readBlock(n: Node, model: HclModel, parent: HclBlock | undefined): HclBlock {
  const kids = n.children.filter((x): x is Node => !!x);
  const id = kids.find((x) => x.type === 'identifier');
  const labels: HclLabel[] = [];
  let open = -1;
  let close = -1;
  let bodyNode: Node | undefined;
  for (const k of kids) {
    if (k === id) continue;
    if (k.type === 'string_lit') {
      const lit = k.children.find((x) => x?.type === 'template_literal');
      labels.push({ value: lit?.text ?? '', range: r(k), valueRange: lit ? r(lit) : { start: k.startIndex + 1, end: Math.max(k.startIndex + 1, k.endIndex - 1) } });
    } else if (k.type === 'identifier') labels.push({ value: k.text, range: r(k), valueRange: r(k) });
    else if (k.type === 'block_start' && k.endIndex > k.startIndex) open = k.startIndex;
    else if (k.type === 'block_end' && k.endIndex > k.startIndex) close = k.startIndex;
    else if (k.type === 'body') bodyNode = k;
  }
  const block: HclBlock = {
    type: id?.text ?? '',
    typeRange: id ? r(id) : { start: n.startIndex, end: n.startIndex },
    labels,
    range: r(n),
    open,
    close,
    body: { attributes: [], blocks: [] },
    parent,
  };
  if (bodyNode) block.body = readBody(bodyNode, model, block);
  return block;
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return e;
    }
  }).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

function readExpr(n: Node, model: HclModel): HclExpr {
  const kids = n.namedChildren.filter((x): x is Node => !!x && x.type !== 'comment');
  switch (n.type) {
    case 'expression': {
      const first = kids[0];
      if (!first) return { type: 'other', range: r(n) };
      if (first.type === 'variable_expr') {
        const parts = [first.text];
        let plain = true;
        for (const k of kids.slice(1)) {
          if (k.type === 'get_attr') {
            const id = k.namedChildren.find((x) => x?.type === 'identifier');
            if (plain && id) parts.push(id.text);
          } else plain = false; // index or splat: keep the path up to it
          if (k.type !== 'get_attr') scanRefs(k, model);
        }
        model.references.push({ parts, range: r(n) });
        return kids.length === 1 || kids.slice(1).every((k) => k.type === 'get_attr') ? { type: 'traversal', range: r(n), parts } : { type: 'other', range: r(n) };
      }
      if (kids.length === 1) return readExpr(first, model);
      for (const k of kids) scanRefs(k, model);
      return { type: 'other', range: r(n) };
    }
    case 'literal_value': {
      const c = kids[0];
      if (!c) return { type: 'other', range: r(n) };
      if (c.type === 'numeric_lit') return { type: 'number', range: r(n), value: Number(c.text) };
      if (c.type === 'bool_lit') return { type: 'bool', range: r(n), value: c.text === 'true' };
      if (c.type === 'null_lit') return { type: 'null', range: r(n) };
      if (c.type === 'string_lit') return readString(c);
      return { type: 'other', range: r(n) };
    }
    case 'string_lit':
      return readString(n);
    case 'template_expr': {
      const c = kids[0];
      if (c?.type === 'quoted_template') {
        const parts = c.namedChildren.filter((x): x is Node => !!x && !['quoted_template_start', 'quoted_template_end'].includes(x.type));
        const interpolations: HclExpr[] = [];
        let directive = false;
        for (const p of parts) {
          if (p.type === 'template_interpolation') {
            const e = p.namedChildren.find((x) => x?.type === 'expression');
            if (e) interpolations.push(readExpr(e, model));
          } else if (p.type === 'template_directive') {
            directive = true;
            scanRefs(p, model);
          }
        }
        if (!interpolations.length && !directive && parts.every((p) => p.type === 'template_literal')) {
          const lit = parts.map((p) => p.text).join('');
          return { type: 'string', range: r(c), value: unescape(lit), valueRange: { start: c.startIndex + 1, end: c.endIndex - 1 } };
        }
        return { type: 'template', range: r(c), interpolations, interpolationOnly: parts.length === 1 && parts[0].type === 'template_interpolation' };
      }
      if (c) scanRefs(c, model);
      return { type: 'heredoc', range: r(n) };
    }
    case 'collection_value':
      return kids[0] ? readExpr(kids[0], model) : { type: 'other', range: r(n) };
    case 'tuple':
      return { type: 'tuple', range: r(n), items: kids.filter((k) => k.type === 'expression').map((k) => readExpr(k, model)) };
    case 'object': {
      const entries: HclObjectEntry[] = [];
      for (const e of kids) {
        if (e.type !== 'object_elem') continue;
        const key = e.childForFieldName('key');
        const val = e.childForFieldName('val');
        if (!key || !val) continue;
        const keyExpr = readKey(key, model);
        entries.push({ key: keyExpr.key, keyRange: r(key), value: readExpr(val, model), range: r(e) });
      }
      return { type: 'object', range: r(n), entries };
    }
    case 'function_call': {
      const id = kids.find((k) => k.type === 'identifier');
      const args = kids.find((k) => k.type === 'function_arguments');
      return {
        type: 'call',
        range: r(n),
        name: id?.text ?? '',
        args: (args?.namedChildren ?? []).filter((x): x is Node => !!x && x.type === 'expression').map((x) => readExpr(x, model)),
      };
    }
    default:
      scanRefs(n, model);
      return { type: 'other', range: r(n) };
  }
}

/** An object key: a bare identifier (`team = …`) is a string, not a reference. */
function readKey(key: Node, model: HclModel): { key?: string } {
  const kids = key.namedChildren.filter((x): x is Node => !!x);
  if (kids.length === 1 && kids[0].type === 'variable_expr') return { key: kids[0].text };
  const e = readExpr(key, model);
  if (e.type === 'string') return { key: e.value };
  return {};
}

function readString(n: Node): HclExpr {
  const lit = n.children.filter((x): x is Node => !!x && x.type === 'template_literal');
  return { type: 'string', range: r(n), value: unescape(lit.map((l) => l.text).join('')), valueRange: { start: n.startIndex + 1, end: Math.max(n.startIndex + 1, n.endIndex - 1) } };
}

/** Collect the references inside an expression we do not model in detail. */
function scanRefs(n: Node, model: HclModel) {
  if (n.type === 'expression') {
    readExpr(n, model);
    return;
  }
  for (const c of n.namedChildren) if (c) scanRefs(c, model);
}

// ---- navigation ------------------------------------------------------------------------------

export function attr(block: HclBlock | undefined, name: string): HclAttribute | undefined {
  return block?.body.attributes.find((a) => a.name === name);
}

export function blocksOf(block: HclBlock | HclBody | undefined, type: string): HclBlock[] {
  if (!block) return [];
  const body = 'body' in block ? block.body : block;
  return body.blocks.filter((b) => b.type === type);
}

/** A literal string value, if the expression is one. */
export function strValue(e: HclExpr | undefined): string | undefined {
  return e?.type === 'string' ? e.value : undefined;
}

export function boolValue(e: HclExpr | undefined): boolean | undefined {
  if (e?.type === 'bool') return e.value;
  if (e?.type === 'string' && (e.value === 'true' || e.value === 'false')) return e.value === 'true';
  return undefined;
}

export function numValue(e: HclExpr | undefined): number | undefined {
  if (e?.type === 'number') return e.value;
  if (e?.type === 'string' && /^-?\d+(?:\.\d+)?$/.test(e.value)) return Number(e.value);
  return undefined;
}

/** Every block of the body, depth first. */
export function* allBlocks(body: HclBody): Generator<HclBlock> {
  for (const b of body.blocks) {
    yield b;
    yield* allBlocks(b.body);
  }
}

/** `aws_s3_bucket.logs` for a resource, `data.aws_ami.ubuntu` for a data source, `var.x`, `module.y` … */
export function blockAddress(b: HclBlock): string {
  const l = b.labels.map((x) => x.value);
  switch (b.type) {
    case 'resource':
      return l.join('.');
    case 'data':
      return `data.${l.join('.')}`;
    case 'variable':
      return `var.${l[0] ?? ''}`;
    case 'module':
      return `module.${l[0] ?? ''}`;
    case 'output':
      return `output.${l[0] ?? ''}`;
    default:
      return [b.type, ...l].join('.');
  }
}

/** The block's head: its type and labels (where findings about the whole block go). */
export function headRange(b: HclBlock): Range {
  const last = b.labels[b.labels.length - 1];
  return { start: b.typeRange.start, end: last ? last.range.end : b.typeRange.end };
}

// ---- text edits that keep the file's formatting ----------------------------------------------

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  const s = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(s))![0];
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The indentation one level deeper than `indent`, in the file's style (tabs or its space width). */
export function indentUnit(text: string): string {
  const m = /^([ \t]+)\S/m.exec(text);
  if (m && m[1].startsWith('\t')) return '\t';
  return m && m[1].length > 0 && m[1].length <= 4 ? ' '.repeat(m[1].length) : '  ';
}

/** Indentation of the block's own line and of its body. */
export function blockIndents(text: string, block: HclBlock): { outer: string; inner: string } {
  const outer = indentAt(text, block.range.start);
  const first = [...block.body.attributes.map((a) => a.range.start), ...block.body.blocks.map((b) => b.range.start)].sort((a, b) => a - b)[0];
  if (first !== undefined && lineStartOf(text, first) > lineStartOf(text, block.open)) return { outer, inner: indentAt(text, first) };
  return { outer, inner: outer + indentUnit(text) };
}

/**
 * Insert lines (already without indentation; they may contain their own nested indentation
 * relative to the body) into a block: at the start of the body when `first`, else after the last
 * item. Aligns `name = value` with the block's existing aligned `=` when the new line is an
 * attribute. A one-line block (`x {}` or `x { a = 1 }`) is opened up onto several lines.
 */
export function insertIntoBlock(text: string, block: HclBlock, lines: string[], where: 'first' | 'last' = 'last'): TextEdit | undefined {
  if (block.open < 0 || block.close < 0) return undefined;
  const eol = eolOf(text);
  const { outer, inner } = blockIndents(text, block);
  const aligned = alignTo(text, block, lines);
  const items = [...block.body.attributes.map((a) => a.range), ...block.body.blocks.map((b) => b.range)].sort((a, b) => a.start - b.start);
  const oneLine = !text.slice(block.open, block.close).includes('\n');
  if (oneLine) {
    const inside = text.slice(block.open + 1, block.close).trim();
    const all = [...(inside ? [inside] : []), ...aligned];
    return { range: { start: block.open, end: block.close + 1 }, text: `{${eol}${all.map((l) => indentLines(l, inner, eol)).join(eol)}${eol}${outer}}` };
  }
  const body = aligned.map((l) => indentLines(l, inner, eol)).join(eol);
  if (where === 'first' || items.length === 0) {
    const at = text.indexOf('\n', block.open) + 1;
    return { range: { start: at, end: at }, text: body + eol };
  }
  const lastEnd = items[items.length - 1].end;
  const lineEnd = endOfLine(text, lastEnd);
  return { range: { start: lineEnd, end: lineEnd }, text: eol + body };
}

function indentLines(l: string, inner: string, eol: string): string {
  return l.split('\n').map((x) => (x ? inner + x : x)).join(eol);
}

/** Offset of the end of the line containing `offset` (before its line break), skipping a trailing comment. */
export function endOfLine(text: string, offset: number): number {
  let e = text.indexOf('\n', offset);
  if (e < 0) e = text.length;
  if (text[e - 1] === '\r') e--;
  return e;
}

function alignTo(text: string, block: HclBlock, lines: string[]): string[] {
  // Where the block's attributes put their `=` (terraform fmt aligns consecutive attributes).
  const cols = block.body.attributes.map((a) => {
    const eq = text.indexOf('=', a.nameRange.end);
    return eq - lineStartOf(text, a.nameRange.start) - (a.nameRange.start - lineStartOf(text, a.nameRange.start));
  });
  const nameLens = block.body.attributes.map((a) => a.name.length);
  const aligned = cols.length > 1 && cols.some((c, i) => c > nameLens[i] + 1);
  const width = aligned ? Math.max(...cols) - 1 : 0;
  return lines.map((l) => {
    const m = /^([A-Za-z_][\w-]*|"[^"]*") = /.exec(l);
    if (!m || !aligned || m[1].length > width) return l;
    return m[1].padEnd(width) + l.slice(m[1].length);
  });
}

/** Remove a block or attribute with its whole lines (and a blank line left behind before it). */
export function removeLines(text: string, range: Range): TextEdit {
  let start = lineStartOf(text, range.start);
  let end = text.indexOf('\n', range.end);
  end = end < 0 ? text.length : end + 1;
  // A blank line before the removed lines, when the next line is blank or the end too: drop one.
  const before = text.slice(0, start);
  if (/\r?\n[ \t]*\r?\n$/.test(before) && (end >= text.length || /^[ \t]*\r?\n/.test(text.slice(end)))) {
    start = before.replace(/\r?\n[ \t]*\r?\n$/, '\n').length;
  }
  // Comment lines directly above a block belong to it.
  return { range: { start, end }, text: '' };
}

/** An object key: bare when it is a plain identifier, else quoted (`"cost-center"`). */
export function hclKey(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
}

/** An HCL string literal for `s` (escapes `${` and `%{`). */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** Add `key = value` to an object literal, on its own line (aligned) or inline for a one-line object. */
export function insertIntoObject(text: string, obj: Extract<HclExpr, { type: 'object' }>, key: string, value: string): TextEdit {
  const eol = eolOf(text);
  const closeAt = obj.range.end - 1;
  const last = obj.entries[obj.entries.length - 1];
  const inline = !text.slice(obj.range.start, obj.range.end).includes('\n');
  if (inline) {
    if (!last) return { range: { start: obj.range.start, end: obj.range.end }, text: `{ ${key} = ${value} }` };
    void closeAt;
    return { range: { start: last.range.end, end: last.range.end }, text: `, ${key} = ${value}` };
  }
  if (!last) {
    const indent = indentAt(text, obj.range.start) + indentUnit(text);
    const at = text.indexOf('\n', obj.range.start) + 1;
    return { range: { start: at, end: at }, text: `${indent}${key} = ${value}${eol}` };
  }
  const indent = indentAt(text, last.range.start);
  const eqCol = (e: HclObjectEntry) => text.indexOf('=', e.keyRange.end) - e.keyRange.start;
  const widths = obj.entries.map((e) => eqCol(e) - 1);
  const aligned = obj.entries.length > 1 && widths.some((w, i) => w > obj.entries[i].keyRange.end - obj.entries[i].keyRange.start);
  const width = Math.max(key.length, aligned ? Math.max(...widths) : 0);
  const lineEnd = endOfLine(text, last.range.end);
  return { range: { start: lineEnd, end: lineEnd }, text: `${eol}${indent}${aligned ? key.padEnd(width) : key} = ${value}` };
}
