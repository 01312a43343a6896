import { editDistance } from '../../text/distance';
import { defineRule } from '../../define-rule';
import type { DfInstruction } from '../../documents/dockerfile';
import type { Fix, Range } from '../../types';

const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
/** Flags each instruction accepts (BuildKit's Dockerfile frontend 1.x); `true` = may be given without a value. */
const FLAGS: Record<string, Record<string, boolean>> = {
  FROM: { platform: false },
  RUN: { mount: false, network: false, security: false, device: false },
  COPY: { from: false, chown: false, chmod: false, link: true, parents: true, exclude: false },
  ADD: { chown: false, chmod: false, link: true, checksum: false, 'keep-git-dir': true, exclude: false, unpack: true },
  HEALTHCHECK: { interval: false, timeout: false, 'start-period': false, 'start-interval': false, retries: false },
};
const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);
const FLAG_VALUES: Record<string, RegExp> = { network: /^(?:default|none|host)$/, security: /^(?:insecure|sandbox)$/ };
const MOUNT_TYPES = /^(?:bind|cache|tmpfs|secret|ssh)$/;
const DURATION = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|ms|s|m|h)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|ms|s|m|h))*$/;
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export default defineRule({
  id: 'dockerfile/syntax',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'The Dockerfile is one the builder accepts: known instructions, argument counts, flags, directives and order',
  sources: ['dockerfile-utils (validator)', 'hadolint DL3043', 'hadolint DL3061', 'BuildKit Dockerfile frontend'],
  messages: {
    empty: 'The Dockerfile has no instructions: the build fails.',
    noFrom: 'No FROM instruction: every build stage starts with FROM.',
    beforeFrom: '{{keyword}} comes before the first FROM: only ARG (and comments or parser directives) may.',
    unknownInstruction: 'Unknown instruction "{{keyword}}".',
    unknownInstructionDidYouMean: 'Unknown instruction "{{keyword}}" (did you mean {{suggestion}}?).',
    missingArgs: '{{keyword}} requires at least one argument.',
    fromArgs: 'FROM takes an image and optionally "AS name": {{detail}}.',
    invalidStageName: 'Stage name "{{name}}" is invalid: it must start with a letter and contain only letters, digits, "-", "_" and ".".',
    copyArgs: '{{keyword}} requires a source and a destination.',
    healthcheckType: 'HEALTHCHECK needs CMD or NONE, not "{{value}}".',
    healthcheckNone: 'HEALTHCHECK NONE takes no other arguments or flags.',
    shellJson: 'SHELL must be written as a JSON array, e.g. SHELL ["/bin/bash", "-c"].',
    envTwoArgs: '{{keyword}} {{name}} has no value: write {{name}}=value.',
    envNoEquals: '{{keyword}} expects name=value pairs: "{{word}}" has no "=".',
    blankName: '{{keyword}} has a pair with an empty name.',
    unknownFlag: 'Unknown flag --{{flag}} for {{keyword}}.',
    unknownFlagDidYouMean: 'Unknown flag --{{flag}} for {{keyword}} (did you mean --{{suggestion}}?).',
    flagValue: 'Flag --{{flag}} needs a value (--{{flag}}=…).',
    badFlagValue: 'Invalid value "{{value}}" for --{{flag}}{{expected}}.',
    badDuration: '--{{flag}}={{value}} is not a valid duration: use a number with a unit, e.g. 30s, 1m30s.',
    shortDuration: '--{{flag}}={{value}} is shorter than the minimum of 1ms.',
    badRetries: '--retries={{value}} must be a non-negative integer.',
    badEscape: 'The escape directive must be "\\" or "`", not "{{value}}".',
    onbuildTrigger: '{{trigger}} is not allowed as an ONBUILD trigger.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    const text = file.text;
    checkEscapeDirective(text, ctx.report);
    if (doc.instructions.length === 0) {
      ctx.report({ range: { start: 0, end: file.lines.lineEnd(0) }, messageId: 'empty' });
      return;
    }
    if (doc.stages.length === 0) {
      const first = doc.instructions[0];
      ctx.report({ range: first.keywordRange, messageId: 'noFrom' });
    }
    let seenFrom = false;
    for (const ins of doc.instructions) {
      if (!INSTRUCTIONS.includes(ins.keyword)) {
        unknown(ins.keyword, ins.keywordRange);
        continue;
      }
      if (ins.keyword === 'FROM') seenFrom = true;
      else if (!seenFrom && ins.keyword !== 'ARG' && doc.stages.length > 0) ctx.report({ range: ins.keywordRange, messageId: 'beforeFrom', data: { keyword: ins.keyword } });
      checkInstruction(ins);
    }

    function unknown(keyword: string, range: Range) {
      const suggestion = nearest(keyword, INSTRUCTIONS);
      if (suggestion) {
        ctx.report({ range, messageId: 'unknownInstructionDidYouMean', data: { keyword, suggestion }, fixes: [{ title: `Change to ${suggestion}`, edits: [{ range, text: suggestion }] }] });
      } else ctx.report({ range, messageId: 'unknownInstruction', data: { keyword } });
    }

    function checkInstruction(ins: DfInstruction) {
      const kw = ins.keyword;
      const argsText = ins.argsText;
      if (!ins.argsRange || argsText.trim() === '') {
        if (!(kw === 'HEALTHCHECK' && ins.flags.length)) {
          ctx.report({ range: ins.keywordRange, messageId: 'missingArgs', data: { keyword: kw } });
          return;
        }
      }
      checkFlags(ins);
      // (both forms have `<<`: the first line is cut out only when the text has one)
      const heredoc = argsText.includes('<<') && /^\s*<<|\s<<-?["']?[A-Za-z_]/.test(firstLine(argsText));
      // (`args` of a RUN is made only when asked for: the cases that read it ask)
      switch (kw) {
        case 'FROM': {
          const args = ins.args;
          const n = args.length;
          const asOk = n === 3 && /^as$/i.test(args[1].value);
          if (n === 2 && /^as$/i.test(args[1].value)) ctx.report({ range: args[1].range, messageId: 'fromArgs', data: { detail: 'the stage name after AS is missing' } });
          else if (n === 2 || (n === 3 && !asOk)) ctx.report({ range: { start: args[1].range.start, end: args[n - 1].range.end }, messageId: 'fromArgs', data: { detail: n === 2 ? `"${args[1].value}" is not expected (write AS ${args[1].value} to name the stage)` : `expected AS, found "${args[1].value}"` } });
          else if (n > 3) {
            const extra = { start: args[3].range.start, end: args[n - 1].range.end };
            const removal = { start: args[2].range.end, end: extra.end };
            ctx.report({ range: extra, messageId: 'fromArgs', data: { detail: 'extra arguments after the stage name' }, fixes: [{ title: 'Remove the extra arguments', edits: [{ range: removal, text: '' }] }] });
          }
          if (asOk && !STAGE_NAME.test(args[2].value.toLowerCase()) && !args[2].value.includes('$')) {
            ctx.report({ range: args[2].range, messageId: 'invalidStageName', data: { name: args[2].value } });
          }
          break;
        }
        case 'COPY':
        case 'ADD': {
          if (heredoc) break;
          const count = ins.jsonForm ? jsonLength(argsText) : ins.args.length;
          if (count < 2) ctx.report({ range: ins.argsRange!, messageId: 'copyArgs', data: { keyword: kw } });
          break;
        }
        case 'HEALTHCHECK': {
          const args = ins.args;
          const type = args[0]?.value.toUpperCase();
          if (!type) ctx.report({ range: ins.keywordRange, messageId: 'missingArgs', data: { keyword: kw } });
          else if (type === 'NONE') {
            if (args.length > 1 || ins.flags.length) ctx.report({ range: ins.argsRange!, messageId: 'healthcheckNone' });
          } else if (type !== 'CMD') ctx.report({ range: args[0].range, messageId: 'healthcheckType', data: { value: args[0].value } });
          else if (args.length === 1) ctx.report({ range: args[0].range, messageId: 'missingArgs', data: { keyword: 'HEALTHCHECK CMD' } });
          break;
        }
        case 'SHELL':
          if (!ins.jsonForm) ctx.report({ range: ins.argsRange!, messageId: 'shellJson' });
          break;
        case 'ENV':
        case 'LABEL':
          checkPairs(ins);
          break;
        case 'ARG':
          for (const p of ins.properties) if (p.name === '') ctx.report({ range: p.nameRange.start === p.nameRange.end ? ins.argsRange! : p.nameRange, messageId: 'blankName', data: { keyword: kw } });
          break;
        case 'ONBUILD': {
          const args = ins.args;
          const trigger = args[0];
          if (!trigger) break;
          const t = trigger.value.toUpperCase();
          if (t === 'ONBUILD' || t === 'FROM' || t === 'MAINTAINER') ctx.report({ range: trigger.range, messageId: 'onbuildTrigger', data: { trigger: t } });
          else if (!INSTRUCTIONS.includes(t)) unknown(trigger.value, trigger.range);
          else if (args.length === 1) ctx.report({ range: trigger.range, messageId: 'missingArgs', data: { keyword: t } });
          break;
        }
      }
    }

    function checkFlags(ins: DfInstruction) {
      const known = FLAGS[ins.keyword];
      if (!known) return;
      for (const f of ins.flags) {
        if (!(f.name in known)) {
          const suggestion = nearest(f.name, Object.keys(known));
          if (suggestion) {
            const nameRange = { start: f.range.start + 2, end: f.range.start + 2 + f.name.length };
            ctx.report({ range: f.range, messageId: 'unknownFlagDidYouMean', data: { flag: f.name, keyword: ins.keyword, suggestion }, fixes: [{ title: `Change to --${suggestion}`, edits: [{ range: nameRange, text: suggestion }] }] });
          } else ctx.report({ range: f.range, messageId: 'unknownFlag', data: { flag: f.name, keyword: ins.keyword } });
          continue;
        }
        if (f.value === null) {
          if (!known[f.name]) ctx.report({ range: f.range, messageId: 'flagValue', data: { flag: f.name } });
          continue;
        }
        const v = f.value;
        if (v.includes('$')) continue;
        if (ins.keyword === 'HEALTHCHECK') {
          if (DURATION_FLAGS.has(f.name)) {
            if (v !== '0' && !DURATION.test(v)) ctx.report({ range: f.range, messageId: 'badDuration', data: { flag: f.name, value: v } });
            else if (v !== '0') {
              const ms = [...v.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|ms|s|m|h)/g)].reduce((sum, m) => sum + Number(m[1]) * UNIT_MS[m[2]], 0);
              if (ms > 0 && ms < 1) ctx.report({ range: f.range, messageId: 'shortDuration', data: { flag: f.name, value: v } });
            }
          } else if (f.name === 'retries' && !/^\d+$/.test(v)) ctx.report({ range: f.range, messageId: 'badRetries', data: { value: v } });
          continue;
        }
        if (ins.keyword === 'RUN' && FLAG_VALUES[f.name] && !FLAG_VALUES[f.name].test(v)) {
          ctx.report({ range: f.range, messageId: 'badFlagValue', data: { flag: f.name, value: v, expected: ` (expected ${FLAG_VALUES[f.name].source.replace(/[^a-z|]/g, '').split('|').join(', ')})` } });
        }
        if (ins.keyword === 'RUN' && f.name === 'mount') {
          const type = /(?:^|,)type=([^,]*)/.exec(v)?.[1];
          if (type !== undefined && !MOUNT_TYPES.test(type)) ctx.report({ range: f.range, messageId: 'badFlagValue', data: { flag: 'mount', value: `type=${type}`, expected: ' (expected type=bind, cache, tmpfs, secret or ssh)' } });
        }
      }
    }

    function checkPairs(ins: DfInstruction) {
      const words = splitWords(ins.argsText, ins.argsRange!.start, doc.escapeChar);
      if (words.length === 0) return;
      if (!words[0].text.includes('=')) {
        if (words.length < 2) ctx.report({ range: words[0].range, messageId: 'envTwoArgs', data: { keyword: ins.keyword, name: words[0].text } });
        return;
      }
      for (const w of words) {
        if (!w.text.includes('=')) ctx.report({ range: w.range, messageId: 'envNoEquals', data: { keyword: ins.keyword, word: w.text } });
        else if (w.text.startsWith('=')) ctx.report({ range: w.range, messageId: 'blankName', data: { keyword: ins.keyword } });
      }
    }
  },
});

