import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { insertPairs, raw } from '../../fixes/yaml';

export default defineRule({
  id: 'actions/job-timeout',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'Jobs set timeout-minutes instead of the 6-hour default',
  sources: ['beyond (GitHub default timeout is 360 minutes)'],
  messages: {
    missing: 'Job "{{job}}" has no timeout-minutes: a hung step keeps a runner busy (and billed) for 6 hours.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const text = ctx.file.text;
    for (const job of m.jobs) {
      if (!job.node || job.uses || job.timeoutPair || !job.node.items.length) continue;
      const after = job.node.has('runs-on') ? 'runs-on' : undefined;
      ctx.report({
        range: job.keyRange,
        messageId: 'missing',
        data: { job: job.id },
        fixes: [{ title: 'Add timeout-minutes', snippet: true, edits: [insertPairs(text, job.node, { 'timeout-minutes': raw('${1:30}') }, m.style, after)] }],
      });
    }
  },
});
