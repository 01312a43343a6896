import type { SourceFile } from './source';
import { Composer, Parser, visit, type Document, type Node } from 'yaml';
import { isPair } from './yaml-nav';
import type { Range } from '../types';
import { detectStyle, type YamlStyle } from '../fixes/yaml';

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
  /** The file split on `---` lines, each part parsed on its own: the unit of incremental re-parsing. */
  chunks: Chunk[];
}

/** A run of the file between two document-start markers, with what parsing it gave. */
export interface Chunk {
  start: number;
  text: string;
  docs: Document.Parsed[];
  /** Where its documents and their errors are in the model's `docs` and `errors`: first, one past the last. */
  docRange: [number, number];
  errorRange: [number, number];
}

/** How many chunks were parsed (not reused) since start-up: lets tests prove re-parsing is incremental. */
export const yamlParseStats = { chunksParsed: 0 };

// `${{ }}` is a GitHub Actions expression, not a Go template: never masked.
const TEMPLATE = /(?<!\$)\{\{-?[\s\S]*?-?\}\}/g;
const MAX_ALIAS_COUNT = 100;
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, maxAliasCount: MAX_ALIAS_COUNT };

/**
 * Where template scans can stop: the end of the last `}}`. A `{{` after it closes nowhere, and
 * letting the regex try each such `{{` to the end of the text takes quadratic time.
 */
export function templateScanEnd(text: string): number {
  const i = text.lastIndexOf('}}');
  return i < 0 ? 0 : i + 2;
}

const NOT_GO_WORDS = new Set(['end', 'else', 'break', 'continue']);

/**
 * Is `{{ … }}` a Go template action? Grafana legends, Prometheus and Jinja-style placeholders
 * (`{{pod}}`, `{{ source_workload }}`, `{{ item.name }}`) are plain text in a valid YAML file; Go
 * fields start with `.` or `$`, and functions take arguments.
 */
export function isGoAction(action: string): boolean {
  if (action.startsWith('{{-') || action.endsWith('-}}')) return true;
  const body = action.slice(2, -2).trim();
  if (/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(body)) return NOT_GO_WORDS.has(body);
  return true;
}

/**
 * Mask Go template actions with filler of the same length so offsets stay exact: a line holding
 * only actions becomes blank (or, with `aloneAsComment`, a comment); an action inside a value
 * becomes `_` characters.
 * Linear time: lines and the blank text around actions are computed once, not per action.
 */
