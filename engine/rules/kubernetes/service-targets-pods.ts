import { get, getPair, keyRange, mapPairs, seqMaps } from '../../documents/yaml-nav';
import { replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, portsOf, relatedTo, sameNamespace, selectorMatches, workloadObjects, workspaceObjects } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/service-targets-pods',
  type: 'problem',
  severity: 'warning',
  summary: 'Service selectors match a workload, and named target ports exist on its containers',
  sources: ['kube-linter dangling-service', 'kube-linter invalid-target-ports', 'kube-score service-targets-pod'],
  messages: {
    noPods: 'The selector of Service "{{name}}" matches no workload in the workspace: it has no endpoints.',
    noPort: 'targetPort "{{port}}" is not a port name of the containers this Service selects ({{workload}}).',
  },
  fixable: true,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete) return;
    const workloads = workloadObjects(workspaceObjects(ctx));
    for (const o of k8s.objects) {
      if (o.kind !== 'Service') continue;
      const spec = get(o.node, 'spec');
      const selPair = getPair(spec, 'selector');
      if (!selPair || mapPairs(selPair.value).length === 0 || k8s.unknown(selPair.value) || k8s.open(selPair.value) || mapPairs(selPair.value).some((p) => k8s.unknown(p.value))) continue;
      const pods = workloads.filter((l) => sameNamespace(l.object, o));
      if (pods.length === 0 || pods.some((l) => !l.object.workload!.podLabelsKnown)) continue;
      const matched = pods.filter((l) => selectorMatches(selPair.value, l.object.workload!.podLabels, true));
      if (matched.length === 0) {
        ctx.report({ range: keyRange(selPair)!, messageId: 'noPods', data: { name: o.displayName } });
        continue;
      }
      const names = new Set<string>();
      for (const l of matched) for (const c of l.object.workload!.containers) for (const p of portsOf(c)) if (p.name) names.add(p.name);
      if (matched.some((l) => l.object.workload!.containers.some((c) => k8s.unknown(get(c.node, 'ports')) || k8s.open(c.node)))) continue;
      for (const port of seqMaps(get(spec, 'ports'))) {
        const tp = get(port, 'targetPort') as Scalar | undefined;
        if (!tp || k8s.unknown(tp) || typeof tp.value !== 'string' || /^\d+$/.test(tp.value) || names.has(tp.value)) continue;
        ctx.report({
          range: { start: tp.range![0], end: tp.range![1] },
          messageId: 'noPort',
          data: { port: tp.value, workload: matched.map((l) => `${l.object.kind} "${l.object.name}"`).join(', ') },
          related: [relatedTo(matched[0], `${matched[0].object.kind} "${matched[0].object.name}" declares ${names.size ? [...names].join(', ') : 'no named ports'}`)],
          fixes: [...names].slice(0, 5).map((n) => ({ title: `Use targetPort ${n}`, edits: [replaceScalar(k8s.text, tp, n)] })),
        });
      }
    }
  },
});
