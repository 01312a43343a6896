import { defineRule } from '../../define-rule';
import { isDeployJob, jobText, transitiveNeeds, workflowModel, type WfJob } from '../../documents/workflow';
import { insertPairs } from '../../fixes/yaml';

const PROD = /\b(prod|production|prd|live)\b/i;
const STAGING = /\b(staging|stage|stg|preprod|pre-prod|uat)\b/i;

function target(job: WfJob): 'production' | 'staging' | undefined {
  const label = `${job.id} ${job.name ?? ''}`.replace(/[-_]/g, ' ');
  if (PROD.test(label)) return 'production';
  if (STAGING.test(label)) return 'staging';
  const body = jobText(job).replace(/[-_]/g, ' ');
  if (PROD.test(body)) return 'production';
  if (STAGING.test(body)) return 'staging';
  return undefined;
}

export default defineRule({
  id: 'actions/prod-deploy-environment',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Jobs deploying to staging or production use an environment: and production comes after staging',
  sources: ['brief (manual approval before production)', 'zizmor secrets-outside-env (related)'],
  messages: {
    noEnvironment: 'Job "{{job}}" deploys to {{target}} without "environment:": no required reviewers, no wait timer, no environment-scoped secrets.',
    order: 'Job "{{job}}" deploys to production without waiting for the staging deployment "{{staging}}".',
  },
  fixable: true,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const text = ctx.file.text;
    const deploys = m.jobs.filter((j) => isDeployJob(j) && !j.uses);
    const staging = deploys.filter((j) => target(j) === 'staging');
    for (const job of deploys) {
      const t = target(job);
      if (!t || !job.node) continue;
      if (!job.environmentPair) {
        const after = job.node.has('runs-on') ? 'runs-on' : undefined;
        ctx.report({ range: job.keyRange, messageId: 'noEnvironment', data: { job: job.id, target: t }, fixes: [{ title: `Add environment: ${t}`, edits: [insertPairs(text, job.node, { environment: t }, m.style, after)] }] });
      }
      if (t === 'production' && staging.length) {
        const up = transitiveNeeds(m, job);
        const s = staging.find((x) => !up.has(x.id) && !transitiveNeeds(m, x).has(job.id));
        if (s && !staging.some((x) => up.has(x.id))) ctx.report({ range: job.keyRange, messageId: 'order', data: { job: job.id, staging: s.id } });
      }
    }
  },
});
