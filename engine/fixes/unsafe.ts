// Where a text edit cannot be trusted: parts of a file that the file's own syntax leaves open, so
// an inserted line would land inside a heredoc body or a quoted string, or line breaks the YAML
// parser and the editor count differently. Fixes touching them are not offered.
import type { SourceFile } from '../documents/source';
import type { Range } from '../types';

const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const LONE_CR = /\r(?!\n)/;

/** Ranges where edits are unsafe (inclusive of their ends); empty when the whole file is fine. */
export function unsafeRanges(file: SourceFile): Range[] {
  const text = file.text;
  const out: Range[] = [];
  if (file.kind === 'dockerfile') {
    for (const ins of file.dockerfile.instructions) {
      if (!ins.argsRange) continue;
      // An unterminated heredoc swallows the rest of the file.
      const heredoc = unterminatedHeredoc(text, ins.argsText, ins.argsRange.start);
      if (heredoc !== undefined) out.push({ start: heredoc, end: text.length });
      // An open quote ends with its instruction: only appending to that instruction is unsafe.
      else if (ins.keyword === 'RUN' && !ins.jsonForm && !ins.argsText.includes('<<') && openQuote(ins.argsText)) out.push(ins.range);
    }
    return out;
  }
  // The editor breaks lines at a lone CR, the YAML parser does not: edits would land on the wrong line.
  if (file.kind !== 'unknown' && file.kind !== 'terraform' && LONE_CR.test(text)) out.push({ start: 0, end: text.length });
  // Compose has no Go templates: `{{ }}` masked as one leaves the parsed model and the text apart.
  else if (file.kind === 'compose' && file.yaml.templated) out.push({ start: 0, end: text.length });
  return out;
}

/** Start of a heredoc in this instruction whose terminator line never comes. */
function unterminatedHeredoc(text: string, args: string, base: number): number | undefined {
  if (!args.includes('<<')) return undefined;
  for (const m of args.matchAll(HEREDOC)) {
    const word = m[3];
    const after = text.indexOf('\n', base + m.index!);
    if (after < 0) return base + m.index!;
    const end = new RegExp(`^${m[1] ? '\\t*' : ''}${word}\\r?$`, 'm');
    if (!end.test(text.slice(after + 1))) return base + m.index!;
  }
  return undefined;
}

/** Does a shell text end inside a quote? (`\`-newline continuations are part of the text.) */
function openQuote(s: string): boolean {
  // Only a quote character opens a quote: a text without one needs no walk.
  if (s.indexOf("'") < 0 && s.indexOf('"') < 0) return false;
  // character codes: no one-character string per character
  let quote = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === BACKSLASH && quote === DQUOTE) i++;
    } else if (c === BACKSLASH) i++;
    else if (c === HASH && (i === 0 || /\s/.test(s[i - 1]))) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === SQUOTE || c === DQUOTE) quote = c;
  }
  return quote !== 0;
}

const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;
const HASH = 35;

/** Does an edit range touch one of the unsafe ranges? */
export function touchesUnsafe(range: Range, unsafe: readonly Range[]): boolean {
  return unsafe.some((u) => range.start <= u.end && range.end >= u.start);
}
