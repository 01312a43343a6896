import { getPath } from '../../documents/yaml-nav';
import { mergeInto } from '../../fixes/yaml';
import { defineK8sRule, hpaMin, hpasFor, selectorLabels, workloadsOf, workspaceObjects } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/spread-replicas',
  type: 'suggestion',
  severity: 'info',
  summary: 'Replicated workloads spread their pods across nodes (topologySpreadConstraints or pod anti-affinity)',
  sources: ['kube-linter no-anti-affinity', 'kube-score deployment-has-host-podantiaffinity', 'kube-score pod-topology-spread-constraints', 'Polaris topologySpreadConstraint'],
  messages: {
    missing: '{{kind}} "{{name}}" runs {{replicas}} replicas with no topologySpreadConstraints or pod anti-affinity: they may all land on one node.',
  },
  fixable: true,
  // Reads HPAs from other files when the workspace is known; works on the file alone otherwise.
  crossFile: true,
  check(ctx, k8s) {
    const all = workspaceObjects(ctx);
    for (const w of workloadsOf(k8s)) {
      if ((w.kind !== 'Deployment' && w.kind !== 'StatefulSet') || !w.podSpec || !w.podLabelsKnown) continue;
      const hpas = hpasFor(all, w);
      const replicas = hpas.length ? hpaMin(hpas[0].object) : w.effectiveReplicas;
      if (replicas === undefined || replicas < 2) continue;
      if (k8s.has(w.podSpec, 'topologySpreadConstraints') !== 'no' || k8s.has(w.podSpec, 'affinity') === 'unknown') continue;
      if (getPath(w.podSpec, ['affinity', 'podAntiAffinity'])) continue;
      const constraint = { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selectorLabels(w) } };
      ctx.report({
        range: w.object.range,
        messageId: 'missing',
        data: { kind: w.kind, name: w.object.displayName, replicas },
        fixes: [{ title: 'Spread pods across nodes (topologySpreadConstraints)', edits: mergeInto(k8s.text, w.podSpec, { topologySpreadConstraints: [constraint] }, { style: k8s.style }) }],
      });
    }
  },
});
