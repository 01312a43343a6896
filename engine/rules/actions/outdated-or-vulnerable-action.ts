import { defineRule } from '../../define-rule';
import { knownAction, majorOf, workflowModel } from '../../documents/workflow';
import type { Fix } from '../../types';

export default defineRule({
  id: 'actions/outdated-or-vulnerable-action',
  kind: 'workflow',
  type: 'problem',
  severity: 'warning',
  summary: 'Popular actions are used at a supported major version without known advisories',
  sources: ['actionlint (outdated popular actions)', 'zizmor known-vulnerable-actions, archived-uses'],
  messages: {
    outdated: '{{action}}@{{ref}} {{why}}: use v{{min}} or later.',
    vulnerable: '{{action}}@{{ref}} is affected by {{id}}: {{summary}}. Use v{{fixed}} or later, pinned by SHA.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const text = ctx.file.text;
    for (const step of m.steps()) {
      const k = knownAction(step);
      const major = majorOf(step.ref);
      if (!k || major === undefined || !step.usesNode) continue;
      const r = step.usesNode.range!;
      const at = text.slice(r[0], r[1]).lastIndexOf('@');
      const refRange = { start: r[0] + at + 1, end: r[0] + at + 1 + step.ref!.length };
      const bump = (to: number): Fix[] => (/^v\d+$/.test(step.ref!) ? [{ title: `Update to v${to}`, edits: [{ range: refRange, text: `v${to}` }] }] : []);
      const adv = k.info.advisory;
      if (adv && major < adv.fixedMajor) {
        ctx.report({ range: refRange, messageId: 'vulnerable', data: { action: k.key, ref: step.ref!, id: adv.id, summary: adv.summary, fixed: adv.fixedMajor }, fixes: bump(adv.fixedMajor) });
      } else if (k.info.minMajor && major < k.info.minMajor) {
        ctx.report({ range: refRange, messageId: 'outdated', data: { action: k.key, ref: step.ref!, why: k.info.outdatedReason ?? 'is outdated', min: k.info.minMajor }, fixes: bump(k.info.minMajor) });
      }
    }
  },
});
