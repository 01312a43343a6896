// `${{ }}` expressions of GitHub Actions: where they are (document offsets), their tokens, the
// context properties and functions they use, and syntax errors. A small hand-written tokenizer:
// @actions/expressions is ESM-only with `import`-only exports and cannot be required by the engine.
import type { Range } from '../types';

export type TokenKind = 'ident' | 'number' | 'string' | 'op' | 'dot' | 'comma' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'star' | 'bad';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Document offsets. */
  start: number;
  end: number;
}

/** A property path such as `github.event.issue.title` (`*` for filters, `[…]` string keys as names). */
export interface ContextRef {
  /** Lower-cased path segments; dynamic `[expr]` segments are `*?`. */
  path: string[];
  /** Segments as written. */
  raw: string[];
  /** The whole reference. */
  range: Range;
  /** Range of each segment (for pointing at an unknown property). */
  segments: Range[];
}

export interface FunctionCall {
  name: string;
  range: Range;
  /** Tokens of each argument (top-level commas split them). */
  args: Token[][];
  /** Range from the name to the closing parenthesis. */
  callRange: Range;
}

export interface Expression {
  /** `${{` to `}}` inclusive. */
  range: Range;
  /** Range of the text between the braces. */
  innerRange: Range;
  inner: string;
  closed: boolean;
  tokens: Token[];
  refs: ContextRef[];
  calls: FunctionCall[];
  /** First syntax error, if any. */
  error?: { message: string; range: Range };
}

/** Find every `${{ … }}` in `text` between `from` and `to` (document offsets). */
export function findExpressions(text: string, from = 0, to = text.length): Expression[] {
  const out: Expression[] = [];
  let i = text.indexOf('${{', from);
  while (i >= 0 && i < to) {
    const innerStart = i + 3;
    const close = findClose(text, innerStart, to);
    const closed = close >= 0;
    const innerEnd = closed ? close : lineEnd(text, innerStart, to);
    const inner = text.slice(innerStart, innerEnd);
    const expr: Expression = {
      range: { start: i, end: closed ? close + 2 : innerEnd },
      innerRange: { start: innerStart, end: innerEnd },
      inner,
      closed,
      tokens: [],
      refs: [],
      calls: [],
    };
    analyze(expr);
    if (!closed) expr.error = { message: 'the expression is not closed with "}}"', range: { start: i, end: innerEnd } };
    out.push(expr);
    i = text.indexOf('${{', closed ? close + 2 : innerEnd);
  }
  return out;
}

function lineEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The `}}` closing an expression, skipping string literals. */
function findClose(text: string, from: number, to: number): number {
  let i = from;
  while (i < to - 1) {
    const c = text[i];
    if (c === "'") {
      i++;
      while (i < to && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      i++;
      continue;
    }
    if (c === '}' && text[i + 1] === '}') return i;
    if (c === '$' && text[i + 1] === '{' && text[i + 2] === '{') return -1;
    i++;
  }
  return -1;
}

const SINGLE: Readonly<Record<string, TokenKind>> = { '.': 'dot', ',': 'comma', '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket', '*': 'star' };
const SPACE = /\s/;

// Character classes by char code: the tokenizer tests each character, and a regex test per
// character (on a one-character string) was most of its time.
/** `\s`: ASCII whitespace here, the regex for the rest of Unicode. */
const isSpace = (src: string, i: number): boolean => {
  const c = src.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(src[i]));
};
/** [0-9]; false past the end (NaN). */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** [A-Za-z_] */
const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** [A-Za-z0-9_-] */
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c) || c === 45;
/** [0-9a-fA-FxX.eE+-] */
const isNumberPart = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 120 || c === 88 || c === 46 || c === 43 || c === 45;
/** [+-] */
const isSign = (c: number): boolean => c === 43 || c === 45;
/** [eE] */
const isExponent = (c: number): boolean => c === 101 || c === 69;

/** The operator starting at `i`: ==, !=, <=, >=, &&, ||, <, >, ! (two-character ones first). */
function operatorAt(src: string, i: number): string | undefined {
  const c = src[i];
  const d = src[i + 1];
  switch (c) {
    case '=':
      return d === '=' ? '==' : undefined;
    case '!':
      return d === '=' ? '!=' : '!';
    case '<':
      return d === '=' ? '<=' : '<';
    case '>':
      return d === '=' ? '>=' : '>';
    case '&':
      return d === '&' ? '&&' : undefined;
    case '|':
      return d === '|' ? '||' : undefined;
    default:
      return undefined;
  }
}

