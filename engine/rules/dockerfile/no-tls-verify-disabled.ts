import { defineRule } from '../../define-rule';
import { instructionsOf, type DfInstruction, type DfProperty } from '../../documents/dockerfile';
import { commandName, commandWords, runs, type ShellCommand, type ShellWord } from '../../documents/shell';
import { deleteInstruction } from '../../fixes/dockerfile';
import type { SourceFile } from '../../documents/source';
import type { Fix, Range, TextEdit } from '../../types';

/** Environment variables that turn TLS verification off, and the values that do it. */
const ENV_VARS: Record<string, (v: string) => boolean> = {
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === '0',
  GIT_SSL_NO_VERIFY: (v) => v !== '' && !/^(?:0|false|no)$/i.test(v),
  PYTHONHTTPSVERIFY: (v) => v === '0',
  NPM_CONFIG_STRICT_SSL: (v) => /^(?:false|0)$/i.test(v),
  PIP_TRUSTED_HOST: (v) => v !== '',
};
/** curl short options that take a value: letters after them in a bundle are that value. */
const CURL_VALUE_SHORT = 'oOuHdXAeFTwxEKbcCmrYyzQUDt';

/** Regexes run per command or word, compiled once. */
const SSLVERIFY_OFF = /(?:^|[\s;])sslverify\s*=\s*(?:0|false|no)\b/i;
const APT_VERIFY_OFF = /Verify-(?:Peer|Host)["'=\s]*(?:false|0)\b/i;

export default defineRule({
  id: 'dockerfile/no-tls-verify-disabled',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'TLS certificate verification is never turned off (curl -k, wget --no-check-certificate, trusted hosts, strict-ssl false …)',
  sources: ['Checkov CKV2_DOCKER_2', 'Checkov CKV2_DOCKER_3', 'Checkov CKV2_DOCKER_4', 'Checkov CKV2_DOCKER_5', 'Checkov CKV2_DOCKER_6', 'Checkov CKV2_DOCKER_12', 'Checkov CKV2_DOCKER_13', 'Checkov CKV2_DOCKER_14', 'Checkov CKV2_DOCKER_15', 'Checkov CKV2_DOCKER_16'],
  messages: {
    flag: '"{{flag}}" turns off TLS certificate verification for {{tool}}: a network attacker can replace what is downloaded. Fix the CA certificates instead.',
    config: '{{what}} turns off TLS certificate verification: a network attacker can replace what is downloaded. Fix the CA certificates instead.',
    env: '{{name}}={{value}} turns off TLS certificate verification for every later download{{scope}}. Fix the CA certificates instead.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const ins of instructionsOf(doc, 'ENV', 'ARG')) {
      for (const p of ins.properties) {
        const test = ENV_VARS[p.name.toUpperCase()];
        if (!test || p.value === undefined || !test(p.value)) continue;
        ctx.report({ range: { start: p.nameRange.start, end: p.valueRange?.end ?? p.nameRange.end }, messageId: 'env', data: { name: p.name, value: p.value, scope: ins.keyword === 'ENV' ? ', also in the running container' : '' }, fixes: [removeProperty(file, ins, p)] });
      }
    }
    const assignment = (cmd: ShellCommand, words: ShellWord[], w: ShellWord, prefix: boolean) => {
      const eq = w.value.indexOf('=');
      if (eq < 0) return;
      const name = w.value.slice(0, eq);
      const value = w.value.slice(eq + 1);
      const test = ENV_VARS[name.toUpperCase()];
      if (test && test(value)) ctx.report({ range: w.range, messageId: 'env', data: { name, value, scope: '' }, fixes: prefix && words.length ? [removeWord(file, cmd, w)] : [] });
    };
    for (const { commands } of runs(doc)) {
      for (const cmd of commands) {
        const all = cmd.words;
        const words = commandWords(cmd);
        // VAR=value prefixes (the words before commandWords' own) and `export VAR=value`, by index.
        const exported = words[0]?.value === 'export';
        for (let k = 0; k < all.length - words.length; k++) assignment(cmd, words, all[k], true);
        if (exported) for (let k = 1; k < words.length; k++) assignment(cmd, words, words[k], false);
        const name = commandName(cmd);
        const args = words.length > 1 ? words.slice(1) : NONE;
        if (name === 'curl') {
          for (const w of args) {
            if (w.value === '--insecure' || w.value === '-k') ctx.report({ range: w.range, messageId: 'flag', data: { flag: w.value, tool: 'curl' }, fixes: [removeWord(file, cmd, w)] });
            else if (/^-[a-zA-Z]{2,}$/.test(w.value) && !w.quoted) {
              const k = bundleIndex(w.value, 'k', CURL_VALUE_SHORT);
              if (k > 0) {
                const at = w.range.start + k;
                ctx.report({ range: w.range, messageId: 'flag', data: { flag: w.value, tool: 'curl' }, fixes: [{ title: 'Remove -k', edits: [{ range: { start: at, end: at + 1 }, text: '' }] }] });
              }
            }
          }
        } else if (name === 'wget') {
          for (const w of args) if (w.value === '--no-check-certificate') ctx.report({ range: w.range, messageId: 'flag', data: { flag: w.value, tool: 'wget' }, fixes: [removeWord(file, cmd, w)] });
        } else if (name && /^(?:pip\d*(?:\.\d+)?|python\d*(?:\.\d+)?|uv)$/.test(name)) {
          args.forEach((w, i) => {
            if (w.value === '--trusted-host' && args[i + 1]) ctx.report({ range: { start: w.range.start, end: args[i + 1].range.end }, messageId: 'flag', data: { flag: '--trusted-host', tool: 'pip' }, fixes: [removeWords(file, cmd, w, args[i + 1])] });
            else if (w.value.startsWith('--trusted-host=')) ctx.report({ range: w.range, messageId: 'flag', data: { flag: '--trusted-host', tool: 'pip' }, fixes: [removeWord(file, cmd, w)] });
            else if (/^(?:global|install)\.trusted-host$/.test(w.value) && args[i - 1]?.value === 'set') ctx.report({ range: cmd.range, messageId: 'config', data: { what: 'pip config set trusted-host' } });
          });
        } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
          const v = args.map((w) => w.value);
          args.forEach((w) => {
            if (/^--strict-ssl=(?:false|0)$/.test(w.value)) ctx.report({ range: w.range, messageId: 'flag', data: { flag: w.value, tool: name }, fixes: [removeWord(file, cmd, w)] });
          });
          const i = v.indexOf('strict-ssl');
          if (i > 0 && v[i - 1] === 'set' && /^(?:false|0)$/.test(v[i + 1] ?? '')) ctx.report({ range: cmd.range, messageId: 'config', data: { what: `${name} config set strict-ssl false` } });
          if (v.some((x) => /^strict-ssl=(?:false|0)$/.test(x)) && v.includes('set')) ctx.report({ range: cmd.range, messageId: 'config', data: { what: `${name} config set strict-ssl=false` } });
        } else if (name === 'git') {
          args.forEach((w, i) => {
            if (w.value === '-c' && /^http\.sslverify=(?:false|0|no|off)$/i.test(args[i + 1]?.value ?? '')) ctx.report({ range: { start: w.range.start, end: args[i + 1].range.end }, messageId: 'flag', data: { flag: `-c ${args[i + 1].value}`, tool: 'git' }, fixes: [removeWords(file, cmd, w, args[i + 1])] });
            if (/^http\.sslverify$/i.test(w.value) && /^(?:false|0|no|off)$/i.test(args[i + 1]?.value ?? '') && args.some((a) => a.value === 'config')) ctx.report({ range: cmd.range, messageId: 'config', data: { what: 'git config http.sslVerify false' } });
          });
        } else if (name === 'conda' && args.some((w) => w.value === 'ssl_verify') && args.some((w) => /^(?:false|0|no)$/i.test(w.value))) {
          ctx.report({ range: cmd.range, messageId: 'config', data: { what: 'conda config --set ssl_verify false' } });
        }
        for (let k = 1; k < words.length; k++) {
          const w = words[k];
          // Neither option below fits in fewer than 11 characters (`sslverify=0`).
          if (w.value.length < 11) continue;
          if (SSLVERIFY_OFF.test(w.value)) ctx.report({ range: w.range, messageId: 'config', data: { what: 'sslverify=0 in a repository configuration' } });
          else if (APT_VERIFY_OFF.test(w.value)) ctx.report({ range: w.range, messageId: 'config', data: { what: 'The apt option Verify-Peer/Verify-Host false' } });
        }
      }
    }
  },
});

