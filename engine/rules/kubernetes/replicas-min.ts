import { getPath, nodeRange, str } from '../../documents/yaml-nav';
import { insertPairs, replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, hpasFor, usesClaim, workloadsOf, workspaceObjects } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/replicas-min',
  type: 'suggestion',
  severity: 'info',
  summary: 'Deployments run at least 2 replicas (unless an autoscaler manages them)',
  sources: ['kube-score deployment-replicas', 'Polaris deploymentMissingReplicas', 'kube-linter minimum-three-replicas'],
  messages: {
    single: 'Deployment "{{name}}" runs a single replica: every rollout, eviction or node failure is downtime.',
  },
  fixable: true,
  // Reads HPAs from other files when the workspace is known; works on the file alone otherwise.
  crossFile: true,
  check(ctx, k8s) {
    const all = workspaceObjects(ctx);
    for (const w of workloadsOf(k8s)) {
      if (w.kind !== 'Deployment' || !w.spec || w.effectiveReplicas !== 1) continue;
      if (hpasFor(all, w).length) continue;
      // A single writer on a volume claim, or an explicit Recreate strategy, is one instance by design.
      if (usesClaim(w) || str(getPath(w.spec, ['strategy', 'type'])) === 'Recreate') continue;
      const value = w.replicasPair?.value as Scalar | undefined;
      ctx.report({
        range: value ? nodeRange(value)! : w.object.range,
        messageId: 'single',
        data: { name: w.object.displayName },
        fixes: [{ title: 'Set replicas: 2', edits: [value ? replaceScalar(k8s.text, value, 2) : insertPairs(k8s.text, w.spec, { replicas: 2 }, k8s.style)] }],
      });
    }
  },
});