export function tokenize(src: string, base: number): { tokens: Token[]; error?: { message: string; range: Range } } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (isSpace(src, i)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      i++;
      let closed = false;
      while (i < src.length) {
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        i++;
      }
      if (!closed) return { tokens, error: { message: 'unterminated string literal', range: { start: base + start, end: base + src.length } } };
      tokens.push({ kind: 'string', text: src.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    if (c === '"') return { tokens, error: { message: 'strings use single quotes in expressions', range: { start: base + i, end: base + i + 1 } } };
    const code = src.charCodeAt(i);
    if (isDigit(code) || (code === 45 && isDigit(src.charCodeAt(i + 1)) && !prevIsValue(tokens))) {
      i++;
      while (i < src.length && isNumberPart(src.charCodeAt(i)) && !(isSign(src.charCodeAt(i)) && !isExponent(src.charCodeAt(i - 1)))) i++;
      tokens.push({ kind: 'number', text: src.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    if (isIdentStart(code)) {
      i++;
      while (i < src.length && isIdentPart(src.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', text: src.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    const op = operatorAt(src, i);
    if (op) {
      i += op.length;
      tokens.push({ kind: 'op', text: op, start: base + start, end: base + i });
      continue;
    }
    const single = SINGLE[c];
    if (single) {
      i++;
      tokens.push({ kind: single, text: c, start: base + start, end: base + i });
      continue;
    }
    return { tokens, error: { message: `unexpected character "${c}"`, range: { start: base + i, end: base + i + 1 } } };
  }
  return { tokens };
}

function prevIsValue(tokens: Token[]): boolean {
  const p = tokens[tokens.length - 1];
  return !!p && ['ident', 'number', 'string', 'rparen', 'rbracket'].includes(p.kind);
}

const LITERALS = new Set(['true', 'false', 'null', 'NaN', 'Infinity']);

function analyze(expr: Expression) {
  const { tokens, error } = tokenize(expr.inner, expr.innerRange.start);
  expr.tokens = tokens;
  if (error) expr.error = error;
  // references and calls
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'ident') continue;
    const prev = tokens[i - 1];
    if (prev && prev.kind === 'dot') continue;
    if (tokens[i + 1]?.kind === 'lparen') {
      const call = readCall(tokens, i);
      expr.calls.push(call);
      continue;
    }
    if (LITERALS.has(t.text)) continue;
    const path = [t.text.toLowerCase()];
    const raw = [t.text];
    const segments: Range[] = [{ start: t.start, end: t.end }];
    let j = i + 1;
    let end = t.end;
    while (j < tokens.length) {
      const a = tokens[j];
      const b = tokens[j + 1];
      if (a.kind === 'dot' && b && (b.kind === 'ident' || b.kind === 'star' || b.kind === 'number')) {
        path.push(b.kind === 'star' ? '*' : b.text.toLowerCase());
        raw.push(b.text);
        segments.push({ start: b.start, end: b.end });
        end = b.end;
        j += 2;
      } else if (a.kind === 'lbracket') {
        // find matching ]
        let depth = 0;
        let k = j;
        for (; k < tokens.length; k++) {
          if (tokens[k].kind === 'lbracket') depth++;
          else if (tokens[k].kind === 'rbracket' && --depth === 0) break;
        }
        const insideTokens = tokens.slice(j + 1, k);
        const inside = insideTokens.length === 1 ? insideTokens[0] : undefined;
        if (inside?.kind === 'string') {
          const name = inside.text.slice(1, -1).replace(/''/g, "'");
          path.push(name.toLowerCase());
          raw.push(name);
        } else if (inside?.kind === 'star') {
          path.push('*');
          raw.push('*');
        } else {
          path.push('*?');
          raw.push('*?');
        }
        segments.push({ start: a.start, end: tokens[k]?.end ?? a.end });
        end = tokens[k]?.end ?? a.end;
        j = k + 1;
      } else break;
    }
    expr.refs.push({ path, raw, range: { start: t.start, end }, segments });
    i = j - 1;
  }
  if (!expr.error) expr.error = checkSyntax(tokens, expr.innerRange);
}

function readCall(tokens: Token[], i: number): FunctionCall {
  const name = tokens[i];
  const args: Token[][] = [];
  let depth = 0;
  let cur: Token[] = [];
  let k = i + 1;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'lparen' || t.kind === 'lbracket') {
      depth++;
      if (depth === 1 && t.kind === 'lparen') continue;
    } else if (t.kind === 'rparen' || t.kind === 'rbracket') {
      depth--;
      if (depth === 0) break;
    } else if (t.kind === 'comma' && depth === 1) {
      args.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
  }
  if (cur.length || args.length) args.push(cur);
  return { name: name.text, range: { start: name.start, end: name.end }, args, callRange: { start: name.start, end: tokens[k]?.end ?? name.end } };
}

/** A light grammar check: balanced brackets, operands between operators, nothing dangling. */
function checkSyntax(tokens: Token[], inner: Range): { message: string; range: Range } | undefined {
  if (tokens.length === 0) return { message: 'the expression is empty', range: inner };
  const stack: Token[] = [];
  let expectOperand = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const r = { start: t.start, end: t.end };
    switch (t.kind) {
      case 'ident':
      case 'number':
      case 'string':
        if (!expectOperand) return { message: `unexpected "${t.text}": an operator is missing`, range: r };
        expectOperand = false;
        break;
      case 'star':
        if (tokens[i - 1]?.kind !== 'dot' && !(tokens[i - 1]?.kind === 'lbracket' && tokens[i + 1]?.kind === 'rbracket')) return { message: 'unexpected "*"', range: r };
        expectOperand = false;
        break;
      case 'dot':
        if (expectOperand) return { message: 'unexpected "."', range: r };
        if (!['ident', 'star', 'number'].includes(tokens[i + 1]?.kind ?? '')) return { message: 'a property name must follow "."', range: r };
        expectOperand = true;
        break;
      case 'op':
        if (t.text === '!') {
          if (!expectOperand) return { message: 'unexpected "!"', range: r };
        } else {
          if (expectOperand) return { message: `unexpected operator "${t.text}"`, range: r };
          expectOperand = true;
        }
        break;
      case 'lparen':
        stack.push(t);
        expectOperand = true;
        if (tokens[i + 1]?.kind === 'rparen' && tokens[i - 1]?.kind === 'ident') expectOperand = false;
        break;
      case 'lbracket':
        if (expectOperand) return { message: 'unexpected "["', range: r };
        stack.push(t);
        expectOperand = true;
        break;
      case 'rparen':
      case 'rbracket': {
        const open = stack.pop();
        const want = t.kind === 'rparen' ? 'lparen' : 'lbracket';
        if (!open || open.kind !== want) return { message: `unbalanced "${t.text}"`, range: r };
        if (expectOperand && !(tokens[i - 1]?.kind === 'lparen')) return { message: `unexpected "${t.text}"`, range: r };
        expectOperand = false;
        break;
      }
      case 'comma':
        if (!stack.some((s) => s.kind === 'lparen')) return { message: 'unexpected ","', range: r };
        if (expectOperand) return { message: 'unexpected ","', range: r };
        expectOperand = true;
        break;
      default:
        return { message: `unexpected "${t.text}"`, range: r };
    }
  }
  if (stack.length) return { message: `"${stack[stack.length - 1].text}" is not closed`, range: { start: stack[stack.length - 1].start, end: stack[stack.length - 1].end } };
  if (expectOperand) {
    const last = tokens[tokens.length - 1];
    return { message: `the expression ends after "${last.text}"`, range: { start: last.start, end: last.end } };
  }
  return undefined;
}

/** Expressions in a scalar node's source text. */
export function expressionsIn(text: string, node: { range?: [number, number, number] | null } | null | undefined): Expression[] {
  const r = node?.range;
  if (!r) return [];
  return findExpressions(text, r[0], r[1]);
}

/** Is the whole scalar a single `${{ … }}` (no text around it)? */
export function isWholeExpression(value: string): boolean {
  const t = value.trim();
  if (!t.startsWith('${{') || !t.endsWith('}}')) return false;
  const list = findExpressions(t);
  return list.length === 1 && list[0].range.start === 0 && list[0].range.end === t.length;
}

// --- Untrusted inputs (actionlint's list and zizmor's) ------------------------------------------

const UNTRUSTED: RegExp[] = [
  /^github\.event\.issue\.(title|body)$/,
  /^github\.event\.pull_request\.(title|body)$/,
  /^github\.event\.comment\.body$/,
  /^github\.event\.review\.body$/,
  /^github\.event\.review_comment\.body$/,
  /^github\.event\.pages\.[^.]+\.page_name$/,
  /^github\.event\.commits\.[^.]+\.message$/,
  /^github\.event\.head_commit\.message$/,
  /^github\.event\.head_commit\.author\.(email|name)$/,
  /^github\.event\.commits\.[^.]+\.author\.(email|name)$/,
  /^github\.event\.pull_request\.head\.ref$/,
  /^github\.event\.pull_request\.head\.label$/,
  /^github\.event\.pull_request\.head\.repo\.default_branch$/,
  /^github\.event\.pull_request\.head\.repo\.(description|homepage)$/,
  /^github\.event\.workflow_run\.head_branch$/,
  /^github\.event\.workflow_run\.head_commit\.message$/,
  /^github\.event\.workflow_run\.head_commit\.author\.(email|name)$/,
  /^github\.event\.workflow_run\.pull_requests\.[^.]+\.head\.ref$/,
  /^github\.event\.workflow_run\.display_title$/,
  /^github\.event\.discussion\.(title|body)$/,
  /^github\.event\.release\.(name|body)$/,
  /^github\.head_ref$/,
];

/** Is this reference attacker-controlled text (titles, bodies, branch names, commit messages …)? */
export function isUntrusted(ref: ContextRef): boolean {
  // every pattern starts with `github.`
  if (ref.path[0] !== 'github') return false;
  const p = ref.path.map((s) => (s === '*?' ? '*' : s)).join('.');
  return UNTRUSTED.some((r) => r.test(p));
}

/** The expression's references, but only the top one of each chain (what the expression reads). */
export function untrustedRefs(expr: Expression): ContextRef[] {
  return expr.refs.filter(isUntrusted);
}

/** An environment variable name for a reference (`github.event.issue.title` → `ISSUE_TITLE`). */
export function envNameFor(ref: ContextRef): string {
  const parts = ref.raw.filter((p) => p !== '*' && p !== '*?');
  const skip = new Set(['github', 'event']);
  const tail = parts.filter((p) => !skip.has(p.toLowerCase()));
  const pick = tail.length >= 2 ? tail.slice(-2) : tail.length ? tail : parts.slice(-1);
  return pick.join('_').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}

/**
 * The expression of an `if:` value: the `${{ }}` inside it, or the whole value (which GitHub
 * evaluates as an expression when it has no `${{`). `approximate` is set when the value is a
 * block or escaped scalar, whose offsets do not map 1:1 to the text: report on the node then.
 */
export function conditionExpression(
  text: string,
  node: { value?: unknown; type?: string; range?: [number, number, number] | null } | null | undefined,
  /** How to find the `${{ }}` in the node (the workflow model passes its per-node cache). */
  expressionsOf: (node: { range?: [number, number, number] | null }) => Expression[] = (n) => expressionsIn(text, n),
): (Expression & { approximate?: boolean }) | undefined {
  const r = node?.range;
  if (!r || node?.value === null || node?.value === undefined) return undefined;
  const value = String(node.value);
  if (value.includes('${{')) {
    const list = expressionsOf(node);
    return list.length === 1 ? list[0] : undefined;
  }
  let base = r[0];
  let approximate = false;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    base = r[0] + 1;
    if (text.slice(r[0] + 1, r[1] - 1) !== value) approximate = true;
  } else if (node.type !== 'PLAIN' || text.slice(r[0], r[1]) !== value) approximate = true;
  const expr: Expression & { approximate?: boolean } = {
    range: { start: r[0], end: r[1] },
    innerRange: approximate ? { start: r[0], end: r[1] } : { start: base, end: base + value.length },
    inner: value,
    closed: true,
    tokens: [],
    refs: [],
    calls: [],
    approximate,
  };
  analyzeExpression(expr, approximate ? r[0] : base);
  if (approximate) {
    const whole = { start: r[0], end: r[1] };
    if (expr.error) expr.error.range = whole;
    for (const ref of expr.refs) {
      ref.range = whole;
      ref.segments = ref.segments.map(() => whole);
    }
    for (const c of expr.calls) c.range = c.callRange = whole;
  }
  return expr;
}

function analyzeExpression(expr: Expression, base: number) {
  expr.innerRange = { start: base, end: base + expr.inner.length };
  analyze(expr);
}
