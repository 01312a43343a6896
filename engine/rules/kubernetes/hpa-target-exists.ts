import { replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, derived, hpaTarget, ofKind, sameNamespace, workspaceObjects, type Located } from '../../documents/k8s';
import type { Scalar } from 'yaml';

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

interface Names {
  count: number;
  names: Set<string>;
  unnamed: boolean;
}

/**
 * The names of the workspace's objects of one kind by namespace (`undefined`: no namespace), once
 * per list (was: every object of the workspace for every autoscaler).
 */
function namesOf(all: readonly Located[], kind: string): { byNamespace: Map<string | undefined, Names>; any: Names } {
  return derived(all, `hpa-target-names:${kind}`, () => {
    const byNamespace = new Map<string | undefined, Names>();
    const any: Names = { count: 0, names: new Set(), unnamed: false };
    for (const l of ofKind(all, kind)) {
      let n = byNamespace.get(l.object.namespace);
      if (!n) byNamespace.set(l.object.namespace, (n = { count: 0, names: new Set(), unnamed: false }));
      for (const m of [n, any]) {
        m.count++;
        if (l.object.name === undefined) m.unnamed = true;
        else m.names.add(l.object.name);
      }
    }
    return { byNamespace, any };
  });
}

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
      const index = namesOf(all, t.kind);
      const groups = o.namespace === undefined ? [index.any] : [index.byNamespace.get(o.namespace), index.byNamespace.get(undefined)].filter((n) => n !== undefined);
      if (!SCALABLE.has(t.kind) && !groups.some((n) => n.count > 0)) continue; // a custom resource we cannot see
      if (groups.some((n) => n.names.has(t.name!) || n.unnamed)) continue;
      const sameKind = ofKind(all, t.kind).filter((l) => sameNamespace(l.object, o));
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
