import type { Range } from '../types';
import { RUN_COMMANDS, type DfInstruction, type DockerfileModel, type Stage } from './dockerfile';

/** A word of a simple command: its value (quotes removed, expansions kept as written) and range. */
export interface ShellWord {
  value: string;
  range: Range;
  /** Some part of the word was quoted (`"…"`, `'…'`, `$'…'` or a `\` escape). */
  quoted?: boolean;
  /** The word contains `$VAR`, `${…}`, `$(…)` or backticks outside any quotes. */
  unquotedExpansion?: boolean;
}

/** A redirection of a simple command (`> file`, `2>&1`, `<<EOF`); kept out of `words`. */
export interface ShellRedirect {
  op: string;
  target?: ShellWord;
  range: Range;
}

/** One simple command of a RUN line: its words with document offsets. */
export interface ShellCommand {
  words: ShellWord[];
  range: Range;
  /** The operator that follows (`&&`, `||`, `;`, `|`, `&`), if any. */
  next?: string;
  /** The operator that precedes, if any. */
  prev?: string;
  redirects?: ShellRedirect[];
  /** Where the command sits: inside `( … )`, or inside `$( … )` / backticks / `<( … )`. */
  nested?: 'subshell' | 'substitution';
  /** Inside the condition or body of `if`, `while`, `until`, `for`, `case` or `{ … }`. */
  compound?: boolean;
  /** Read from a heredoc body that the shell runs as a script (`RUN <<EOF`, `bash <<EOF`). */
  heredoc?: boolean;
}

export interface SplitOptions {
  /** The Dockerfile escape character, which also marks line continuations (default `\`). */
  escape?: string;
}

const COMPOUND_OPEN = new Set(['if', 'while', 'until', '{']);
const COMPOUND_CLOSE = new Set(['fi', 'done', '}']);
const SKIPPED_KEYWORDS = new Set(['then', 'else', 'elif', 'do', '!', 'time']);
const SHELLS = /^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)$/;

/**
 * Split a RUN instruction's shell text into simple commands on `&&`, `||`, `;`, `|`, `&` and
 * newlines, honouring quotes, `\` continuations (and the comment lines Docker drops inside them),
 * redirections, subshells, `$( … )`, backticks, compound-command keywords (`if … fi`, `for … done`,
 * `case … esac`, `{ … }`) and heredocs: the body of `RUN <<EOF` or `sh <<EOF` is split as shell,
 * any other heredoc body is data. `base` is the offset of `text` in the document. Words keep
 * their quotes stripped; offsets point at the word as written.
 */
export function splitCommands(text: string, base = 0, options: SplitOptions = {}): ShellCommand[] {
  const out: ShellCommand[] = [];
  scan({ text, base, esc: options.escape ?? '\\', out, deferred: [], depth: 0 }, 0, text.length, undefined, false);
  return out;
}

// What the helpers below compute once per command, kept on the command under symbol keys (out of
// JSON, Object.keys and spreads; a WeakMap look-up per call cost more than the work it saved).
const WORDS = Symbol('commandWords');
const NAME = Symbol('commandName');
const PACKAGE = Symbol('packageCommand');

/**
 * A command as the scanner makes it: the ShellCommand fields, and the helpers' results once computed.
 * One object literal with every field (unset ones undefined), so that all commands share one shape
 * that V8 keeps (a class instance's shape, or one grown by adding a field, goes once no object with
 * it is left, and the optimized code that reads commands with it).
 */
function command(
  words: ShellWord[],
  range: Range,
  next: string | undefined,
  prev: string | undefined,
  redirects: ShellRedirect[] | undefined,
  nested: ShellCommand['nested'],
  compound: true | undefined,
  heredoc: true | undefined,
): Cached {
  return { words, range, next, prev, redirects, nested, compound, heredoc, [WORDS]: undefined, [NAME]: undefined, [PACKAGE]: undefined };
}

type Cached = ShellCommand & { [WORDS]?: ShellWord[]; [NAME]?: string | null; [PACKAGE]?: PackageCommand | null };

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  owner: ShellWord[];
}

/**
 * ASCII characters that the scanner's loop copies into the current word and nothing else: not
 * blanks or line breaks, quotes, `$`, backticks, `\\`, `#`, redirections, operators or parentheses
 * (nor either escape character, `\\` or a backtick).
 */
const PLAIN = new Uint8Array(128);
for (let k = 33; k < 127; k++) if (!`'"$\`\\#<>&|;()`.includes(String.fromCharCode(k))) PLAIN[k] = 1;

