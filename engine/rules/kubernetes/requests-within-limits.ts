import { get, mapPairs, str } from '../../documents/yaml-nav';
import type { Node, Scalar } from 'yaml';
import { containersOf, defineK8sRule, parseQuantity } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/requests-within-limits',
  type: 'problem',
  severity: 'error',
  summary: 'Resource requests do not exceed their limits (the API server rejects such pods)',
  sources: ['beyond (kube-linter issue #947)'],
  messages: {
    above: 'Container "{{name}}" requests {{resource}} {{request}}, more than its limit {{limit}}: the pod is rejected.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s, ['initContainer', 'container'], { helmTests: true })) {
      const resources = get(c.node, 'resources');
      const limits = get(resources, 'limits');
      for (const { key, value } of mapPairs(get(resources, 'requests'))) {
        const limitNode = get(limits, key);
        if (!value || !limitNode || k8s.unknown(value) || k8s.unknown(limitNode)) continue;
        const req = parseQuantity((value as Scalar).value as string | number);
        const lim = parseQuantity((limitNode as Scalar).value as string | number);
        if (req === undefined || lim === undefined || req <= lim) continue;
        const limitText = k8s.text.slice((limitNode as Node).range![0], (limitNode as Node).range![1]);
        ctx.report({
          range: { start: value.range![0], end: value.range![1] },
          messageId: 'above',
          data: { name: c.name ?? `#${c.index + 1}`, resource: key, request: str(value) ?? '', limit: str(limitNode) ?? '' },
          fixes: [{ title: `Lower the ${key} request to the limit (${str(limitNode)})`, edits: [{ range: { start: value.range![0], end: value.range![1] }, text: limitText }] }],
        });
      }
    }
  },
});
