import { getPath, nodeRange, str } from '../../documents/yaml-nav';
import { defineK8sRule } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/no-nodeport',
  type: 'suggestion',
  severity: 'info',
  summary: 'Services are not exposed through NodePort (or another forbidden type)',
  sources: ['kube-score service-type', 'kube-linter exposed-services'],
  messages: {
    forbidden: 'Service "{{name}}" has type {{type}}: it opens a port on every node, outside your ingress and its TLS. Use ClusterIP behind an Ingress or a LoadBalancer.',
  },
  fixable: false,
  perDocument: true,
  options: {
    type: 'object',
    properties: { forbiddenTypes: { type: 'array', items: { type: 'string', enum: ['NodePort', 'LoadBalancer', 'ExternalName', 'ClusterIP'] } } },
    additionalProperties: false,
  },
  check(ctx, k8s) {
    const forbidden = (ctx.options.forbiddenTypes as string[] | undefined) ?? ['NodePort'];
    for (const o of k8s.objects) {
      if (o.kind !== 'Service') continue;
      const t = getPath(o.node, ['spec', 'type']);
      const type = str(t);
      if (!type || k8s.unknown(t) || !forbidden.includes(type)) continue;
      ctx.report({ range: nodeRange(t)!, messageId: 'forbidden', data: { name: o.displayName, type } });
    }
  },
});
