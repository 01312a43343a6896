import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { Range } from '../types';
import type { LineIndex } from '../text/line-index';
import { parseImageRef, type ImageRef } from './image-ref';

/** A word of an instruction's arguments with its document range (continuations included). */
export interface DfArg {
  value: string;
  range: Range;
}

/** One instruction, with offsets into the document. */
export interface DfInstruction {
  /** Upper-case keyword (`RUN`, `FROM` …). */
  keyword: string;
  /** The keyword as written. */
  keywordText: string;
  keywordRange: Range;
  /** Whole instruction, keyword to the end of its last continuation line. */
  range: Range;
  args: DfArg[];
  /** Range of all arguments, or undefined when there are none. */
  argsRange?: Range;
  /** Raw argument text (continuations kept), offsets map 1:1 to `argsRange.start`. */
  argsText: string;
  /** `--name=value` flags before the first argument (`--from`, `--chown`, `--mount` …). */
  flags: { name: string; value: string | null; range: Range }[];
  /** Stage this instruction belongs to; undefined for global ARGs before the first FROM. */
  stage?: Stage;
  /** `name=value` pairs of ARG, ENV and LABEL. */
  properties: DfProperty[];
  /** JSON (exec) form for CMD/ENTRYPOINT/RUN/SHELL/HEALTHCHECK CMD. */
  jsonForm: boolean;
  /** A RUN's shell commands once engine/documents/shell.ts has split them (its cache; a symbol key, out of JSON and spreads). */
  [RUN_COMMANDS]?: unknown;
}

export const RUN_COMMANDS: unique symbol = Symbol('RUN commands');

export interface DfProperty {
  name: string;
  nameRange: Range;
  /** Unescaped value; undefined when the ARG has no default. */
  value?: string;
  valueRange?: Range;
}

/** A `FROM` with its image resolved through global ARG defaults. */
export interface DfFrom {
  instruction: DfInstruction;
  /** Image as written (`node:${NODE_VERSION}`), and its range. */
  image: string;
  imageRange: Range;
  /** Image with ARG defaults substituted; undefined when a variable has no default. */
  resolved?: string;
  /** Parts of the resolved image. */
  ref?: ImageRef;
  /** True when the image contains variables. */
  hasVariables: boolean;
  /** `AS name` (lower-cased as BuildKit does) and its range. */
  stageName?: string;
  stageNameRange?: Range;
  /** The image is an earlier stage (`FROM builder`). */
  fromStage?: Stage;
  scratch: boolean;
}

export interface Stage {
  index: number;
  name?: string;
  from: DfFrom;
  instructions: DfInstruction[];
}

export interface DockerfileModel {
  instructions: DfInstruction[];
  /** ARGs before the first FROM. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
  /** The stage that is built by default (the last one); undefined when there is no FROM. */
  finalStage?: Stage;
  /** Directives (`# syntax=`, `# escape=`, `# check=`) occupy the first lines; insertions go after them. */
  directivesEnd: number;
  escapeChar: string;
  /** Stages that end up in the final image: the final stage and the chain of stages it builds FROM. */
  shippedStages: Set<Stage>;
  stageByName(name: string): Stage | undefined;
  /** The instructions with this upper-case keyword, in document order (one list per keyword, made with the model). */
  ofKeyword(keyword: string): readonly DfInstruction[];
}

const NO_INSTRUCTIONS: readonly DfInstruction[] = [];

/**
 * An instruction of the model. A class whose constructor sets every field, so that all instructions
 * share one shape (an object literal with its own getter would be a dictionary-mode object each).
 * `args` of a RUN whose words were left out is read from the text the first time it is asked for.
 */
class ModelInstruction implements DfInstruction {
  stage: Stage | undefined = undefined;
  [RUN_COMMANDS]: unknown = undefined;
  #args: DfArg[] | undefined;
  constructor(
    readonly keyword: string,
    readonly keywordText: string,
    readonly keywordRange: Range,
    readonly range: Range,
    args: DfArg[] | undefined,
    readonly argsRange: Range | undefined,
    readonly argsText: string,
    readonly flags: DfInstruction['flags'],
    readonly properties: DfProperty[],
    readonly jsonForm: boolean,
    private readonly text: string,
    private readonly escapeChar: string,
  ) {
    this.#args = args;
  }

  get args(): DfArg[] {
    if (this.#args === undefined) {
      const words = rawArguments(this.text, this.keywordRange.end, this.range.end, this.escapeChar);
      this.#args = this.flags.length ? words.slice(this.flags.length) : words;
    }
    return this.#args;
  }
}

/**
 * The instructions with either keyword, in document order: what a walk over all instructions that
 * skips the others sees, from the model's per-keyword lists.
 */
