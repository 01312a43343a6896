import { asMap, get } from '../../documents/yaml-nav';
import { insertPairs } from '../../fixes/yaml';
import { defineK8sRule } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/pdb-unhealthy-eviction-policy',
  type: 'suggestion',
  severity: 'info',
  summary: 'PodDisruptionBudgets set unhealthyPodEvictionPolicy (AlwaysAllow)',
  sources: ['kube-linter pdb-unhealthy-pod-eviction-policy'],
  messages: {
    missing: 'PodDisruptionBudget "{{name}}" has no unhealthyPodEvictionPolicy: crash-looping pods it protects can block node drains. Set AlwaysAllow.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const o of k8s.objects) {
      if (o.kind !== 'PodDisruptionBudget' || o.apiVersion !== 'policy/v1') continue;
      const spec = asMap(get(o.node, 'spec'));
      if (!spec || k8s.has(spec, 'unhealthyPodEvictionPolicy') !== 'no' || spec.items.length === 0) continue;
      ctx.report({ range: o.range, messageId: 'missing', data: { name: o.displayName }, fixes: [{ title: 'Add unhealthyPodEvictionPolicy: AlwaysAllow', edits: [insertPairs(k8s.text, spec, { unhealthyPodEvictionPolicy: 'AlwaysAllow' }, k8s.style)] }] });
    }
  },
});
