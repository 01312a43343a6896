import { defineRule } from '../../define-rule';
import type { DfInstruction } from '../../documents/dockerfile';
import { commandName, commandWords, runs, shellOf, type ShellCommand, type ShellWord } from '../../documents/shell';
import { imageFamily } from '../../fixes/dockerfile';
import type { SourceFile } from '../../documents/source';
import type { Fix } from '../../types';

const FILE_COMMANDS = new Set(['rm', 'cp', 'mv']);
const PLAIN_VAR = /\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/g;

export default defineRule({
  id: 'dockerfile/shellcheck',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'RUN scripts avoid the shell mistakes ShellCheck reports most (a built-in subset of its checks)',
  sources: ['hadolint (ShellCheck integration)', 'ShellCheck SC2164', 'ShellCheck SC2086', 'ShellCheck SC2002', 'ShellCheck SC3010', 'ShellCheck SC3046', 'ShellCheck SC3037'],
  messages: {
    SC2164: 'SC2164: "cd {{dir}}" is not checked: if it fails, the following commands run in the wrong directory. Use cd … || exit (or chain with &&, or set -e).',
    SC2086: 'SC2086: {{word}} is not quoted: an empty or spaced value splits into several arguments (or none) for {{command}}. Quote it.',
    SC2086test: 'SC2086: {{word}} is not quoted inside [ ]: an empty value makes the test a syntax error. Quote it.',
    SC2002: 'SC2002: useless cat: let {{next}} read the file itself ({{next}} … {{file}} or {{next}} < {{file}}).',
    SC3010: 'SC3010: [[ ]] is not POSIX: this RUN runs under /bin/sh (dash in {{image}}), where it fails. Use [ ] or set SHELL ["/bin/bash", "-c"].',
    SC3046: 'SC3046: "source" is not POSIX: this RUN runs under /bin/sh (dash in {{image}}), where it fails with "source: not found". Use ".".',
    SC3037: 'SC3037: echo -e is not POSIX: dash prints "-e" literally. Use printf.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const { ins, commands } of runs(doc)) {
      const errexit = commands.some(setsErrexit);
      const dash = shellOf(doc, ins).path === '/bin/sh' && imageFamily(ins.stage!) === 'debian' && !bashHeredoc(ins);
      const image = ins.stage!.from.image;
      commands.forEach((c, k) => {
        const w = commandWords(c);
        const name = commandName(c);
        if (!name) return;
        // SC2164: cd whose failure is ignored and followed by more commands.
        if (name === 'cd' && !errexit && (c.next === ';' || c.next === '&') && k < commands.length - 1 && !c.nested) {
          const at = c.range.end;
          ctx.report({ range: c.range, messageId: 'SC2164', data: { dir: w[1]?.value ?? '' }, fixes: [{ title: 'Add || exit', edits: [{ range: { start: at, end: at }, text: ' || exit' }] }] });
        }
        if (FILE_COMMANDS.has(name)) {
          for (const word of w.slice(1)) {
            // The dangerous case: a path that starts with a variable (rm -rf $DIR/ → rm -rf /).
            if (!unquotedVar(file, word) || !/^\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)(?:\/|$)/.test(file.text.slice(word.range.start, word.range.end))) continue;
            const fix = quoteFix(file, word);
            ctx.report({ range: word.range, messageId: 'SC2086', data: { word: file.text.slice(word.range.start, word.range.end), command: name }, fixes: fix ? [fix] : [] });
          }
        }
        if (name === '[' || name === 'test') {
          for (const word of w.slice(1)) {
            if (!unquotedVar(file, word)) continue;
            const fix = quoteFix(file, word);
            ctx.report({ range: word.range, messageId: 'SC2086test', data: { word: file.text.slice(word.range.start, word.range.end) }, fixes: fix ? [fix] : [] });
          }
        }
        if (name === 'cat' && c.next === '|' && w.length === 2 && !w[1].value.startsWith('-') && !w[1].value.includes('*') && commands[k + 1]) {
          const next = commandName(commands[k + 1]);
          if (next && !c.redirects) ctx.report({ range: c.range, messageId: 'SC2002', data: { next, file: w[1].value } });
        }
        if (!dash) return;
        if (name === '[[') ctx.report({ range: w[0].range, messageId: 'SC3010', data: { image } });
        if (name === 'source') ctx.report({ range: w[0].range, messageId: 'SC3046', data: { image }, fixes: [{ title: 'Use .', edits: [{ range: w[0].range, text: '.' }] }] });
        if (name === 'echo' && /^-[neE]*e[neE]*$/.test(w[1]?.value ?? '')) ctx.report({ range: { start: w[0].range.start, end: w[1].range.end }, messageId: 'SC3037' });
      });
    }
  },
});

function setsErrexit(c: ShellCommand): boolean {
  const words = commandWords(c);
  if (words[0]?.value !== 'set') return false;
  const w = words.map((x) => x.value);
  return w.slice(1).some((x, i, a) => /^-[a-zA-Z]*e/.test(x) || (x === 'errexit' && a[i - 1] === '-o'));
}

/** The heredoc script runs under bash (`RUN <<EOF bash` or a bash shebang). */
function bashHeredoc(ins: DfInstruction): boolean {
  return /^\s*<<[^\n]*\bbash\b|^\s*<<[^\n]*\n#!\S*bash/.test(ins.argsText);
}

/** The word holds a plain variable expansion outside quotes. */
function unquotedVar(file: SourceFile, word: ShellWord): boolean {
  if (!word.unquotedExpansion) return false;
  const raw = file.text.slice(word.range.start, word.range.end);
  return unquotedParts(raw).some((part) => new RegExp(PLAIN_VAR.source).test(part));
}

function unquotedParts(raw: string): string[] {
  return raw.split(/"(?:[^"\\]|\\.)*"|'[^']*'/);
}

/** Quote each unquoted plain variable of the word ("$VAR"); none when the word has quotes already. */
function quoteFix(file: SourceFile, word: ShellWord): Fix | undefined {
  const raw = file.text.slice(word.range.start, word.range.end);
  if (/["'\\`]|\$\(/.test(raw)) return undefined;
  const quoted = raw.replace(PLAIN_VAR, (m) => `"${m}"`);
  return { title: `Quote: ${quoted}`, edits: [{ range: word.range, text: quoted }] };
}