// Regexes used per word, command or redirection, compiled once (none is global or sticky: no lastIndex state).
const ESAC = /^esac(?![A-Za-z0-9_])/;
const DIGITS = /^\d+$/;
const REDIRECT_OP = /^(?:<<<|<<-|<<|<>|<&|>>|>&|>\||&>>|&>|<|>)/;
const HEREDOC_WORD = /^(["']?)([^\s"'<>|&;()]+)\1/;
const TRAILING_CR = /\r$/;
const LEADING_TABS = /^\t+/;
const VARIABLE_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
const SINGLE_OPTION = /^-[a-z]$/;
const PYTHON = /^python(?:\d+(?:\.\d+)*)?$/;
const PIP_MODULE = /^pip\d*$/;
const PIP_VERSIONED = /^pip\d+(?:\.\d+)?$/;
const SHORT_BUNDLE = /^-[a-zA-Z]{2,}$/;
const BUNDLE_WITH_DIGIT = /^-[a-zA-Z]*\d/;

/** Substitutions nested deeper than this are skipped, not scanned. */
const MAX_NESTING = 64;

/**
 * What a scan reads and writes: one object literal, not a class instance (V8 keeps a literal's shape
 * while the code that makes it lives; a class instance's shape goes once no instance is left, and the
 * optimized scan with it).
 */
interface Scanner {
  readonly text: string;
  readonly base: number;
  readonly esc: string;
  out: ShellCommand[];
  /** Commands found inside `$( … )` of the command being read; emitted right after it. */
  deferred: ShellCommand[][];
  /** How many substitutions deep the scan is; beyond MAX_NESTING their insides are not scanned. */
  depth: number;
}

/** Scan a substitution's inside; its commands follow the enclosing command in the output. */
function nestedScan(s: Scanner, from: number, to: number, heredoc: boolean) {
  // `$($($(…` thousands deep would overflow the stack (and rescan the text once per level).
  if (s.depth >= MAX_NESTING) return;
  const saved = s.out;
  s.out = [];
  s.depth++;
  try {
    scan(s, from, to, 'substitution', heredoc);
  } finally {
    s.depth--;
  }
  s.deferred[s.deferred.length - 1]?.push(...s.out);
  s.out = saved;
}

/** Tokenize text[from, to) as a command list. */
function scan(s: Scanner, from: number, to: number, nested: ShellCommand['nested'], heredoc: boolean): void {
  const { text, esc } = s;
  const escCode = esc.charCodeAt(0);
  let words: ShellWord[] = [];
  let redirects: ShellRedirect[] = [];
  // The word's value so far is `value` + text[runStart, runEnd): characters copied as they are
  // extend the run, and are sliced out in one piece.
  let value = '';
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) {
      value += text.slice(runStart, runEnd);
      runStart = -1;
    }
  };
  /** Append text[a, b) to the value. */
  const add = (a: number, b: number) => {
    if (b <= a) return;
    if (runStart >= 0 && runEnd === a) {
      runEnd = b;
      return;
    }
    flush();
    runStart = a;
    runEnd = b;
  };
  let wordStart = -1;
  let quoted = false;
  let unquotedExp = false;
  let redirectOp: { op: string; start: number } | undefined;
  let prev: string | undefined;
  let skipToSeparator = false; // `for x in …` / `select`
  let casePattern = false;
  let caseHeader = false;
  let caseDepth = 0;
  let compound = 0;
  let subshell = 0;
  let doubleBracket = false;
  const pending: PendingHeredoc[] = [];
  const deferred: ShellCommand[] = [];
  s.deferred.push(deferred);

  const endWord = (i: number) => {
    if (wordStart < 0) return;
    flush();
    // (every field in the literal, unset ones undefined: one shape for all words, see command())
    const word: ShellWord = { value, range: { start: s.base + wordStart, end: s.base + i }, quoted: quoted ? true : undefined, unquotedExpansion: unquotedExp ? true : undefined };
    value = '';
    wordStart = -1;
    quoted = false;
    unquotedExp = false;
    if (redirectOp) {
      redirects.push({ op: redirectOp.op, target: word, range: { start: s.base + redirectOp.start, end: word.range.end } });
      redirectOp = undefined;
      return;
    }
    if (skipToSeparator) {
      // `case WORD in` is followed by the first pattern without a separator.
      if (caseHeader && word.value === 'in') {
        caseHeader = false;
        skipToSeparator = false;
        casePattern = true;
      }
      return;
    }
    if (words.length === 0 && !word.quoted) {
      const v = word.value;
      if (COMPOUND_OPEN.has(v)) return void compound++;
      if (COMPOUND_CLOSE.has(v)) return void (compound = Math.max(0, compound - 1));
      if (SKIPPED_KEYWORDS.has(v)) return;
      if (v === 'for' || v === 'select') {
        compound++;
        skipToSeparator = true;
        return;
      }
      if (v === 'case') {
        compound++;
        caseDepth++;
        skipToSeparator = true;
        caseHeader = true;
        return;
      }
      if (v === 'esac') {
        compound = Math.max(0, compound - 1);
        caseDepth = Math.max(0, caseDepth - 1);
        casePattern = false;
        return;
      }
      if (v === '[[') doubleBracket = true;
    }
    if (doubleBracket && word.value === ']]') doubleBracket = false;
    words.push(word);
  };
  const endCommand = (i: number, op?: string) => {
    endWord(i);
    if (redirectOp) {
      redirects.push({ op: redirectOp.op, range: { start: s.base + redirectOp.start, end: s.base + i } });
      redirectOp = undefined;
    }
    if (words.length) {
      s.out.push(
        command(
          words,
          { start: words[0].range.start, end: words[words.length - 1].range.end },
          op,
          prev ? prev : undefined,
          redirects.length ? redirects : undefined,
          nested ? nested : subshell > 0 ? 'subshell' : undefined,
          compound > 0 ? true : undefined,
          heredoc ? true : undefined,
        ),
      );
      prev = op;
    } else if (op) prev = op;
    if (deferred.length) s.out.push(...deferred.splice(0));
    words = [];
    redirects = [];
    doubleBracket = false;
    if (skipToSeparator && op !== undefined) skipToSeparator = false;
  };
  const startWord = (i: number) => {
    if (wordStart < 0) wordStart = i;
  };

  for (let i = from; i < to; i++) {
    // A run of characters no branch below handles (letters, digits, `-`, `/`, `=` …): one piece of
    // the word, without walking the branches once per character.
    let code = text.charCodeAt(i);
    if (code < 128 && PLAIN[code] === 1 && !casePattern) {
      if (wordStart < 0) wordStart = i;
      let j = i + 1;
      while (j < to && (code = text.charCodeAt(j)) < 128 && PLAIN[code] === 1) j++;
      add(i, j);
      i = j - 1;
      continue;
    }
    // Blanks end the word, and nothing else below takes them (unless one is the escape character);
    // a run of blanks ends it once.
    if ((code === 32 || code === 9) && code !== escCode) {
      endWord(i);
      while (i + 1 < to && ((code = text.charCodeAt(i + 1)) === 32 || code === 9) && code !== escCode) i++;
      continue;
    }
    const c = text[i];
    // Line continuation: the escape character, optional blanks, a line break. Docker drops the
    // blank and comment lines that follow inside a continued instruction.
    if (c === esc) {
      const after = continuationEnd(text, i + 1, to);
      if (after >= 0) {
        i = skipDroppedLines(text, after, to) - 1;
        continue;
      }
    }
    if (casePattern && words.length === 0 && wordStart < 0 && !skipToSeparator && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      if (ESAC.test(text.slice(i, i + 5))) {
        casePattern = false;
      } else {
        // A case pattern `a|b)`: not a command.
        i = findCaseParen(text, i, to);
        casePattern = false;
        continue;
      }
    }
    if (c === "'") {
      startWord(i);
      quoted = true;
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 || end >= to ? to : end;
      add(i + 1, stop);
      i = stop;
      continue;
    }
    if (c === '$' && text[i + 1] === "'") {
      startWord(i);
      quoted = true;
      let j = i + 2;
      for (; j < to && text[j] !== "'"; j++) {
        if (text[j] === '\\' && j + 1 < to) {
          const e = text[++j];
          if (e === 'n' || e === 't' || e === 'r') {
            flush();
            value += e === 'n' ? '\n' : e === 't' ? '\t' : '\r';
          } else add(j, j + 1);
        } else add(j, j + 1);
      }
      i = j;
      continue;
    }
    if (c === '"') {
      startWord(i);
      quoted = true;
      let j = i + 1;
      for (; j < to && text[j] !== '"'; j++) {
        const d = text[j];
        if (d === esc && continuationEnd(text, j + 1, to) >= 0) {
          j = skipDroppedLines(text, continuationEnd(text, j + 1, to), to) - 1;
          continue;
        }
        if (d === '\\' && j + 1 < to) {
          const e = text[j + 1];
          if (e === '$' || e === '`' || e === '"' || e === '\\') {
            add(j + 1, j + 2);
            j++;
            continue;
          }
          if (e === '\n') {
            j++;
            continue;
          }
          add(j, j + 1);
          continue;
        }
        if (d === '$' || d === '`') {
          const end = expansion(s, j, to);
          add(j, end);
          j = end - 1;
          continue;
        }
        add(j, j + 1);
      }
      i = Math.min(j, to);
      continue;
    }
    if (c === '\\' && i + 1 < to) {
      startWord(i);
      quoted = true;
      add(i + 1, i + 2);
      i++;
      continue;
    }
    if (c === '$' || c === '`') {
      startWord(i);
      unquotedExp = true;
      const end = expansion(s, i, to);
      add(i, end);
      i = end - 1;
      continue;
    }
    if (c === '#' && wordStart < 0) {
      while (i + 1 < to && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      endCommand(i, ';');
      if (pending.length) i = heredocBodies(s, pending.splice(0), i + 1, to) - 1;
      continue;
    }
    if ((c === '<' || c === '>') && text[i + 1] === '(' && wordStart < 0) {
      // Process substitution <( … ): a word whose inside is a command list.
      startWord(i);
      unquotedExp = true;
      const close = matchParen(text, i + 1, to);
      nestedScan(s, i + 2, close, heredoc);
      add(i, Math.min(close + 1, to));
      i = close;
      continue;
    }
    if (c === '<' || c === '>' || (c === '&' && text[i + 1] === '>')) {
      // An fd number right before the operator belongs to the redirection.
      flush();
      if (wordStart >= 0 && DIGITS.test(value) && !quoted) {
        const fdStart = wordStart;
        wordStart = -1;
        value = '';
        i = redirect(s, i, to, fdStart, words, pending, (op, start) => (redirectOp = { op, start }));
      } else {
        endWord(i);
        i = redirect(s, i, to, i, words, pending, (op, start) => (redirectOp = { op, start }));
      }
      continue;
    }
    if (c === ';' || c === '|' || c === '&') {
      const n = text[i + 1];
      if (doubleBracket && n === c && c !== ';') {
        // `&&` / `||` inside [[ … ]]
        endWord(i);
        i++;
        continue;
      }
      if (c === ';' && (n === ';' || n === '&')) {
        endCommand(i, ';;');
        i += text[i + 2] === '&' ? 2 : 1;
        if (caseDepth > 0) casePattern = true;
        continue;
      }
      if ((n === c && c !== ';') || (c === '|' && n === '&')) {
        endCommand(i, n === '&' && c === '|' ? '|' : c + c);
        i++;
        continue;
      }
      endCommand(i, c);
      continue;
    }
    if (c === '(' && wordStart < 0) {
      if (text[i + 1] === '(') {
        // Arithmetic command (( … )): one word.
        const close = text.indexOf('))', i + 2);
        const end = close < 0 || close >= to ? to : close + 2;
        startWord(i);
        add(i, end);
        i = end - 1;
        continue;
      }
      endCommand(i);
      subshell++;
      continue;
    }
    if (c === ')') {
      endCommand(i, subshell > 0 ? undefined : ';');
      if (subshell > 0) subshell--;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      continue;
    }
    startWord(i);
    add(i, i + 1);
  }
  endCommand(to);
  if (pending.length) heredocBodies(s, pending.splice(0), to, to);
  s.deferred.pop();
}

/** Read a redirection operator at `i` and, for `<<`, its delimiter; returns the last index used. */
function redirect(s: Scanner, i: number, to: number, start: number, owner: ShellWord[], pending: PendingHeredoc[], set: (op: string, start: number) => void): number {
  const { text } = s;
  const m = REDIRECT_OP.exec(text.slice(i, Math.min(to, i + 3)))!;
  const op = m[0];
  let j = i + op.length;
  if (op === '<<' || op === '<<-') {
    while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
    const d = HEREDOC_WORD.exec(text.slice(j, to));
    if (d) {
      pending.push({ delimiter: d[2].replace(/\\/g, ''), stripTabs: op === '<<-', owner });
      j += d[0].length;
    }
    return j - 1;
  }
  set(op, start);
  return j - 1;
}

/** Consume the heredoc bodies that start at `i`; returns the offset after the last one. */
function heredocBodies(s: Scanner, list: PendingHeredoc[], i: number, to: number): number {
  const { text } = s;
  for (const h of list) {
    const bodyStart = i;
    let bodyEnd = to;
    let next = to;
    while (i < to) {
      const nl = text.indexOf('\n', i);
      const lineEnd = nl < 0 || nl >= to ? to : nl;
      let line = text.slice(i, lineEnd).replace(TRAILING_CR, '');
      if (h.stripTabs) line = line.replace(LEADING_TABS, '');
      if (line === h.delimiter || line.trim() === h.delimiter) {
        bodyEnd = i;
        next = lineEnd + 1;
        break;
      }
      i = lineEnd + 1;
    }
    if (i >= to) next = to;
    // The body is a script when the command has no words (BuildKit runs it with the default
    // shell) or is a shell without -c; otherwise it is data on stdin.
    const w = h.owner.map((x) => x.value);
    const script = w.length === 0 || (SHELLS.test(w[0]) && !w.slice(1).some((x) => x === '-c' || (!x.startsWith('-') && !x.startsWith('+'))));
    if (script) scan(s, bodyStart, Math.min(bodyEnd, to), undefined, true);
    i = Math.min(next, to);
  }
  return i;
}

/** End (exclusive) of the expansion starting at `i` (`$x`, `${…}`, `$(…)`, `$((…))`, backticks); nested commands are scanned. */
function expansion(s: Scanner, i: number, to: number): number {
  const { text } = s;
  if (text[i] === '`') {
    let j = i + 1;
    while (j < to && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
    nestedScan(s, i + 1, Math.min(j, to), false);
    return Math.min(j + 1, to);
  }
  const n = text[i + 1];
  if (n === '(') {
    if (text[i + 2] === '(') {
      const close = text.indexOf('))', i + 3);
      return close < 0 || close >= to ? to : close + 2;
    }
    const close = matchParen(text, i + 1, to);
    nestedScan(s, i + 2, close, false);
    return Math.min(close + 1, to);
  }
  if (n === '{') {
    let depth = 0;
    for (let j = i + 1; j < to; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) return j + 1;
      else if (text[j] === '\\') j++;
    }
    return to;
  }
  const m = VARIABLE_NAME.exec(text.slice(i + 1, Math.min(to, i + 256)));
  return i + 1 + (m ? m[0].length : 0);
}

/** If text[i…] is blanks then a line break, the offset after the break; else -1. */
function continuationEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] === '\r' && text[j + 1] === '\n') return j + 2;
  if (text[j] === '\n' || text[j] === '\r') return j + 1;
  return -1;
}

