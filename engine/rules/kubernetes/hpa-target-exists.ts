import { replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, hpaTarget, sameNamespace, workspaceObjects } from '../../documents/k8s';
import type { Scalar } from 'yaml';

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export default defineK8sRule({
  id: 'kubernetes/hpa-target-exists',
  type: 'problem',
  severity: 'error',
  summary: 'HorizontalPodAutoscalers target a workload that exists',
  sources: ['kube-score horizontalpodautoscaler-has-target', 'kube-linter dangling-horizontalpodautoscaler'],
  messages: {
    missing: 'No {{kind}} named "{{name}}" in the workspace: this autoscaler scales nothing.',
  },
  fixable: true,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete) return;
    const all = workspaceObjects(ctx);
    for (const o of k8s.objects) {
      if (o.kind !== 'HorizontalPodAutoscaler') continue;
      const t = hpaTarget(o);
      if (!t.known || !t.kind || !t.name || !t.nameNode) continue;
      const sameKind = all.filter((l) => l.object.kind === t.kind && sameNamespace(l.object, o));
      if (!SCALABLE.has(t.kind) && sameKind.length === 0) continue; // a custom resource we cannot see
      if (sameKind.some((l) => l.object.name === t.name || l.object.name === undefined)) continue;
      const names = [...new Set(sameKind.map((l) => l.object.name!))].slice(0, 5);
      ctx.report({
        range: { start: t.nameNode.range![0], end: t.nameNode.range![1] },
        messageId: 'missing',
        data: { kind: t.kind, name: t.name },
        fixes: names.map((n) => ({ title: `Target ${t.kind} "${n}"`, edits: [replaceScalar(k8s.text, t.nameNode as Scalar, n)] })),
      });
    }
  },
});
