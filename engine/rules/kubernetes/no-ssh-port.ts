import { get, nodeRange } from '../../documents/yaml-nav';
import { containersOf, defineK8sRule, portsOf } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/no-ssh-port',
  type: 'problem',
  severity: 'warning',
  summary: 'Containers do not expose SSH (port 22)',
  sources: ['kube-linter ssh-port'],
  messages: {
    ssh: 'Container "{{name}}" exposes port 22: containers are replaced, not logged into. Use kubectl exec or ephemeral debug containers.',
  },
  fixable: false,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s, ['initContainer', 'container', 'ephemeralContainer'], { helmTests: true })) {
      for (const p of portsOf(c)) {
        if (p.number === 22) ctx.report({ range: nodeRange(get(p.node, 'containerPort'))!, messageId: 'ssh', data: { name: c.name ?? `#${c.index + 1}` } });
      }
    }
  },
});
