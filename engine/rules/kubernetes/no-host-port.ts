import { getPair, isEmpty } from '../../documents/yaml-nav';
import { deletePair } from '../../fixes/yaml';
import { containersOf, defineK8sRule, portsOf } from '../../documents/k8s';
import type { Node } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/no-host-port',
  type: 'problem',
  severity: 'warning',
  summary: 'Containers do not bind host ports',
  sources: ['Polaris hostPortSet'],
  messages: {
    hostPort: 'Container "{{name}}" binds host port {{port}}: it limits scheduling to one pod per node and bypasses network policies. Use a Service.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s, ['initContainer', 'container', 'ephemeralContainer'], { helmTests: true })) {
      for (const p of portsOf(c)) {
        const pair = getPair(p.node, 'hostPort');
        if (!pair || isEmpty(pair.value) || k8s.unknown(pair.value)) continue;
        const v = pair.value as Node;
        ctx.report({
          range: { start: v.range![0], end: v.range![1] },
          messageId: 'hostPort',
          data: { name: c.name ?? `#${c.index + 1}`, port: k8s.text.slice(v.range![0], v.range![1]) },
          fixes: [{ title: 'Remove hostPort', edits: [deletePair(k8s.text, p.node, pair)] }],
        });
      }
    }
  },
});
