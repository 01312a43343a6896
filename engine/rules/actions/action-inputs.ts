import { defineRule } from '../../define-rule';
import { closest, knownAction, majorOf, workflowModel } from '../../documents/workflow';
import { getPair, keyRange, mapPairs } from '../../documents/yaml-nav';
import { insertPairs, raw } from '../../fixes/yaml';
import type { Fix } from '../../types';

export default defineRule({
  id: 'actions/action-inputs',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'with: of popular actions uses only inputs they define and sets the required ones',
  sources: ['actionlint action (popular action inputs)', 'actions/languageservices missing-required-inputs'],
  messages: {
    unknown: '{{action}} has no input "{{input}}"; it is ignored.',
    unknownDid: '{{action}} has no input "{{input}}": did you mean "{{suggestion}}"?',
    missing: '{{action}} requires the input "{{input}}".',
    deprecated: 'Input "{{input}}" of {{action}} is deprecated: {{why}}.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const step of m.steps()) {
      const k = knownAction(step);
      if (!k) continue;
      const { key, info } = k;
      const major = majorOf(step.ref);
      if (info.inputs && step.with) {
        for (const { key: name, pair } of mapPairs(step.with)) {
          const r = keyRange(pair)!;
          if (info.deprecated?.[name]) {
            ctx.report({ range: r, messageId: 'deprecated', data: { action: key, input: name, why: info.deprecated[name] } });
            continue;
          }
          if (info.inputs.includes(name)) continue;
          const s = closest(name, info.inputs);
          ctx.report({ range: r, messageId: s ? 'unknownDid' : 'unknown', data: { action: key, input: name, suggestion: s ?? '' }, fixes: s ? [{ title: `Rename to "${s}"`, edits: [{ range: r, text: s }] }] : [] });
        }
      }
      for (const req of info.required ?? []) {
        if (req.sinceMajor && (major === undefined || major < req.sinceMajor)) continue;
        if (getPair(step.with, req.name)) continue;
        const fixes: Fix[] = [];
        if (step.with && step.with.items.length) fixes.push({ title: `Add input "${req.name}"`, snippet: true, edits: [insertPairs(text, step.with, { [req.name]: raw(`\${1:${req.placeholder}}`) }, m.style)] });
        else if (!step.withPair) fixes.push({ title: `Add input "${req.name}"`, snippet: true, edits: [insertPairs(text, step.node, { with: { [req.name]: raw(`\${1:${req.placeholder}}`) } }, m.style)] });
        ctx.report({ range: step.range, messageId: 'missing', data: { action: key, input: req.name }, fixes });
      }
    }
  },
});
