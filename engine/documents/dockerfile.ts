import { DockerfileParser, type Instruction, type From } from 'dockerfile-ast';
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
  /** The underlying dockerfile-ast node, for rules that need more. */
  node: Instruction;
}

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
}

export function parseDockerfile(text: string, lines: LineIndex): DockerfileModel {
  const df = DockerfileParser.parse(text);
  const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Range => ({
    start: lines.offsetAt(r.start),
    end: lines.offsetAt(r.end),
  });

  const globalArgs = new Map<string, string | undefined>();
  const instructions: DfInstruction[] = [];
  const stages: Stage[] = [];
  let current: Stage | undefined;

  for (const node of df.getInstructions()) {
    const keyword = node.getKeyword();
    const argsR = node.getArgumentsRange();
    const argsRange = argsR ? toRange(argsR) : undefined;
    const ins: DfInstruction = {
      keyword,
      keywordText: node.getInstruction(),
      keywordRange: toRange(node.getInstructionRange()),
      range: toRange(node.getRange()),
      args: node.getArguments().map((a) => ({ value: a.getValue(), range: toRange(a.getRange()) })),
      argsRange,
      argsText: argsRange ? text.slice(argsRange.start, argsRange.end) : '',
      flags: readFlags(node, toRange),
      properties: readProperties(node, toRange, text, df.getEscapeCharacter()),
      jsonForm: false,
      node,
    };
    ins.jsonForm = argsRange !== undefined && /^\s*\[/.test(ins.argsText) && isJsonArray(ins.argsText, df.getEscapeCharacter());
    instructions.push(ins);

    if (keyword === 'FROM') {
      const from = readFrom(node as From, ins, toRange, globalArgs);
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
    escapeChar: df.getEscapeCharacter(),
    shippedStages,
    stageByName: (name) => stages.find((s) => s.name === name.toLowerCase()),
  };
}

function readFlags(node: Instruction, toRange: (r: any) => Range): DfInstruction['flags'] {
  const getFlags = (node as unknown as { getFlags?: () => { getName(): string; getValue(): string | null; getRange(): any }[] }).getFlags;
  if (typeof getFlags !== 'function') return [];
  return getFlags.call(node).map((f) => ({ name: f.getName(), value: f.getValue(), range: toRange(f.getRange()) }));
}

type AstProperty = { getName(): string; getNameRange(): any; getValue(): string | null; getValueRange(): any };
type AstArgument = { getRange(): any };

function readProperties(node: Instruction, toRange: (r: any) => Range, text: string, escapeChar: string): DfProperty[] {
  const n = node as unknown as { getProperties?: () => AstProperty[]; getPropertyArguments?: () => AstArgument[] };
  // dockerfile-ast reads `ARG A B=1` like the legacy `ENV A value` form (one property A = "B=1"),
  // but every ARG word declares its own variable.
  if (node.getKeyword() === 'ARG' && typeof n.getPropertyArguments === 'function') {
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

function stripContinuations(s: string, escapeChar: string): string {
  const esc = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return s.replace(new RegExp(`${esc}[ \\t]*(?:\\r\\n|\\r|\\n)\\s*`, 'g'), '');
}

function readFrom(node: From, ins: DfInstruction, toRange: (r: any) => Range, globalArgs: Map<string, string | undefined>): DfFrom {
  const imageR = node.getImageRange();
  const imageRange = imageR ? toRange(imageR) : ins.argsRange ?? ins.keywordRange;
  const image = node.getImage() ?? '';
  const hasVariables = image.includes('$');
  const resolved = hasVariables ? expandVariables(image, globalArgs) : image;
  const stageR = node.getBuildStageRange();
  const stageName = node.getBuildStage() ?? undefined;
  return {
    instruction: ins,
    image,
    imageRange,
    resolved,
    ref: resolved ? parseImageRef(resolved) : undefined,
    hasVariables,
    stageName: stageName?.toLowerCase(),
    stageNameRange: stageR ? toRange(stageR) : undefined,
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