/** Skip the blank and comment-only lines Docker removes inside a continued instruction. */
function skipDroppedLines(text: string, i: number, to: number): number {
  for (;;) {
    let j = i;
    while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j < to && (text[j] === '#' || text[j] === '\n' || text[j] === '\r')) {
      const nl = text.indexOf('\n', j);
      if (nl < 0 || nl >= to) return i;
      i = nl + 1;
      continue;
    }
    return i;
  }
}

/** Index of the `)` matching the `(` at `open` (quotes and nesting honoured), or `to`. */
function matchParen(text: string, open: number, to: number): number {
  let depth = 0;
  for (let j = open; j < to; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === "'") {
      const e = text.indexOf("'", j + 1);
      j = e < 0 ? to : e;
    } else if (c === '"') {
      for (j++; j < to && text[j] !== '"'; j++) if (text[j] === '\\') j++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  return to;
}

/** Index of the `)` ending a case pattern that starts at `i`. */
function findCaseParen(text: string, i: number, to: number): number {
  let j = i;
  if (text[j] === '(') j++;
  for (; j < to; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"' || c === "'") {
      const e = text.indexOf(c, j + 1);
      j = e < 0 ? to : e;
    } else if (c === ')') return j;
    else if (c === '\n') return j - 1;
  }
  return to;
}

