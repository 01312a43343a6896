import { type Scalar } from 'yaml';
import { isScalar } from '../../documents/yaml-nav';
import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { findExpressions } from '../../documents/expressions';
import type { YPair } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

const BOTS = /github\.(actor|triggering_actor)\s*==\s*'[^']*\[bot\]'|'[^']*\[bot\]'\s*==\s*github\.(actor|triggering_actor)/i;

export default defineRule({
  id: 'actions/unsound-conditions',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'if: conditions evaluate as written: no text around ${{ }}, no spoofable bot checks, no substring tricks',
  sources: ['actionlint if-cond', 'actions/languageservices expression-literal-text-in-condition', 'zizmor unsound-condition, bot-conditions, unsound-contains'],
  messages: {
    alwaysTrue: 'Text outside ${{ }} makes this condition a non-empty string, which is always true.',
    bot: 'github.actor is whoever last acted on the run (a re-run or a push to the PR changes it), so this bot check can be satisfied by a human. Check github.event.pull_request.user.login instead.',
    contains: 'contains() on a string literal matches substrings: "{{hint}}" would also match. Use fromJSON(\'[…]\') with a list, or == comparisons.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const pairs: YPair[] = [];
    for (const j of m.jobs) {
      if (j.ifPair) pairs.push(j.ifPair);
      for (const s of j.steps) if (s.ifPair) pairs.push(s.ifPair);
    }
    for (const p of pairs) {
      const v = p.value;
      if (!isScalar(v) || typeof v.value !== 'string' || !v.range) continue;
      const value = v.value;
      const r = { start: v.range[0], end: v.range[1] };
      if (value.includes('${{')) {
        const trimmed = value.trim();
        const list = findExpressions(value);
        const whole = list.length === 1 && list[0].range.start === 0 && list[0].range.end === trimmed.length && value === trimmed;
        if (!whole && list.length && list.every((e) => e.closed)) {
          const fixes: Fix[] = [];
          // `${{ a }} && ${{ b }}` → `${{ a && b }}`
          const joined = value.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, '($1)').trim();
          if ((v as Scalar).type === 'PLAIN' && !/\n/.test(value)) fixes.push({ title: 'Put the whole condition inside ${{ }}', edits: [{ range: r, text: `\${{ ${list.length === 1 && value.replace(/\$\{\{[\s\S]*?\}\}/, '').trim() === '' ? list[0].inner.trim() : joined} }}` }] });
          ctx.report({ range: r, messageId: 'alwaysTrue', fixes });
          continue;
        }
      }
      const e = m.conditionOf(v as Scalar);
      if (!e) continue;
      const src = e.inner;
      const bot = BOTS.exec(src);
      if (bot) ctx.report({ range: e.approximate ? r : { start: e.innerRange.start + bot.index, end: e.innerRange.start + bot.index + bot[0].length }, messageId: 'bot' });
      for (const c of e.calls) {
        if (c.name.toLowerCase() !== 'contains') continue;
        const first = c.args[0];
        if (first?.length === 1 && first[0].kind === 'string' && /\s|,/.test(first[0].text)) {
          const words = first[0].text.slice(1, -1).split(/[\s,]+/).filter(Boolean);
          const hint = words[0] ? words[0].slice(0, Math.max(1, words[0].length - 1)) : '';
          ctx.report({ range: c.callRange, messageId: 'contains', data: { hint } });
        }
      }
    }
  },
});
