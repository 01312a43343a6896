import { get, getPath, seqMaps, type YNode } from '../../documents/yaml-nav';
import { defineK8sRule, ofKind, sameNamespace, workspaceObjects } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/ingress-targets-service',
  type: 'problem',
  severity: 'warning',
  summary: 'Ingress backends name a Service that exists',
  sources: ['kube-score ingress-targets-service', 'kube-linter dangling-ingress'],
  messages: {
    missing: 'No Service named "{{name}}" in the workspace: requests for this backend get 503.',
  },
  fixable: false,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete) return;
    const services = ofKind(workspaceObjects(ctx), 'Service');
    for (const o of k8s.objects) {
      if (o.kind !== 'Ingress') continue;
      const spec = get(o.node, 'spec');
      const backends: YNode[] = [get(spec, 'defaultBackend'), get(spec, 'backend')];
      for (const rule of seqMaps(get(spec, 'rules'))) for (const p of seqMaps(getPath(rule, ['http', 'paths']))) backends.push(get(p, 'backend'));
      const mine = services.filter((s) => sameNamespace(s.object, o));
      if (mine.some((s) => s.object.name === undefined)) continue;
      for (const b of backends) {
        const nameNode = getPath(b, ['service', 'name']) ?? get(b, 'serviceName');
        const name = nameNode && !k8s.unknown(nameNode) ? String((nameNode as { value: unknown }).value ?? '') : '';
        if (!name || mine.some((s) => s.object.name === name)) continue;
        ctx.report({ range: { start: nameNode!.range![0], end: nameNode!.range![1] }, messageId: 'missing', data: { name } });
      }
    }
  },
});
