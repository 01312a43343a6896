import { getPair, getPath, keyRange, nodeRange, str } from '../../documents/yaml-nav';
import { replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, parseQuantity, usesClaim, workloadsOf } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/rolling-update',
  type: 'suggestion',
  severity: 'info',
  summary: 'Deployments roll out gradually (RollingUpdate with a sane maxUnavailable) and keep revision history for rollbacks',
  sources: ['brief (rollback)', 'kube-score deployment-strategy', 'kube-linter no-rolling-update-strategy'],
  messages: {
    recreate: 'Deployment "{{name}}" uses the Recreate strategy: every rollout stops all pods before starting new ones (downtime).',
    maxUnavailable: 'maxUnavailable {{value}} lets a rollout take down all {{replicas}} replicas at once.',
    noHistory: 'revisionHistoryLimit: 0 keeps no old ReplicaSets: `kubectl rollout undo` has nothing to roll back to.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const w of workloadsOf(k8s)) {
      if (w.kind !== 'Deployment' || !w.spec) continue;
      const type = getPath(w.spec, ['strategy', 'type']);
      if (str(type) === 'Recreate' && !k8s.unknown(type) && !usesClaim(w)) ctx.report({ range: nodeRange(type)!, messageId: 'recreate', data: { name: w.object.displayName } });
      const mu = getPath(w.spec, ['strategy', 'rollingUpdate', 'maxUnavailable']) as Scalar | undefined;
      const replicas = w.effectiveReplicas;
      if (mu && !k8s.unknown(mu) && replicas !== undefined && replicas > 1) {
        const v = str(mu) ?? '';
        const n = v.endsWith('%') ? Math.floor((Number(v.slice(0, -1)) / 100) * replicas) : parseQuantity(v);
        if (n !== undefined && n >= replicas) ctx.report({ range: nodeRange(mu)!, messageId: 'maxUnavailable', data: { value: v, replicas }, fixes: [{ title: 'Set maxUnavailable: 25%', edits: [replaceScalar(k8s.text, mu, '25%')] }] });
      }
      const hist = getPair(w.spec, 'revisionHistoryLimit');
      if (hist && str(hist.value) === '0' && !k8s.unknown(hist.value)) {
        ctx.report({ range: keyRange(hist)!, messageId: 'noHistory', fixes: [{ title: 'Keep 10 revisions (the default)', edits: [replaceScalar(k8s.text, hist.value as Scalar, 10)] }] });
      }
    }
  },
});
