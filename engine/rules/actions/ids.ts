import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { nodeRange } from '../../documents/yaml-nav';

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export default defineRule({
  id: 'actions/ids',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'Job and step ids are valid and unique',
  sources: ['actionlint id'],
  messages: {
    invalid: '{{what}} id "{{id}}" must start with a letter or _ and contain only letters, digits, - and _.',
    duplicateStep: 'Step id "{{id}}" is already used in this job: steps.{{id}} refers to only one of them.',
    duplicateJob: 'Job id "{{id}}" is defined twice: the first one is silently dropped.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    const seenJobs = new Set<string>();
    for (const job of m.jobs) {
      if (!job.composite) {
        if (!ID.test(job.id)) ctx.report({ range: job.keyRange, messageId: 'invalid', data: { what: 'Job', id: job.id } });
        const low = job.id.toLowerCase();
        if (seenJobs.has(low)) ctx.report({ range: job.keyRange, messageId: 'duplicateJob', data: { id: job.id } });
        seenJobs.add(low);
      }
      const seen = new Set<string>();
      for (const s of job.steps) {
        if (!s.id || !s.idPair) continue;
        if (s.id.includes('${{')) continue;
        const r = nodeRange(s.idPair.value)!;
        if (!ID.test(s.id)) ctx.report({ range: r, messageId: 'invalid', data: { what: 'Step', id: s.id } });
        const low = s.id.toLowerCase();
        if (seen.has(low)) ctx.report({ range: r, messageId: 'duplicateStep', data: { id: s.id } });
        seen.add(low);
      }
    }
  },
});
