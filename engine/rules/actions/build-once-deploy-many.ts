import { defineRule } from '../../define-rule';
import { buildsImage, isDeployJob, workflowModel } from '../../documents/workflow';

export default defineRule({
  id: 'actions/build-once-deploy-many',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  summary: 'Deploy jobs promote the image built once, instead of rebuilding it per environment',
  sources: ['brief (build once, promote the same image)'],
  messages: {
    rebuild: 'Deploy job "{{job}}" builds its own image{{why}}: what reaches this environment is not the artifact that was tested. Build once, then deploy the same digest everywhere.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    if (m.isAction) return;
    const deploys = m.jobs.filter((j) => isDeployJob(j) && !j.uses);
    const builders = m.jobs.filter((j) => !deploys.includes(j) && j.steps.some(buildsImage));
    for (const job of deploys) {
      const step = job.steps.find(buildsImage);
      if (!step) continue;
      const others = deploys.filter((d) => d !== job && d.steps.some(buildsImage));
      if (!builders.length && !others.length) continue;
      const why = builders.length ? ` although "${builders[0].id}" already builds one` : ` and so does "${others[0].id}"`;
      ctx.report({ range: step.range, messageId: 'rebuild', data: { job: job.id, why } });
    }
  },
});
