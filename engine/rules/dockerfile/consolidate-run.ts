import { defineRule } from '../../define-rule';
import type { DfInstruction } from '../../documents/dockerfile';
import { commandWords, runCommands } from '../../documents/shell';
import type { Fix } from '../../types';

/** Commands whose effect on the shell state would leak into the next RUN once merged. */
const STATEFUL = /^(?:cd|pushd|popd|export|unset|set|source|\.|umask|alias|shopt|trap|exec)$/;

export default defineRule({
  id: 'dockerfile/consolidate-run',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'hint',
  summary: 'Long runs of consecutive RUN instructions in the shipped image are merged into one',
  sources: ['hadolint DL3059'],
  messages: {
    consecutive: '{{count}} consecutive RUN instructions each add a layer to the shipped image: merge them with && into one RUN.',
  },
  fixable: true,
  options: {
    type: 'object',
    properties: { max: { type: 'integer', minimum: 1, description: 'Consecutive RUN instructions allowed before the rule reports (default 2).' } },
    additionalProperties: false,
  },
  check(ctx) {
    const { doc, file } = ctx;
    const max = typeof ctx.options.max === 'number' ? ctx.options.max : 2;
    for (const stage of doc.stages) {
      if (!doc.shippedStages.has(stage)) continue;
      let group: DfInstruction[] = [];
      const flush = () => {
        if (group.length > max) report(group);
        group = [];
      };
      for (const ins of stage.instructions) {
        const mergeable = ins.keyword === 'RUN' && !ins.jsonForm && !!ins.argsRange && !/<</.test(ins.argsText);
        if (!mergeable) {
          flush();
          continue;
        }
        const flags = ins.flags.map((f) => file.text.slice(f.range.start, f.range.end)).join(' ');
        const prevFlags = group[0]?.flags.map((f) => file.text.slice(f.range.start, f.range.end)).join(' ');
        if (group.length && prevFlags !== flags) flush();
        group.push(ins);
      }
      flush();
    }

    function report(group: DfInstruction[]) {
      const fixes: Fix[] = [];
      const first = group[0];
      const last = group[group.length - 1];
      const between = file.text.slice(first.range.start, last.range.end);
      const texts = group.map((i) => i.argsText.replace(/\s+$/, ''));
      const safe =
        !/(?:^|\s)#/.test(between.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '')) &&
        texts.every((t) => !/[;&|\\]$/.test(t)) &&
        group.slice(0, -1).every((i) => runCommands(doc, i).every((c) => !STATEFUL.test(commandWords(c)[0]?.value ?? '') && c.next !== '&'));
      if (safe) {
        const eol = file.lines.eol();
        const esc = doc.escapeChar;
        const merged = texts.map((t, i) => (i === 0 ? t : `    && ${t}`)).join(` ${esc}${eol}`);
        fixes.push({ title: `Merge the ${group.length} RUN instructions`, edits: [{ range: { start: first.argsRange!.start, end: last.range.end }, text: merged }] });
      }
      ctx.report({ range: first.keywordRange, messageId: 'consecutive', data: { count: group.length }, fixes });
    }
  },
});