export function instructionsOf(doc: DockerfileModel, keyword: string, other?: string): readonly DfInstruction[] {
  const a = doc.ofKeyword(keyword);
  if (other === undefined) return a;
  const b = doc.ofKeyword(other);
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: DfInstruction[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].range.start <= b[j].range.start ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

export function parseDockerfile(text: string, lines: LineIndex): DockerfileModel {
  const df = DockerfileParser.parse(text);
  const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Range => ({
    start: lines.offsetAt(r.start),
    end: lines.offsetAt(r.end),
  });
  const escapeChar = df.getEscapeCharacter();

  const globalArgs = new Map<string, string | undefined>();
  const instructions: DfInstruction[] = [];
  const stages: Stage[] = [];
  const byKeyword = new Map<string, DfInstruction[]>();
  let current: Stage | undefined;

  for (const node of df.getInstructions()) {
    const keyword = node.getKeyword();
    const keywordRange = toRange(node.getInstructionRange());
    const range = toRange(node.getRange());
    // The arguments as dockerfile-ast's getArguments() returns them, read in one pass over offsets
    // (its own getters convert every offset to a Position and back, several times per instruction).
    // A RUN's words past its flags are read again only when a rule asks for its `args` (rules read
    // its commands from `argsText`): here only their bounds.
    const stop = keyword === 'RUN' ? runFlagsEnd : undefined;
    const words: DfArg[] = [];
    const lastEnd = scanArguments(text, keywordRange.end, range.end, escapeChar, words, stop);
    const flags = readFlags(node, words, text);
    const args = lastEnd >= 0 ? undefined : flags.length ? words.slice(flags.length) : words;
    const argsRange = args
      ? args.length
        ? { start: args[0].range.start, end: args[args.length - 1].range.end }
        : undefined
      : { start: words[flags.length].range.start, end: lastEnd };
    const argsText = argsRange ? text.slice(argsRange.start, argsRange.end) : '';
    const ins = new ModelInstruction(
      keyword,
      node.getInstruction(),
      keywordRange,
      range,
      args,
      argsRange,
      argsText,
      flags,
      readProperties(node, keyword, toRange, text, escapeChar),
      argsRange !== undefined && /^\s*\[/.test(argsText) && isJsonArray(argsText, escapeChar),
      text,
      escapeChar,
    );
    instructions.push(ins);
    const same = byKeyword.get(keyword);
    if (same) same.push(ins);
    else byKeyword.set(keyword, [ins]);

    if (keyword === 'FROM') {
      const from = readFrom(ins, text, globalArgs);
      current = { index: stages.length, name: from.stageName, from, instructions: [ins] };
      if (from.ref && !from.hasVariables) {
        const target = stages.find((s) => s.name !== undefined && s.name === from.resolved?.toLowerCase());
        if (target) from.fromStage = target;
      }
      stages.push(current);
      ins.stage = current;
      continue;
    }
    if (!current) {
      if (keyword === 'ARG') for (const p of ins.properties) globalArgs.set(p.name, p.value);
      continue;
    }
    ins.stage = current;
    current.instructions.push(ins);
  }

  const finalStage = stages[stages.length - 1];
  const shippedStages = new Set<Stage>();
  for (let s: Stage | undefined = finalStage; s && !shippedStages.has(s); s = s.from.fromStage) shippedStages.add(s);

  const directives = df.getDirectives();
  const lastDirective = directives[directives.length - 1];
  // A directive on the last line (no line break after it) ends at the end of the text, not at 0.
  const afterDirectives = lastDirective ? lastDirective.getRange().end.line + 1 : 0;
  const directivesEnd = afterDirectives === 0 ? 0 : afterDirectives < lines.lineCount ? lines.lineStart(afterDirectives) : text.length;

  return {
    instructions,
    globalArgs,
    stages,
    finalStage,
    directivesEnd: Math.min(directivesEnd, text.length),
    escapeChar,
    shippedStages,
    stageByName: (name) => stages.find((s) => s.name === name.toLowerCase()),
    ofKeyword: (keyword) => byKeyword.get(keyword) ?? NO_INSTRUCTIONS,
  };
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;
const DOLLAR = 36;

/**
 * dockerfile-ast's `Instruction.getRawArguments()` (0.7.1) on offsets: the words of text[from, to)
 * (the instruction after its keyword), with the same values and ranges, line continuations, comment
 * lines inside continuations and escaped characters included. A faithful port, step for step, of
 * its character loop: the library's version converts every offset to a Position (and the model
 * converted them back), and builds each value one character at a time; this one copies runs of
 * characters. `test/engine/dockerfile-model.test.ts` compares the two on generated text.
 */
export function rawArguments(text: string, from: number, to: number, escapeChar: string): DfArg[] {
  const args: DfArg[] = [];
  scanArguments(text, from, to, escapeChar, args);
  return args;
}

/**
 * rawArguments into `args`. With `stop`, the words after the first one whose value stops it are
 * not made: only the end of the last one is kept, and returned (-1 when no word was left out).
 */
function scanArguments(text: string, from: number, to: number, escapeChar: string, args: DfArg[], stop?: (value: string) => boolean): number {
  const esc = escapeChar.charCodeAt(0);
  const len = to - from;
  const at = (i: number): number => (i < len ? text.charCodeAt(from + i) : -1);
  let start = false;
  let comment = false;
  let found = -1;
  // a space or tab was part of an escaped line break
  let escapedWhitespaceDetected = false;
  // inside an escaped line break
  let escaping = false;
  let escapeMarker = -1;
  // The value so far is `value` + text[from + runStart, from + runEnd).
  let value = '';
  let runStart = -1;
  let runEnd = -1;
  // Words are made (values and ranges) until `stop` says otherwise; then only the last end is kept.
  let make = true;
  let lastEnd = -1;
  const append = (i: number, n: number) => {
    if (runStart >= 0 && runEnd === i) {
      runEnd = i + n;
      return;
    }
    if (runStart >= 0 && make) value += text.slice(from + runStart, from + runEnd);
    runStart = i;
    runEnd = i + n;
  };
  const push = (end: number) => {
    if (make) {
      if (runStart >= 0) value += text.slice(from + runStart, from + runEnd);
      args.push({ value, range: { start: docOffset(text, from + found), end: docOffset(text, from + end) } });
      if (stop !== undefined && stop(value)) make = false;
    } else lastEnd = docOffset(text, from + end);
    value = '';
    runStart = -1;
    found = -1;
  };
  for (let i = 0; i < len; i++) {
    const ch = text.charCodeAt(from + i);
    if (ch === SPACE || ch === TAB || ch === CR || ch === LF) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (ch === CR || ch === LF) {
          // a line break: whitespace before it does not count
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        push(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
      }
    } else if (ch === esc) {
      const next = at(i + 1);
      if (next === SPACE || next === TAB) {
        for (let j = i + 2; j < len; j++) {
          const c = at(j);
          if (c === SPACE || c === TAB) continue;
          if (c === CR || c === LF) {
            if (c === CR) j++;
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) escapeMarker = i;
            i = j;
            break;
          }
          escapeMarker = i;
          if (found === -1) i = j - 1;
          break;
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) push(escapeMarker);
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === -1) break; // end of the text
        if (next === DOLLAR) append(i, 2);
        else append(i + 1, 1);
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && ch === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) push(escapeMarker);
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        append(i, 1);
        if (found === -1) found = i;
        // The characters up to the next blank, line break or escape character take this same
        // branch one by one (nothing above changes for them): one run.
        let j = i + 1;
        for (; j < len; j++) {
          const c = text.charCodeAt(from + j);
          if (c === SPACE || c === TAB || c === CR || c === LF || c === esc) break;
        }
        if (j > i + 1) {
          append(i + 1, j - i - 1);
          i = j - 1;
        }
      }
      // a character that is not whitespace
      start = false;
    }
  }
  if (found !== -1) push(escapeMarker === -1 ? len : escapeMarker);
  return lastEnd;
}

