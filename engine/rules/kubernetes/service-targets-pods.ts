import { get, getPair, keyRange, mapPairs, seqMaps, str } from '../../documents/yaml-nav';
import { replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, derived, portsOf, relatedTo, sameNamespace, selectorMatches, workloadObjects, workspaceObjects, type Located } from '../../documents/k8s';
import type { Scalar } from 'yaml';

interface WorkloadIndex {
  /** Workloads with known pod labels by one `key=value` of their labels, in workspace order. */
  byLabel: Map<string, Located[]>;
  /** Workload counts (all, with unknown pod labels) by namespace (`undefined`: no namespace). */
  byNamespace: Map<string | undefined, { all: number; unknown: number }>;
  total: number;
  unknown: number;
}

const labelKey = (key: string, value: string) => `${key}\n${value}`;

/** The workloads indexed once per list (was: every workload of the workspace for every Service). */
function workloadIndex(all: readonly Located[]): WorkloadIndex {
  return derived(all, 'service-targets-pods', () => {
    const idx: WorkloadIndex = { byLabel: new Map(), byNamespace: new Map(), total: 0, unknown: 0 };
    for (const l of workloadObjects(all)) {
      const w = l.object.workload!;
      const ns = l.object.namespace;
      let c = idx.byNamespace.get(ns);
      if (!c) idx.byNamespace.set(ns, (c = { all: 0, unknown: 0 }));
      c.all++;
      idx.total++;
      if (!w.podLabelsKnown) {
        c.unknown++;
        idx.unknown++;
        continue;
      }
      for (const [k, v] of Object.entries(w.podLabels)) {
        const key = labelKey(k, v);
        const list = idx.byLabel.get(key);
        if (list) list.push(l);
        else idx.byLabel.set(key, [l]);
      }
    }
    return idx;
  });
}

/** How many workloads share a namespace with an object, and how many of them have unknown pod labels. */
function podsIn(idx: WorkloadIndex, namespace: string | undefined): { all: number; unknown: number } {
  if (namespace === undefined) return { all: idx.total, unknown: idx.unknown };
  const own = idx.byNamespace.get(namespace);
  const none = idx.byNamespace.get(undefined);
  return { all: (own?.all ?? 0) + (none?.all ?? 0), unknown: (own?.unknown ?? 0) + (none?.unknown ?? 0) };
}

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
    const all = workspaceObjects(ctx);
    const workloads = workloadObjects(all);
    const idx = workloadIndex(all);
    for (const o of k8s.objects) {
      if (o.kind !== 'Service') continue;
      const spec = get(o.node, 'spec');
      const selPair = getPair(spec, 'selector');
      if (!selPair || mapPairs(selPair.value).length === 0 || k8s.unknown(selPair.value) || k8s.open(selPair.value) || mapPairs(selPair.value).some((p) => k8s.unknown(p.value))) continue;
      const pods = podsIn(idx, o.namespace);
      if (pods.all === 0 || pods.unknown > 0) continue;
      // Candidates: the workloads carrying one label of the selector (all of them when no pair has a
      // value: a pair without one matches a missing label); then the full match, in workspace order.
      const first = mapPairs(selPair.value).find((p) => str(p.value) !== undefined);
      const candidates = first ? (idx.byLabel.get(labelKey(first.key, str(first.value)!)) ?? []) : workloads;
      const matched = candidates.filter((l) => sameNamespace(l.object, o) && selectorMatches(selPair.value, l.object.workload!.podLabels, true));
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
