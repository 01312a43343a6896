import { getPath } from '../../documents/yaml-nav';
import { appendDocument, renderPairs, type YamlObject } from '../../fixes/yaml';
import { defineK8sRule, hpaMin, hpasFor, k8sModel, ofKind, sameNamespace, selectorLabels, selectorMatches, workloadsOf, workspaceObjects } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/pdb-exists',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Replicated Deployments and StatefulSets have a PodDisruptionBudget',
  sources: ['brief', 'kube-score deployment-has-poddisruptionbudget', 'kube-score statefulset-has-poddisruptionbudget', 'Polaris missingPodDisruptionBudget'],
  messages: {
    missing: '{{kind}} "{{name}}" runs {{replicas}} replicas but no PodDisruptionBudget selects its pods: a node drain can evict them all at once.',
  },
  fixable: true,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete) return;
    const all = workspaceObjects(ctx);
    const pdbs = ofKind(all, 'PodDisruptionBudget');
    for (const w of workloadsOf(k8s)) {
      if ((w.kind !== 'Deployment' && w.kind !== 'StatefulSet') || !w.podLabelsKnown || !w.object.name) continue;
      const hpas = hpasFor(all, w);
      const replicas = hpas.length ? hpaMin(hpas[0].object) : w.effectiveReplicas;
      if (replicas === undefined || replicas < 2) continue;
      const candidates = pdbs.filter((p) => sameNamespace(p.object, w.object));
      const model = (p: (typeof pdbs)[number]) => k8sModel(p.file);
      if (candidates.some((p) => model(p).unknown(getPath(p.object.node, ['spec', 'selector'])) || model(p).open(getPath(p.object.node, ['spec', 'selector', 'matchLabels'])))) continue;
      if (candidates.some((p) => selectorMatches(getPath(p.object.node, ['spec', 'selector']), w.podLabels))) continue;
      const metadata: YamlObject = { name: w.object.name };
      if (w.object.namespace) metadata.namespace = w.object.namespace;
      const body: YamlObject = {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata,
        spec: { minAvailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow', selector: { matchLabels: selectorLabels(w) } },
      };
      ctx.report({
        range: w.object.range,
        messageId: 'missing',
        data: { kind: w.kind, name: w.object.name, replicas },
        fixes: [{ title: `Add a PodDisruptionBudget for "${w.object.name}" (minAvailable: 1) to this file`, edits: [appendDocument(k8s.text, renderPairs(body, 0, k8s.style))] }],
      });
    }
  },
});