/**
 * The offset that a round trip through a TextDocument Position gives: clamped to the text, and
 * moved off the middle of a `\r\n` (there is no position between its two characters).
 */
function docOffset(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  return text.charCodeAt(offset) === LF && text.charCodeAt(offset - 1) === CR ? offset - 1 : offset;
}

type FlagNode = { getFlags?: unknown; stopSearchingForFlags?: (value: string) => boolean };

/**
 * dockerfile-ast's `Run.stopSearchingForFlags` (0.7.1): a word without `--` ends a RUN's flags.
 * A function of this module rather than a call on the parsed node, so that the optimized scan does
 * not depend on the node's class (test/engine/dockerfile-model.test.ts holds the flags to the library's).
 */
const runFlagsEnd = (value: string): boolean => value.indexOf('--') === -1;

/**
 * dockerfile-ast's `ModifiableInstruction.getFlags()` on the words already read: the `--name=value`
 * words before the first word that stops the search (which word does is the instruction class's
 * own `stopSearchingForFlags`); its `getArguments()` then drops as many words from the front.
 */
function readFlags(node: Instruction, words: DfArg[], text: string): DfInstruction['flags'] {
  const n = node as unknown as FlagNode;
  if (typeof n.getFlags !== 'function' || typeof n.stopSearchingForFlags !== 'function') return [];
  const flags: DfInstruction['flags'] = [];
  for (const w of words) {
    const value = w.value;
    if (n.stopSearchingForFlags(value)) break;
    if (value.indexOf('--') !== 0) continue;
    const range = { start: w.range.start, end: w.range.end };
    // The library compares the position of `=` in the text as written with the unescaped value.
    const index = text.slice(range.start, range.end).indexOf('=');
    if (index === -1) flags.push({ name: value.substring(2), value: null, range });
    else if (index === value.length - 1) flags.push({ name: value.substring(2, index), value: '', range });
    else {
      const nameIndex = value.indexOf('=');
      flags.push({ name: value.substring(2, nameIndex), value: value.substring(nameIndex + 1), range });
    }
  }
  return flags;
}

