import { defineRule } from '../../define-rule';
import { isDeployJob, workflowModel } from '../../documents/workflow';
import { get, keyRange, nodeRange, str } from '../../documents/yaml-nav';
import { insertPairs } from '../../fixes/yaml';
import type { Fix } from '../../types';

export default defineRule({
  id: 'actions/concurrency',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'Deploy workflows serialise runs with a concurrency group, without deadlocking job and workflow groups',
  sources: ['zizmor concurrency-limits', 'actions/languageservices concurrency deadlock'],
  messages: {
    missing: 'Two runs of this workflow can deploy at the same time (and an older run can finish last). Add a concurrency group.',
    deadlock: 'Job "{{job}}" uses the same concurrency group as the workflow ("{{group}}"): the job waits for the run that contains it, forever.',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction || !m.root) return;
    const text = ctx.file.text;
    const wfGroup = m.concurrencyPair ? str(m.concurrencyPair.value) ?? str(get(m.concurrencyPair.value, 'group')) : undefined;
    for (const job of m.jobs) {
      if (!job.concurrencyPair || !wfGroup) continue;
      const g = str(job.concurrencyPair.value) ?? str(get(job.concurrencyPair.value, 'group'));
      if (g && g === wfGroup) {
        const node = get(job.concurrencyPair.value, 'group') ?? job.concurrencyPair.value;
        ctx.report({ range: nodeRange(node) ?? keyRange(job.concurrencyPair)!, messageId: 'deadlock', data: { job: job.id, group: g } });
      }
    }
    if (m.concurrencyPair) return;
    const deploys = m.jobs.filter((j) => isDeployJob(j) && !j.uses);
    if (!deploys.length || deploys.every((j) => j.concurrencyPair)) return;
    const after = m.permissionsPair ? 'permissions' : m.onPair ? String((m.onPair.key as { value?: unknown }).value) : undefined;
    const fixes: Fix[] = after
      ? [{ title: 'Add a concurrency group for deployments', edits: [insertPairs(text, m.root, { concurrency: { group: 'deploy-${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': false } }, m.style, after)] }]
      : [];
    ctx.report({ range: deploys[0].keyRange, messageId: 'missing', fixes });
  },
});
