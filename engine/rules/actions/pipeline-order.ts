import { defineRule } from '../../define-rule';
import { isDeployJob, jobStages, transitiveNeeds, workflowModel } from '../../documents/workflow';
import { appendItems, insertPairs, setValue } from '../../fixes/yaml';
import { nodeRange, str, isSeq } from '../../documents/yaml-nav';
import type { Fix, TextEdit } from '../../types';

const ORDER = ['lint', 'test', 'build', 'scan'] as const;

export default defineRule({
  id: 'actions/pipeline-order',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Deploy jobs wait for the lint, test, build and security-scan jobs of their workflow',
  sources: ['brief (lint → test → build → scan → deploy)', 'actionlint job-needs (validity only)'],
  messages: {
    notWaiting: 'Deploy job "{{job}}" does not wait for {{missing}}: it can ship even when they fail. Add them to "needs".',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const text = ctx.file.text;
    const deploys = m.jobs.filter(isDeployJob);
    for (const job of deploys) {
      if (!job.node) continue;
      const upstream = transitiveNeeds(m, job);
      const missing: string[] = [];
      for (const other of m.jobs) {
        if (other === job || deploys.includes(other) || upstream.has(other.id)) continue;
        const stages = jobStages(other);
        if (!ORDER.some((s) => stages.has(s))) continue;
        // a job that itself needs the deploy job comes after it (e.g. a post-deploy test)
        if (transitiveNeeds(m, other).has(job.id)) continue;
        missing.push(other.id);
      }
      if (!missing.length) continue;
      const edits: TextEdit[] = [];
      const needs = job.needsPair;
      if (!needs) edits.push(insertPairs(text, job.node, { needs: missing }, m.style, 'runs-on'));
      else if (isSeq(needs.value)) edits.push(appendItems(text, needs.value as never, missing, m.style));
      else if (str(needs.value)) edits.push(setValue(text, needs, [str(needs.value)!, ...missing], m.style));
      const fixes: Fix[] = edits.length ? [{ title: `Make "${job.id}" need ${missing.join(', ')}`, edits }] : [];
      ctx.report({ range: job.keyRange, messageId: 'notWaiting', data: { job: job.id, missing: missing.map((x) => `"${x}"`).join(', ') }, fixes });
    }
    void nodeRange;
  },
});
