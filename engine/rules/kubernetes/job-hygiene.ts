import { asMap, getPair, nodeRange, str } from '../../documents/yaml-nav';
import { insertPairs, raw, replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, workloadsOf } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/job-hygiene',
  type: 'suggestion',
  severity: 'info',
  summary: 'Jobs clean up after themselves (ttlSecondsAfterFinished), CronJobs set a starting deadline, and both restart pods OnFailure or Never',
  sources: ['kube-score cronjob-has-deadline', 'kube-score cronjob-restartpolicy', 'kube-linter job-ttl-seconds-after-finished'],
  messages: {
    ttl: 'Job "{{name}}" has no ttlSecondsAfterFinished: finished Jobs and their pods pile up in the namespace.',
    deadline: 'CronJob "{{name}}" has no startingDeadlineSeconds: after a controller outage it may count missed runs and stop scheduling.',
    restartPolicy: 'The pod template of {{kind}} "{{name}}" has restartPolicy {{value}}: Jobs need OnFailure or Never.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const w of workloadsOf(k8s)) {
      if (w.kind !== 'Job' && w.kind !== 'CronJob') continue;
      const spec = w.spec;
      if (!spec || k8s.open(spec)) continue;
      const data = { kind: w.kind, name: w.object.displayName };
      // Helm hook Jobs are deleted by their hook-delete-policy.
      const hook = w.object.annotations['helm.sh/hook-delete-policy'];
      if (w.kind === 'Job' && !getPair(spec, 'ttlSecondsAfterFinished') && !hook) {
        ctx.report({ range: w.object.range, messageId: 'ttl', data, fixes: [{ title: 'Add ttlSecondsAfterFinished', snippet: true, edits: [insertPairs(k8s.text, spec, { ttlSecondsAfterFinished: raw('${1:86400}') }, k8s.style)] }] });
      }
      if (w.kind === 'CronJob' && !getPair(spec, 'startingDeadlineSeconds')) {
        ctx.report({ range: w.object.range, messageId: 'deadline', data, fixes: [{ title: 'Add startingDeadlineSeconds', snippet: true, edits: [insertPairs(k8s.text, spec, { startingDeadlineSeconds: raw('${1:300}') }, k8s.style)] }] });
      }
      const pod = asMap(w.podSpec);
      if (!pod || k8s.has(pod, 'restartPolicy') === 'unknown') continue;
      const rp = getPair(pod, 'restartPolicy');
      if (!rp) {
        ctx.report({ range: w.object.range, messageId: 'restartPolicy', data: { ...data, value: 'Always (the default)' }, fixes: [{ title: 'Set restartPolicy: OnFailure', edits: [insertPairs(k8s.text, pod, { restartPolicy: 'OnFailure' }, k8s.style)] }] });
      } else if (str(rp.value) === 'Always' && !k8s.unknown(rp.value)) {
        ctx.report({ range: nodeRange(rp.value)!, messageId: 'restartPolicy', data: { ...data, value: 'Always' }, fixes: [{ title: 'Set restartPolicy: OnFailure', edits: [replaceScalar(k8s.text, rp.value as Scalar, 'OnFailure')] }] });
      }
    }
  },
});
