import { asMap, get, getPair } from '../../documents/yaml-nav';
import { insertPairs, replaceScalar } from '../../fixes/yaml';
import { defineK8sRule } from '../../documents/k8s';
import type { Node, Scalar } from 'yaml';
import type { Fix } from '../../types';

export default defineK8sRule({
  id: 'kubernetes/hpa-min-max',
  type: 'problem',
  severity: 'warning',
  summary: 'HorizontalPodAutoscalers keep at least 2 replicas and can scale (minReplicas ≤ maxReplicas, with room between them)',
  sources: ['brief', 'Polaris hpaMinAvailability', 'Polaris hpaMaxAvailability', 'kube-score horizontalpodautoscaler-replicas', 'kube-linter hpa-minimum-three-replicas'],
  messages: {
    minLow: 'minReplicas is {{min}}: at that size one pod restart or node drain takes the service down. Use at least 2.',
    minAboveMax: 'minReplicas ({{min}}) is greater than maxReplicas ({{max}}).',
    noRange: 'minReplicas equals maxReplicas ({{max}}): the autoscaler can never scale.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const o of k8s.objects) {
      if (o.kind !== 'HorizontalPodAutoscaler') continue;
      const spec = asMap(get(o.node, 'spec'));
      if (!spec || k8s.open(spec)) continue;
      const minPair = getPair(spec, 'minReplicas');
      const maxPair = getPair(spec, 'maxReplicas');
      if ((minPair && k8s.unknown(minPair.value)) || !maxPair || k8s.unknown(maxPair.value)) continue;
      const minNode = minPair?.value as Scalar | undefined;
      const maxNode = maxPair.value as Scalar;
      const min = minNode ? minNode.value : 1;
      const max = maxNode.value;
      if (typeof min !== 'number' || typeof max !== 'number') continue;
      const at = (n: Node) => ({ start: n.range![0], end: n.range![1] });
      if (min > max) {
        ctx.report({ range: at(minNode!), messageId: 'minAboveMax', data: { min, max }, fixes: [{ title: 'Swap minReplicas and maxReplicas', edits: [replaceScalar(k8s.text, minNode!, max), replaceScalar(k8s.text, maxNode, min)] }] });
        continue;
      }
      if (min < 2) {
        const fixes: Fix[] = [];
        if (max > 2) fixes.push({ title: 'Set minReplicas: 2', edits: [minNode ? replaceScalar(k8s.text, minNode, 2) : insertPairs(k8s.text, spec, { minReplicas: 2 }, k8s.style)] });
        ctx.report({ range: minNode ? at(minNode) : o.range, messageId: 'minLow', data: { min }, fixes });
      }
      if (min === max) ctx.report({ range: at(maxNode), messageId: 'noRange', data: { max } });
    }
  },
});
