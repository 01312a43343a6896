import { defineRule } from '../../define-rule';
import { closest, workflowModel } from '../../documents/workflow';
import { bool, get, getPair, keyRange, mapPairs, nodeRange, str, isMap } from '../../documents/yaml-nav';
import { insertPairs, raw } from '../../fixes/yaml';
import type { Fix } from '../../types';

export default defineRule({
  id: 'actions/reusable-workflow-contract',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  crossFile: true,
  summary: 'Calls to local reusable workflows pass the inputs and secrets the callee declares',
  sources: ['actionlint workflow-call'],
  messages: {
    notCallable: '{{callee}} has no "workflow_call" trigger, so it cannot be called.',
    missingInput: '{{callee}} requires the input "{{name}}".',
    unknownInput: '{{callee}} declares no input "{{name}}".',
    unknownInputDid: '{{callee}} declares no input "{{name}}": did you mean "{{suggestion}}"?',
    missingSecret: '{{callee}} requires the secret "{{name}}".',
    unknownSecret: '{{callee}} declares no secret "{{name}}".',
  },
  fixable: true,
  check(ctx) {
    if (!ctx.workspace.complete) return;
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const job of m.jobs) {
      const uses = job.uses?.trim();
      if (!uses || !/^\.\/\.github\/workflows\/[^/@]+\.ya?ml$/.test(uses) || !job.usesNode) continue;
      const callee = ctx.workspace.get(uses.slice(2));
      if (!callee || callee.kind !== 'workflow') continue;
      const cm = workflowModel(callee);
      const trig = cm.triggers.find((t) => t.name === 'workflow_call');
      const usesRange = nodeRange(job.usesNode)!;
      if (!trig) {
        if (cm.triggers.length) ctx.report({ range: usesRange, messageId: 'notCallable', data: { callee: uses } });
        continue;
      }
      const inputs = mapPairs(get(trig.config, 'inputs'));
      const secrets = mapPairs(get(trig.config, 'secrets'));
      const withMap = job.withPair?.value;
      const given = mapPairs(withMap);
      for (const inp of inputs) {
        if (!bool(get(inp.value, 'required')) || get(inp.value, 'default') !== undefined) continue;
        if (given.some((g) => g.key === inp.key)) continue;
        const fixes: Fix[] = [];
        if (isMap(withMap) && withMap.items.length) fixes.push({ title: `Pass input "${inp.key}"`, snippet: true, edits: [insertPairs(text, withMap, { [inp.key]: raw(`\${1:VALUE}`) }, m.style)] });
        else if (!job.withPair && job.node) fixes.push({ title: `Pass input "${inp.key}"`, snippet: true, edits: [insertPairs(text, job.node, { with: { [inp.key]: raw(`\${1:VALUE}`) } }, m.style, 'uses')] });
        ctx.report({ range: usesRange, messageId: 'missingInput', data: { callee: uses, name: inp.key }, fixes });
      }
      const names = inputs.map((i) => i.key);
      for (const g of given) {
        if (names.includes(g.key)) continue;
        const s = closest(g.key, names);
        const r = keyRange(g.pair)!;
        ctx.report({ range: r, messageId: s ? 'unknownInputDid' : 'unknownInput', data: { callee: uses, name: g.key, suggestion: s ?? '' }, fixes: s ? [{ title: `Rename to "${s}"`, edits: [{ range: r, text: s }] }] : [] });
      }
      if (str(job.secretsPair?.value) === 'inherit') continue;
      const passed = mapPairs(job.secretsPair?.value);
      for (const sec of secrets) {
        if (!bool(get(sec.value, 'required'))) continue;
        if (!passed.some((p) => p.key === sec.key)) ctx.report({ range: usesRange, messageId: 'missingSecret', data: { callee: uses, name: sec.key } });
      }
      for (const p of passed) if (!secrets.some((s) => s.key === p.key)) ctx.report({ range: keyRange(p.pair)!, messageId: 'unknownSecret', data: { callee: uses, name: p.key } });
      void getPair;
    }
  },
});
