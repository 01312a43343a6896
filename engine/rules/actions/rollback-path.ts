import { defineRule } from '../../define-rule';
import { isDeployJob, workflowModel } from '../../documents/workflow';
import { mapPairs, get } from '../../documents/yaml-nav';

const ROLLBACK = /\b(rollback|roll\s+back|rollout\s+undo|helm\s+rollback|revert|undo|previous[-_ ]version|blue[-/]green|canary|argo\s*rollouts|flagger)\b|--atomic\b|--rollback-on-failure\b/i;
const VERSION_INPUT = /version|tag|image|ref|sha|release|digest|commit/i;

export default defineRule({
  id: 'actions/rollback-path',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'Deploy workflows have a way back: a dispatch with a version input, or a rollback step on failure',
  sources: ['brief (automatic or documented rollback)'],
  messages: {
    none: 'This workflow deploys but offers no rollback: no workflow_dispatch input to redeploy an earlier version, no rollback step on failure, no --atomic deploy.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const deploy = m.jobs.find((j) => isDeployJob(j) && !j.uses);
    if (!deploy) return;
    const dispatch = m.triggers.find((t) => t.name === 'workflow_dispatch' || t.name === 'workflow_call');
    if (dispatch && mapPairs(get(dispatch.config, 'inputs')).some((p) => VERSION_INPUT.test(p.key))) return;
    if (m.steps().some((s) => ROLLBACK.test(`${s.name ?? ''}\n${s.run ?? ''}\n${s.uses ?? ''}`))) return;
    if (m.jobs.some((j) => ROLLBACK.test(`${j.id} ${j.name ?? ''}`))) return;
    ctx.report({ range: deploy.keyRange, messageId: 'none' });
  },
});