export function maskTemplates(text: string, aloneAsComment = false): string {
  const spans: [number, number][] = [];
  for (const m of text.slice(0, templateScanEnd(text)).matchAll(TEMPLATE)) if (isGoAction(m[0])) spans.push([m.index!, m.index! + m[0].length]);
  if (spans.length === 0) return text;
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  /** Index in `newlines` of the first line break at or after `o`. */
  const nextBreak = (o: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lineEndOf = (o: number) => newlines[nextBreak(o)] ?? text.length;
  const lineStartOf = (o: number) => {
    const k = nextBreak(o) - 1;
    return k < 0 ? 0 : newlines[k] + 1;
  };
  const blank = (from: number, to: number) => !/\S/.test(text.slice(from, to));
  // afterBlank[i]: the rest of the line after action i, the actions in it removed, is blank.
  const afterBlank: boolean[] = new Array(spans.length);
  for (let i = spans.length - 1; i >= 0; i--) {
    const end = spans[i][1];
    const lineEnd = lineEndOf(end);
    const next = spans[i + 1];
    if (next && next[0] < lineEnd) afterBlank[i] = next[1] <= lineEnd && blank(end, next[0]) && afterBlank[i + 1];
    else afterBlank[i] = blank(end, lineEnd);
  }
  let out = '';
  let pos = 0;
  let lineStart = -1;
  let firstContent = 0;
  for (let i = 0; i < spans.length; i++) {
    const [start, end] = spans[i];
    const ls = lineStartOf(start);
    if (ls !== lineStart) {
      lineStart = ls;
      const re = /\S/g;
      re.lastIndex = ls;
      firstContent = re.exec(text)?.index ?? text.length;
    }
    const alone = firstContent >= start && afterBlank[i];
    let filler = text.slice(start, end).replace(/[^\r\n]/g, alone ? ' ' : '_');
    // `#` keeps a blank template line from counting as a more-indented empty line of a block scalar.
    if (alone && aloneAsComment && firstContent === start && !filler.includes('\n')) filler = `#${filler.slice(1)}`;
    out += text.slice(pos, start) + filler;
    pos = end;
  }
  return out + text.slice(pos);
}

const DOC_START = /^---(?=[ \t\r\n]|$)/gm;

/** Offsets where a `---` line starts a document; the spec forbids such lines inside any content. */
function chunkStarts(src: string): number[] {
  const starts = [0];
  for (const m of src.matchAll(DOC_START)) if (m.index! > 0) starts.push(m.index!);
  return starts;
}

/**
 * Parse every document of a file. Given the model of the previous version of the same file, only
 * the chunks whose text changed are parsed again; the others are reused, moved to their new offset.
 * The previous model must not be used afterwards.
 */
export function parseYaml(text: string, previous?: YamlModel): YamlModel {
  const src = /(?<!\$)\{\{/.test(text) ? maskTemplates(text) : text;
  const templated = src !== text;
  // The other way to mask blank template lines, tried on chunks the first way leaves with errors.
  let alternative: string | undefined;
  const alt = () => (alternative ??= maskTemplates(text, true));
  // Directives (`%YAML`) belong to the document after them: parse such files whole.
  const starts = /^%/m.test(src) ? [0] : chunkStarts(src);
  const reusable = new Map<string, Chunk[]>();
  for (const c of previous?.chunks ?? []) {
    const list = reusable.get(c.text) ?? [];
    list.push(c);
    reusable.set(c.text, list);
  }
  const chunks: Chunk[] = starts.map((start, i) => {
    const chunkText = src.slice(start, starts[i + 1] ?? src.length);
    const old = reusable.get(chunkText)?.shift();
    if (old) {
      if (old.start !== start) for (const d of old.docs) shiftDocument(d, start - old.start);
      return { start, text: chunkText, docs: old.docs, docRange: [0, 0], errorRange: [0, 0] };
    }
    yamlParseStats.chunksParsed++;
    // parseAllDocuments, with the parser started at the chunk's offset: node ranges and error
    // positions come out as offsets in the file, with no pass over the tree to move them.
    const parse = (t: string): Document.Parsed[] => {
      const parser = new Parser();
      parser.offset = start;
      return Array.from(new Composer(PARSE_OPTIONS as never).compose(parser.parse(t))) as Document.Parsed[];
    };
    const errorCount = (ds: Document.Parsed[]) => ds.reduce((n, d) => n + d.errors.length, 0);
    let docs = parse(chunkText);
    if (templated && errorCount(docs) > 0) {
      const other = alt().slice(start, starts[i + 1] ?? src.length);
      if (other !== chunkText) {
        const second = parse(other);
        if (errorCount(second) < errorCount(docs)) docs = second;
      }
    }
    for (const d of docs) dropIfTooDeep(d);
    return { start, text: chunkText, docs, docRange: [0, 0], errorRange: [0, 0] };
  });
  const docs: YamlDoc[] = [];
  const errors: YamlModel['errors'] = [];
  for (const chunk of chunks) {
    const firstDoc = docs.length;
    const firstError = errors.length;
    for (const doc of chunk.docs) {
      const r = doc.range ?? [chunk.start, chunk.start, chunk.start];
      docs.push({ doc, index: docs.length, range: { start: r[0], end: r[2] } });
      for (const e of doc.errors) errors.push({ message: e.message, range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) } });
    }
    chunk.docRange = [firstDoc, docs.length];
    chunk.errorRange = [firstError, errors.length];
  }
  return { docs, errors, templated, chunks };
}

/**
 * A document nested so deeply that the parser ran out of stack is left half-built, with an error at
 * a position that depends on the stack depth at the time: keep no tree and one error at its start,
 * so that linting the same text always gives the same result.
 */
function dropIfTooDeep(doc: Document.Parsed) {
  const overflow = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message));
  if (!overflow) return;
  const at = doc.range?.[0] ?? 0;
  overflow.pos = [at, at + 1];
  overflow.message = 'the document is nested too deeply to parse';
  doc.errors = [overflow];
  doc.contents = null;
}

/** Move every offset of a parsed document by `delta`. */
function shiftDocument(doc: Document.Parsed, delta: number) {
  const move = (r: number[] | null | undefined) => {
    if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
  };
  move(doc.range as unknown as number[]);
  for (const e of [...doc.errors, ...doc.warnings]) move(e.pos as unknown as number[]);
  const seen = new Set<unknown>();
  visit(doc, (_key, node) => {
    // A pair's missing value (`key:` at the end of a chunk) is visited as null.
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (isPair(node)) {
      // Keys of pairs are not visited as nodes when they are scalars in some versions: move them here.
      const k = node.key as Node | null;
      if (k && typeof k === 'object' && 'range' in k && !seen.has(k)) {
        seen.add(k);
        move(k.range as unknown as number[]);
      }
      return;
    }
    move((node as Node).range as unknown as number[]);
  });
}

/** A view derived from a file's parsed YAML (Kubernetes objects, workflow jobs …), built once per parse and shared by every rule. */
export function cachedView<T>(build: (file: SourceFile, yaml: YamlModel) => T): (file: SourceFile) => T {
  const cache = new WeakMap<YamlModel, T>();
  return (file) => {
    const yaml = file.yaml;
    let view = cache.get(yaml);
    if (view === undefined) {
      view = build(file, yaml);
      cache.set(yaml, view);
    }
    return view;
  };
}

/** The indentation style of a YAML file, from its parsed documents (what fixes indent by). */
export const yamlStyle: (file: SourceFile) => YamlStyle = cachedView((file, yaml) => detectStyle(file.text, ...yaml.docs.map((d) => d.doc.contents)));
