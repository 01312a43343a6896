import type { Range } from '../types';

/** One simple command of a RUN line: its words with document offsets. */
export interface ShellCommand {
  words: { value: string; range: Range }[];
  range: Range;
  /** The operator that follows (`&&`, `||`, `;`, `|`), if any. */
  next?: string;
}

/**
 * Split a RUN instruction's shell text into simple commands on `&&`, `||`, `;`, `|` and newlines,
 * honouring quotes and `\` continuations; `base` is the offset of `text` in the document.
 * Words keep their quotes stripped; offsets point at the word as written.
 */
export function splitCommands(text: string, base = 0): ShellCommand[] {
  const out: ShellCommand[] = [];
  let words: ShellCommand['words'] = [];
  let word = '';
  let wordStart = -1;
  let quote: string | null = null;
  const endWord = (i: number) => {
    if (wordStart >= 0) words.push({ value: word, range: { start: base + wordStart, end: base + i } });
    word = '';
    wordStart = -1;
  };
  const endCommand = (i: number, op?: string) => {
    endWord(i);
    if (words.length) out.push({ words, range: { start: words[0].range.start, end: words[words.length - 1].range.end }, next: op });
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      endWord(i);
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '#' && wordStart < 0) {
      // A comment runs to the end of the line.
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === "'" || c === '"') {
      if (wordStart < 0) wordStart = i;
      quote = c;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      if (wordStart < 0) wordStart = i;
      word += text[++i];
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      endCommand(i, two);
      i++;
      continue;
    }
    if (c === ';' || c === '|' || c === '\n' || c === '&') {
      endCommand(i, c === '\n' ? ';' : c);
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '(' || c === ')' || c === '{' && wordStart < 0 || c === '}' && wordStart < 0) {
      endWord(i);
      continue;
    }
    if (wordStart < 0) wordStart = i;
    word += c;
  }
  endCommand(text.length);
  return out;
}

/** The command name and arguments after leading `VAR=value` assignments, `sudo`, `env`, `exec`. */
export function commandWords(cmd: ShellCommand): ShellCommand['words'] {
  let i = 0;
  while (i < cmd.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd.words[i].value)) i++;
  return cmd.words.slice(i);
}
