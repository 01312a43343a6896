import { asMap, get, getPair, keyRange, mapPairs, str } from '../../documents/yaml-nav';
import { mergeInto, type YamlObject } from '../../fixes/yaml';
import { defineK8sRule, selectorMatches, workloadsOf } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/selector-matches-template',
  type: 'problem',
  severity: 'error',
  summary: 'A workload\'s selector matches the labels of its pod template',
  sources: ['kube-linter mismatching-selector', 'kube-score deployment-pod-selector-labels-match-template-metadata-labels'],
  messages: {
    mismatch: 'The selector of {{kind}} "{{name}}" does not match its pod template labels: the API server rejects it.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const w of workloadsOf(k8s, { helmTests: true })) {
      if (!['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'].includes(w.kind) || !w.template || !w.spec) continue;
      const pair = getPair(w.spec, 'selector');
      if (!pair || !w.podLabelsKnown || k8s.unknown(pair.value) || k8s.open(pair.value)) continue;
      const plain = w.kind === 'ReplicationController';
      const ml = plain ? pair.value : get(pair.value, 'matchLabels');
      if (k8s.open(ml)) continue;
      if (selectorMatches(pair.value, w.podLabels, plain)) continue;
      const want: YamlObject = {};
      for (const { key, value } of mapPairs(ml)) if (str(value) !== undefined && !k8s.unknown(value)) want[key] = str(value)!;
      const fixes = Object.keys(want).length && !get(pair.value, 'matchExpressions')
        ? [{ title: 'Copy the selector labels to the pod template', edits: mergeInto(k8s.text, asMap(w.template)!, { metadata: { labels: want } }, { overwrite: true, style: k8s.style }) }]
        : [];
      ctx.report({ range: keyRange(pair)!, messageId: 'mismatch', data: { kind: w.kind, name: w.object.displayName }, fixes });
    }
  },
});
