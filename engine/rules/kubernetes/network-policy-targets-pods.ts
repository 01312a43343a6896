import { get, getPair, keyRange, seqMaps } from '../../documents/yaml-nav';
import { defineK8sRule, type K8sObject, sameNamespace, selectorIsEmpty, selectorMatches, workloadObjects, workspaceObjects } from '../../documents/k8s';
import type { Range } from '../../types';

export default defineK8sRule({
  id: 'kubernetes/network-policy-targets-pods',
  type: 'problem',
  severity: 'warning',
  summary: 'NetworkPolicy pod selectors (and peer pod selectors) match some pods',
  sources: ['kube-score networkpolicy-targets-pod', 'kube-linter dangling-networkpolicy', 'kube-linter dangling-networkpolicypeer-podselector'],
  messages: {
    noPods: 'The podSelector of NetworkPolicy "{{name}}" matches no pods in the workspace: the policy has no effect.',
    noPeers: 'This peer podSelector matches no pods in the workspace: the rule allows nothing.',
  },
  fixable: false,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete) return;
    const workloads = workloadObjects(workspaceObjects(ctx));
    for (const o of k8s.objects) {
      if (o.kind !== 'NetworkPolicy' || k8s.open(get(o.node, 'spec'))) continue;
      const pods = workloads.filter((l) => sameNamespace(l.object, o));
      // Pods created by operators or other repositories are invisible here: judge only namespaces we can see.
      if (pods.length === 0 || pods.some((l) => !l.object.workload!.podLabelsKnown)) continue;
      const matches = (selector: unknown) => pods.some((l) => selectorMatches(selector, l.object.workload!.podLabels));
      const check = (selector: unknown, range: Range, messageId: 'noPods' | 'noPeers', obj: K8sObject) => {
        if (!selector || selectorIsEmpty(selector) || k8s.unknown(selector) || k8s.open(selector) || k8s.open(get(selector, 'matchLabels'))) return;
        if (!matches(selector)) ctx.report({ range, messageId, data: { name: obj.displayName } });
      };
      const spec = get(o.node, 'spec');
      const sel = getPair(spec, 'podSelector');
      if (sel) check(sel.value, keyRange(sel)!, 'noPods', o);
      for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
        for (const r of seqMaps(get(spec, dir))) {
          for (const peer of seqMaps(get(r, peers))) {
            const p = getPair(peer, 'podSelector');
            if (!p || getPair(peer, 'namespaceSelector')) continue;
            check(p.value, keyRange(p)!, 'noPeers', o);
          }
        }
      }
    }
  },
});