/** `text.split(/\r?\n/)[0]` without splitting the rest. */
function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  if (nl < 0) return text;
  return text.slice(0, nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
}

// Compiled once: splitWords runs them per character.
const BLANK = /\s/;
const LINE_BREAK_AHEAD = /^[ \t]*\r?\n/;
const COMMENT_AHEAD = /^[ \t]*#/;

/** Whitespace-separated words of an ENV/LABEL line, quotes and escapes honoured. */
function splitWords(text: string, base: number, esc: string): { text: string; range: Range }[] {
  const out: { text: string; range: Range }[] = [];
  let start = -1;
  let quote: string | null = null;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || (!quote && BLANK.test(c))) {
      if (start >= 0) out.push({ text: text.slice(start, i), range: { start: base + start, end: base + i } });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (c === esc) {
      if (LINE_BREAK_AHEAD.test(text.slice(i + 1))) {
        if (start === i) start = -1;
        i = text.indexOf('\n', i);
        // Docker drops comment lines inside a continued instruction.
        while (COMMENT_AHEAD.test(text.slice(i + 1))) {
          const nl = text.indexOf('\n', i + 1);
          if (nl < 0) return out;
          i = nl;
        }
        continue;
      }
      i++;
    } else if (quote && c === quote) quote = null;
    else if (!quote && (c === '"' || c === "'")) quote = c;
  }
  return out;
}

