import { defineK8sRule, isBatch, ofKind, policySelector, portsOf, sameNamespace, selectorIsEmpty, selectorMatches, workloadsOf, workspaceObjects } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/network-policy-coverage',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Every workload is selected by a NetworkPolicy',
  sources: ['brief', 'kube-score pod-networkpolicy', 'kube-linter non-isolated-pod', 'Polaris missingNetworkPolicy'],
  messages: {
    uncovered: 'No NetworkPolicy selects the pods of {{kind}} "{{name}}": any pod in the cluster can reach them.',
  },
  fixable: false,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete) return;
    const policies = ofKind(workspaceObjects(ctx), 'NetworkPolicy');
    for (const w of workloadsOf(k8s)) {
      // Jobs and CronJobs that declare no port accept no connections: coverage is about reachability.
      if (!w.podLabelsKnown || (isBatch(w) && !w.containers.some((c) => portsOf(c).length))) continue;
      const mine = policies.filter((p) => sameNamespace(p.object, w.object)).map(policySelector);
      if (mine.some((p) => !p.known)) continue;
      if (mine.some((p) => selectorIsEmpty(p.selector) || selectorMatches(p.selector, w.podLabels))) continue;
      ctx.report({ range: w.object.range, messageId: 'uncovered', data: { kind: w.kind, name: w.object.displayName } });
    }
  },
});
