import { defineRule } from '../../define-rule';
import { deployStepIndex, isDeployJob, transitiveNeeds, workflowModel, type WfStep } from '../../documents/workflow';
import { columnOf, indentBlock } from '../../fixes/yaml';
import { contentEnd, nodeRange } from '../../documents/yaml-nav';
import type { Fix } from '../../types';

const VERIFY = /\b(curl|wget|http(ie)?|smoke|health|healthz|readyz|ready|kubectl\s+rollout\s+status|kubectl\s+wait|helm\b[^\n]*--wait|helm\s+test|aws\s+ecs\s+wait|wait-for|newman|k6\s+run|playwright|cypress|synthetic|verify|check-deploy|status\s+check)\b/i;
const VERIFY_ACTIONS = /(jtalk\/url-health-check-action|cygnetdigital\/wait_for_response|gerrykeys\/smoke|lakuapik\/gh-actions-http-status|fjogeleit\/http-request-action|cypress-io\/github-action|microsoft\/playwright-github-action|grafana\/k6-action|matt-ball\/newman-action|aws-actions\/amazon-ecs-deploy-task-definition)/i;

function verifies(s: WfStep): boolean {
  if (s.action && VERIFY_ACTIONS.test(s.action)) {
    // the ECS deploy action verifies only with wait-for-service-stability
    if (/amazon-ecs-deploy-task-definition/i.test(s.action)) return /^true$/i.test(String((s.with?.get('wait-for-service-stability') as unknown) ?? ''));
    return true;
  }
  return VERIFY.test(`${s.name ?? ''}\n${s.run ?? ''}`);
}

export default defineRule({
  id: 'actions/post-deploy-verification',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'Deploy jobs check the deployment afterwards with a health check or smoke test',
  sources: ['brief (health check / smoke test after deploy)'],
  messages: {
    noCheck: 'Nothing checks that "{{job}}" worked: add a smoke test or health check after the deploy step (curl --fail on /health, kubectl rollout status …).',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const text = ctx.file.text;
    for (const job of m.jobs) {
      if (!isDeployJob(job) || job.uses || !job.steps.length) continue;
      const i = Math.max(0, deployStepIndex(job));
      if (job.steps.slice(i).some(verifies)) continue;
      // a later job that needs this one and verifies counts too
      if (m.jobs.some((o) => o !== job && transitiveNeeds(m, o).has(job.id) && o.steps.some(verifies))) continue;
      const last = job.steps[job.steps.length - 1];
      const item = nodeRange(last.node)!;
      const col = columnOf(text, item.start);
      const end = contentEnd(last.node) ?? item.end;
      const nl = text.indexOf('\n', end);
      const at = nl < 0 ? text.length : nl + 1;
      const block = indentBlock('- name: Smoke test\n  run: curl --fail --silent --show-error --retry 10 --retry-delay 6 --retry-all-errors ${1:https://example.com/health}\n', col - 2, m.style);
      const fixes: Fix[] = [{ title: 'Add a smoke-test step after the deployment', snippet: true, edits: [{ range: { start: at, end: at }, text: nl < 0 ? `${m.style.eol}${block.replace(/(\r\n|\r|\n)+$/, '')}` : block }] }];
      ctx.report({ range: job.keyRange, messageId: 'noCheck', data: { job: job.id }, fixes });
    }
  },
});