function jsonLength(text: string): number {
  try {
    const v = JSON.parse(text.replace(/\\\r?\n/g, ''));
    return Array.isArray(v) ? v.length : 0;
  } catch {
    return 0;
  }
}

function checkEscapeDirective(text: string, report: (r: { range: Range; messageId: 'badEscape'; data: Record<string, string>; fixes: Fix[] }) => void) {
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  re.lastIndex = pos;
  while ((m = re.exec(text)) && m[0] !== '') {
    const line = m[0].replace(/[\r\n]+$/, '');
    const d = /^\s*#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*)$/.exec(line.trimEnd());
    if (!d) return;
    if (d[1].toLowerCase() === 'escape' && d[2] !== '\\' && d[2] !== '`') {
      const start = pos + line.lastIndexOf(d[2], line.length - (line.length - line.trimEnd().length));
      const range = { start, end: start + d[2].length };
      report({ range, messageId: 'badEscape', data: { value: d[2] }, fixes: [{ title: 'Use the default escape character \\', edits: [{ range, text: '\\' }] }] });
    }
    pos = m.index + m[0].length;
  }
}

/** The candidate closest to `word` by edit distance (≤ 2, case-insensitive), if any. */
function nearest(word: string, candidates: string[]): string | undefined {
  const w = word.toUpperCase();
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(w, c.toUpperCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best && bestD <= Math.max(1, Math.min(2, w.length - 2)) ? best : undefined;
}