const WRAPPER_VALUE_OPTS: Record<string, RegExp> = {
  sudo: /^-[ugCDhprtTU]$/,
  env: /^-[uCS]$|^--(?:unset|chdir|split-string)$/,
};

/**
 * The command name and arguments after leading `VAR=value` assignments and wrappers that run the
 * rest as a command (`sudo`, `env`, `exec`, `command`, `nohup`, `time`, `gosu user`, `su-exec user`).
 */
export function commandWords(cmd: ShellCommand): ShellWord[] {
  return ((cmd as Cached)[WORDS] ??= readCommandWords(cmd));
}

function readCommandWords(cmd: ShellCommand): ShellWord[] {
  const w = cmd.words;
  let i = 0;
  for (let guard = 0; guard < 8; guard++) {
    while (i < w.length && ASSIGNMENT.test(w[i].value)) i++;
    const name = w[i]?.value;
    if (name === 'sudo' || name === 'env') {
      i++;
      while (i < w.length && w[i].value.startsWith('-') && w[i].value !== '--') {
        if (WRAPPER_VALUE_OPTS[name].test(w[i].value)) i++;
        i++;
      }
      if (w[i]?.value === '--') i++;
      continue;
    }
    if (name === 'exec' || name === 'command' || name === 'nohup' || name === 'time' || name === 'eatmydata') {
      i++;
      while (i < w.length && SINGLE_OPTION.test(w[i].value)) i++;
      continue;
    }
    if (name === 'gosu' || name === 'su-exec') {
      i += 2;
      continue;
    }
    break;
  }
  return i === 0 ? w : w.slice(i);
}