type AstProperty = { getName(): string; getNameRange(): any; getValue(): string | null; getValueRange(): any };
type AstArgument = { getRange(): any };

function readProperties(node: Instruction, keyword: string, toRange: (r: any) => Range, text: string, escapeChar: string): DfProperty[] {
  const n = node as unknown as { getProperties?: () => AstProperty[]; getPropertyArguments?: () => AstArgument[] };
  // dockerfile-ast reads `ARG A B=1` like the legacy `ENV A value` form (one property A = "B=1"),
  // but every ARG word declares its own variable.
  if (keyword === 'ARG' && typeof n.getPropertyArguments === 'function') {
    return n.getPropertyArguments().map((a) => {
      const r = toRange(a.getRange());
      const raw = text.slice(r.start, r.end);
      const eq = raw.indexOf('=');
      if (eq < 0) return { name: raw, nameRange: r };
      return {
        name: raw.slice(0, eq),
        nameRange: { start: r.start, end: r.start + eq },
        value: unquote(stripContinuations(raw.slice(eq + 1), escapeChar)),
        valueRange: { start: r.start + eq + 1, end: r.end },
      };
    });
  }
  const props = typeof n.getProperties === 'function' ? n.getProperties() : [];
  return props.map((p) => {
    const vr = p.getValueRange();
    // getValue() is the value as Docker sees it (quotes and escapes removed).
    return { name: p.getName(), nameRange: toRange(p.getNameRange()), value: p.getValue() ?? undefined, valueRange: vr ? toRange(vr) : undefined };
  });
}

const CONTINUATION = new Map<string, RegExp>();

function stripContinuations(s: string, escapeChar: string): string {
  let re = CONTINUATION.get(escapeChar);
  if (!re) {
    const esc = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    CONTINUATION.set(escapeChar, (re = new RegExp(`${esc}[ \\t]*(?:\\r\\n|\\r|\\n)\\s*`, 'g')));
  }
  return s.replace(re, '');
}

/** dockerfile-ast's From getters (`getImage`, `getImageRange`, `getBuildStage`…) on the words already read. */
function readFrom(ins: DfInstruction, text: string, globalArgs: Map<string, string | undefined>): DfFrom {
  const args = ins.args;
  const imageRange = args.length ? args[0].range : ins.argsRange ?? ins.keywordRange;
  const image = args.length ? args[0].value : '';
  const hasVariables = image.includes('$');
  const resolved = hasVariables ? expandVariables(image, globalArgs) : image;
  const stageNameRange = args.length > 2 && args[1].value.toUpperCase() === 'AS' ? args[2].range : undefined;
  const stageName = stageNameRange ? text.slice(stageNameRange.start, stageNameRange.end) : undefined;
  return {
    instruction: ins,
    image,
    imageRange,
    resolved,
    ref: resolved ? parseImageRef(resolved) : undefined,
    hasVariables,
    stageName: stageName?.toLowerCase(),
    stageNameRange,
    scratch: resolved?.toLowerCase() === 'scratch',
  };
}

/** `ARG A=1 B` → [[A, '1'], [B, undefined]]. */
export function readArg(argsText: string): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const word of argsText.replace(/\\\r?\n/g, ' ').trim().split(/\s+/)) {
    if (!word) continue;
    const eq = word.indexOf('=');
    if (eq < 0) out.push([word, undefined]);
    else out.push([word.slice(0, eq), unquote(word.slice(eq + 1))]);
  }
  return out;
}

function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Substitute `$V`, `${V}`, `${V:-d}`, `${V-d}`, `${V:+a}` from `vars`. Returns undefined when a
 * variable has no value and no default (the image cannot be known statically).
 */
export function expandVariables(text: string, vars: Map<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = text.replace(VAR, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const value = vars.get(name);
    const set = value !== undefined && value !== '';
    if (op === ':-' || op === '-') return set ? value! : expandVariables(word ?? '', vars) ?? ((unknown = true), '');
    if (op === ':+' || op === '+') return set ? word ?? '' : '';
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : out;
}

function isJsonArray(s: string, escapeChar = '\\'): boolean {
  try {
    return Array.isArray(JSON.parse(stripContinuations(s, escapeChar)));
  } catch {
    return false;
  }
}
