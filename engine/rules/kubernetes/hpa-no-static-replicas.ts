import { keyRange } from '../../documents/yaml-nav';
import { deletePair } from '../../fixes/yaml';
import { defineK8sRule, hpasFor, relatedTo, workloadsOf, workspaceObjects } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/hpa-no-static-replicas',
  type: 'problem',
  severity: 'warning',
  summary: 'Workloads scaled by a HorizontalPodAutoscaler do not also set replicas',
  sources: ['kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured'],
  messages: {
    replicas: '{{kind}} "{{name}}" is scaled by HorizontalPodAutoscaler "{{hpa}}" but sets replicas: every apply resets it to {{replicas}} and undoes the autoscaler.',
  },
  fixable: true,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete) return;
    const all = workspaceObjects(ctx);
    for (const w of workloadsOf(k8s)) {
      if (!w.replicasPair || w.replicas === undefined || !w.spec) continue;
      const hpas = hpasFor(all, w);
      if (!hpas.length) continue;
      ctx.report({
        range: keyRange(w.replicasPair)!,
        messageId: 'replicas',
        data: { kind: w.kind, name: w.object.displayName, hpa: hpas[0].object.displayName, replicas: w.replicas },
        related: [relatedTo(hpas[0], `HorizontalPodAutoscaler "${hpas[0].object.name}" scales this ${w.kind}`)],
        fixes: [{ title: 'Remove replicas (the autoscaler owns it)', edits: [deletePair(k8s.text, w.spec, w.replicasPair)] }],
      });
    }
  },
});