/** The command's name without its directory (`/usr/bin/apt-get` → `apt-get`), or undefined. */
export function commandName(cmd: ShellCommand): string | undefined {
  let name = (cmd as Cached)[NAME];
  if (name === undefined) {
    const first = commandWords(cmd)[0]?.value;
    (cmd as Cached)[NAME] = name = first === undefined ? null : first.slice(first.lastIndexOf('/') + 1);
  }
  return name ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// RUN instructions

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'other';

const stageShells = new WeakMap<Stage, DfInstruction[]>();

/** The SHELL instructions of a stage, found once per stage. */
function shellsOf(stage: Stage): DfInstruction[] {
  let list = stageShells.get(stage);
  if (!list) stageShells.set(stage, (list = stage.instructions.filter((i) => i.keyword === 'SHELL')));
  return list;
}

type Shell = { readonly kind: ShellKind; readonly path: string };
const POSIX_DEFAULT: Shell = { kind: 'posix', path: '/bin/sh' };
const WINDOWS_DEFAULT: Shell = { kind: 'cmd', path: 'cmd' };
const shellOfShell = new WeakMap<DfInstruction, Shell>();
const windowsImage = new WeakMap<Stage, boolean>();

/** The last SHELL of `s` that starts before `limit`, or undefined. */
function lastShellBefore(s: Stage, limit: number): DfInstruction | undefined {
  const shells = shellsOf(s);
  for (let k = shells.length - 1; k >= 0; k--) if (shells[k].range.start < limit) return shells[k];
  return undefined;
}

/**
 * The SHELL in effect at `ins`: the last SHELL before it in its stage, else in the stage it is built
 * `FROM`, and so on up the chain. Without one, `root` is the stage that starts from an image (none
 * when the chain loops).
 */
function shellInEffect(ins: DfInstruction): { last?: DfInstruction; root?: Stage } {
  let seen: Set<Stage> | undefined;
  let limit = ins.range.start;
  for (let s: Stage | undefined = ins.stage; s; s = s.from.fromStage) {
    // the chain of FROM <stage> (a Set only once there is a chain to follow)
    if (s !== ins.stage) {
      seen ??= new Set([ins.stage!]);
      if (seen.has(s)) return {};
      seen.add(s);
    }
    const last = lastShellBefore(s, limit);
    if (last) return { last };
    limit = Infinity;
    if (!s.from.fromStage) return { root: s };
  }
  return {};
}

/** The shell a stage's RUN instructions use: the last SHELL before `ins` (through `FROM <stage>`), else the image default. */
export function shellOf(doc: DockerfileModel, ins: DfInstruction): Shell {
  const { last, root } = shellInEffect(ins);
  if (last) {
    let shell = shellOfShell.get(last);
    if (!shell) shellOfShell.set(last, (shell = readShell(last)));
    return shell;
  }
  if (root) {
    let windows = windowsImage.get(root);
    if (windows === undefined) windowsImage.set(root, (windows = /(?:^|\/)(?:windows|nanoserver|servercore)\b|windowsservercore|\/windows\//i.test(root.from.resolved ?? root.from.image)));
    if (windows) return WINDOWS_DEFAULT;
  }
  return POSIX_DEFAULT;
}

/** What a SHELL instruction sets. */
function readShell(last: DfInstruction): Shell {
  let first = '';
  try {
    first = String(JSON.parse(last.argsText.replace(/\\\r?\n/g, ''))[0] ?? '');
  } catch {
    /* malformed SHELL: dockerfile/syntax reports it */
  }
  const name = first.toLowerCase().replace(/^.*[\\/]/, '').replace(/\.exe$/, '');
  const kind: ShellKind = /^(?:sh|bash|ash|dash|zsh|ksh|mksh)$/.test(name) ? 'posix' : /^(?:powershell|pwsh)$/.test(name) ? 'powershell' : name === 'cmd' ? 'cmd' : 'other';
  return { kind, path: first };
}

/**
 * The simple commands of a RUN instruction (heredoc scripts included), or [] for the JSON form
 * and for stages whose shell is not POSIX (PowerShell, cmd). Computed once per instruction.
 */
export function runCommands(doc: DockerfileModel, ins: DfInstruction): ShellCommand[] {
  let cached = ins[RUN_COMMANDS] as ShellCommand[] | undefined;
  if (cached) return cached;
  cached = ins.keyword !== 'RUN' || ins.jsonForm || !ins.argsRange || shellOf(doc, ins).kind !== 'posix' ? [] : splitCommands(ins.argsText, ins.argsRange.start, { escape: doc.escapeChar });
  ins[RUN_COMMANDS] = cached;
  return cached;
}

type Run = { ins: DfInstruction; commands: ShellCommand[] };
type PackageRun = { ins: DfInstruction; pc: PackageCommand; commands: ShellCommand[] };
const stageRuns = new WeakMap<Stage, Run[]>();
const stagePackages = new WeakMap<Stage, PackageRun[]>();

/** The RUN instructions of a stage that have commands, with them; computed once per stage. */
function runsOf(doc: DockerfileModel, stage: Stage): Run[] {
  let list = stageRuns.get(stage);
  if (list) return list;
  list = [];
  for (const ins of stage.instructions) {
    if (ins.keyword !== 'RUN') continue;
    const commands = runCommands(doc, ins);
    if (commands.length) list.push({ ins, commands });
  }
  stageRuns.set(stage, list);
  return list;
}

const allRuns = new WeakMap<DockerfileModel, Run[]>();
const allPackages = new WeakMap<DockerfileModel, PackageRun[]>();

/**
 * Every RUN instruction of the given stages (all stages by default) with its commands. A list, not
 * a generator: most rules walk every stage, and the list of all stages is made once per document.
 */
export function runs(doc: DockerfileModel, stages?: Iterable<Stage>): readonly Run[] {
  return ofStages(allRuns, doc, stages, (s) => runsOf(doc, s));
}

/** What `of` gives for each of `stages`, in order; for all stages of `doc` once per document (in `all`). */
function ofStages<T>(all: WeakMap<DockerfileModel, T[]>, doc: DockerfileModel, stages: Iterable<Stage> | undefined, of: (s: Stage) => T[]): readonly T[] {
  if (stages !== undefined) return concat(stages, of);
  let list = all.get(doc);
  if (!list) all.set(doc, (list = concat(doc.stages, of)));
  return list;
}

function concat<T>(stages: Iterable<Stage>, of: (s: Stage) => T[]): T[] {
  const out: T[] = [];
  for (const s of stages) for (const x of of(s)) out.push(x);
  return out;
}

type Named = { ins: DfInstruction; command: ShellCommand };
const allNamed = new WeakMap<DockerfileModel, Map<string, Named[]>>();
const NO_NAMED: readonly Named[] = [];

/**
 * The commands named `name` (commandName) of every RUN, with their RUN, in document order: what a
 * walk over `runs(doc)` that skips the other names sees. The index is made once per document.
 */
export function commandsNamed(doc: DockerfileModel, name: string): readonly Named[] {
  let index = allNamed.get(doc);
  if (!index) {
    index = new Map();
    const all = runs(doc);
    for (let r = 0; r < all.length; r++) {
      const { ins, commands } = all[r];
      for (let k = 0; k < commands.length; k++) {
        const command = commands[k];
        const n = commandName(command);
        if (n === undefined) continue;
        const list = index.get(n);
        if (list) list.push({ ins, command });
        else index.set(n, [{ ins, command }]);
      }
    }
    allNamed.set(doc, index);
  }
  return index.get(name) ?? NO_NAMED;
}

/** Does a RUN mount a cache (`--mount=type=cache`) whose target matches? */
export function hasCacheMount(ins: DfInstruction, target?: RegExp): boolean {
  return ins.flags.some((f) => {
    if (f.name !== 'mount' || !f.value) return false;
    const parts = new Map(f.value.split(',').map((kv) => [kv.split('=')[0].trim(), kv.slice(kv.indexOf('=') + 1).trim()] as [string, string]));
    if (parts.get('type') !== 'cache') return false;
    const t = parts.get('target') ?? parts.get('dst') ?? parts.get('destination') ?? '';
    return !target || target.test(t);
  });
}

// ---------------------------------------------------------------------------------------------
// Package-manager commands

export type PackageManager = 'apt-get' | 'apt' | 'apk' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem' | 'go' | 'yum' | 'dnf' | 'microdnf' | 'zypper';

/** A package-manager invocation: the manager, its subcommand, its options and positional arguments. */
export interface PackageCommand {
  manager: PackageManager;
  command: ShellCommand;
  /** The words after wrappers (`sudo`, assignments). */
  words: ShellWord[];
  managerWord: ShellWord;
  /** `install`, `add`, `update` … and its word; undefined when there is none. */
  action?: string;
  actionWord?: ShellWord;
  /** Option words (an option's separate value is in `values`). */
  options: ShellWord[];
  /** Option name → its value word, for options that take a separate value. */
  values: Map<string, ShellWord>;
  /** Positional arguments after the action (package names, files …). */
  args: ShellWord[];
}

const VALUE_OPTS: Record<PackageManager, Set<string>> = {
  'apt-get': new Set(['-o', '-t', '-c', '--option', '--target-release', '--default-release', '--config-file']),
  apt: new Set(['-o', '-t', '-c', '--option', '--target-release', '--default-release', '--config-file']),
  apk: new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--progress-fd']),
  pip: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--global-option', '--config-settings', '-C', '--install-option', '--no-binary', '--only-binary', '--report', '--python', '--root-user-action', '--use-feature', '--use-deprecated']),
  npm: new Set(['--prefix', '--registry', '-w', '--workspace', '--omit', '--include', '--loglevel', '--cache', '--userconfig', '--tag', '--location', '--install-strategy']),
  yarn: new Set(['--cwd', '--registry', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex', '--global-folder']),
  pnpm: new Set(['--filter', '-F', '--dir', '-C', '--registry', '--store-dir', '--reporter']),
  gem: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-p', '--http-proxy', '--platform', '--document', '-N']),
  go: new Set(['-o', '-C', '-modfile', '-tags', '-ldflags', '-gcflags', '-asmflags', '-p', '-mod', '-buildmode', '-compiler', '-pkgdir', '-toolexec', '-overlay', '-pgo']),
  yum: new Set(['--enablerepo', '--disablerepo', '--setopt', '-c', '--config', '--releasever', '--installroot', '-x', '--exclude', '--repo', '--repoid', '--repofrompath', '--downloaddir', '--destdir', '--forcearch', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity']),
  dnf: new Set(['--enablerepo', '--disablerepo', '--setopt', '-c', '--config', '--releasever', '--installroot', '-x', '--exclude', '--repo', '--repoid', '--repofrompath', '--downloaddir', '--destdir', '--forcearch', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity']),
  microdnf: new Set(['--enablerepo', '--disablerepo', '--setopt', '--config', '--releasever', '--installroot', '--repo']),
  zypper: new Set(['-r', '--repo', '--from', '-t', '--type', '--root', '-R', '--reposd-path', '-D', '--cache-dir', '--solver-focus', '-C']),
};

const MANAGERS = new Map<string, PackageManager>(Object.entries({
  'apt-get': 'apt-get', apt: 'apt', apk: 'apk', pip: 'pip', pip3: 'pip', npm: 'npm', yarn: 'yarn', pnpm: 'pnpm',
  gem: 'gem', go: 'go', yum: 'yum', dnf: 'dnf', microdnf: 'microdnf', zypper: 'zypper',
}) as [string, PackageManager][]);

/** Parse a simple command as a package-manager invocation, or undefined. Computed once per command. */
export function packageCommand(cmd: ShellCommand): PackageCommand | undefined {
  let pc = (cmd as Cached)[PACKAGE];
  if (pc === undefined) (cmd as Cached)[PACKAGE] = pc = readPackageCommand(cmd) ?? null;
  return pc ?? undefined;
}

function readPackageCommand(cmd: ShellCommand): PackageCommand | undefined {
  let words = commandWords(cmd);
  if (words.length === 0) return undefined;
  let name = words[0].value.slice(words[0].value.lastIndexOf('/') + 1);
  let managerWord = words[0];
  let rest = 1;
  // python -m pip install …, uv pip install … (the two patterns start with "p")
  const p = name.charCodeAt(0) === 112;
  if (p && PYTHON.test(name)) {
    const m = words.findIndex((w) => w.value === '-m');
    if (m < 0 || !PIP_MODULE.test(words[m + 1]?.value ?? '')) return undefined;
    name = 'pip';
    managerWord = words[m + 1];
    rest = m + 2;
  } else if (name === 'uv' && words[1]?.value === 'pip') {
    name = 'pip';
    managerWord = words[1];
    rest = 2;
  } else if (p && PIP_VERSIONED.test(name)) name = 'pip';
  const manager = MANAGERS.get(name);
  if (!manager) return undefined;
  const valueOpts = VALUE_OPTS[manager];
  const pc: PackageCommand = { manager, command: cmd, words, managerWord, options: [], values: new Map(), args: [] };
  for (let i = rest; i < words.length; i++) {
    const w = words[i];
    if (w.value.startsWith('-') && w.value.length > 1 && !w.quoted) {
      pc.options.push(w);
      if (valueOpts.has(w.value) && i + 1 < words.length) pc.values.set(w.value, words[++i]);
      else if (SHORT_BUNDLE.test(w.value) && valueOpts.has(`-${w.value[w.value.length - 1]}`) && i + 1 < words.length) {
        pc.values.set(`-${w.value[w.value.length - 1]}`, words[++i]);
      }
      continue;
    }
    if (pc.action === undefined) {
      pc.action = w.value;
      pc.actionWord = w;
      // yarn global add …, npm x install: keep the real verb
      if ((manager === 'yarn' || manager === 'pnpm') && w.value === 'global' && words[i + 1]) {
        pc.action = words[i + 1].value;
        pc.actionWord = words[++i];
      }
      continue;
    }
    pc.args.push(w);
  }
  return pc;
}

/**
 * Is an option present? `short` letters also match inside combined short options (`-qy`);
 * `long` names match `--name` and `--name=value`.
 */
export function hasOption(pc: PackageCommand, short: string, long: string[] = []): boolean {
  return pc.options.some((o) => {
    const v = o.value;
    if (v.startsWith('--')) return long.some((l) => v === l || v.startsWith(`${l}=`));
    if (!short) return false;
    // (the characters after the dash one by one: the same answer as a spread of them, short being ASCII)
    let any = false;
    for (let k = 1; k < v.length && !any; k++) any = short.includes(v[k]);
    return any && !BUNDLE_WITH_DIGIT.test(v);
  });
}

/** The package-manager commands of a stage's RUNs; computed once per stage. */
function packagesOf(doc: DockerfileModel, stage: Stage): PackageRun[] {
  let list = stagePackages.get(stage);
  if (!list) {
    list = [];
    for (const { ins, commands } of runsOf(doc, stage)) {
      for (const c of commands) {
        if (c.nested === 'substitution') continue;
        const pc = packageCommand(c);
        if (pc) list.push({ ins, pc, commands });
      }
    }
    stagePackages.set(stage, list);
  }
  return list;
}

/** Every package-manager command of a RUN, with the RUN (all stages by default; a list, see `runs`). */
export function packageCommands(doc: DockerfileModel, stages?: Iterable<Stage>): readonly PackageRun[] {
  return ofStages(allPackages, doc, stages, (s) => packagesOf(doc, s));
}

/** Does the effective shell of a stage set pipefail (SHELL [..., "-o", "pipefail", ...])? */
export function shellHasPipefail(doc: DockerfileModel, ins: DfInstruction): boolean {
  const { last } = shellInEffect(ins);
  return last ? /pipefail/.test(last.argsText) : false;
}