const NONE: readonly ShellWord[] = [];

/** Index of option letter `ch` in a bundle like `-fsSLk`, or -1; stops at a letter that takes a value. */
function bundleIndex(bundle: string, ch: string, valueLetters: string): number {
  for (let i = 1; i < bundle.length; i++) {
    if (bundle[i] === ch) return i;
    if (valueLetters.includes(bundle[i])) return -1;
  }
  return -1;
}

/** Remove a word with the blank before it. */
function removeWord(file: SourceFile, cmd: ShellCommand, w: ShellWord): Fix {
  return removeWords(file, cmd, w, w);
}

function removeWords(file: SourceFile, _cmd: ShellCommand, first: ShellWord, last: ShellWord): Fix {
  let start = first.range.start;
  while (start > 0 && (file.text[start - 1] === ' ' || file.text[start - 1] === '\t')) start--;
  return { title: `Remove ${file.text.slice(first.range.start, last.range.end)}`, edits: [{ range: { start, end: last.range.end }, text: '' }] };
}

function removeProperty(file: SourceFile, ins: DfInstruction, p: DfProperty): Fix {
  if (ins.properties.length === 1) return { title: `Remove ${ins.keyword} ${p.name}`, edits: [deleteInstruction(file, ins)] };
  const range: Range = { start: p.nameRange.start, end: p.valueRange?.end ?? p.nameRange.end };
  let start = range.start;
  while (start > 0 && /[ \t]/.test(file.text[start - 1])) start--;
  const edit: TextEdit = { range: { start, end: range.end }, text: '' };
  return { title: `Remove ${p.name}`, edits: [edit] };
}
