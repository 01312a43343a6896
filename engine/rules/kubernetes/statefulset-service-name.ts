import { get, getPair, nodeRange, str } from '../../documents/yaml-nav';
import { defineK8sRule, relatedTo, sameNamespace, workloadsOf, workspaceObjects } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/statefulset-service-name',
  type: 'problem',
  severity: 'warning',
  summary: 'StatefulSets name a headless Service (serviceName) that exists',
  sources: ['kube-score statefulset-has-servicename'],
  messages: {
    missing: 'StatefulSet "{{name}}" sets no serviceName: its pods get no stable DNS names.',
    notFound: 'No Service named "{{service}}" in the workspace: the pods of this StatefulSet get no stable DNS names.',
    notHeadless: 'Service "{{service}}" is not headless (clusterIP: None): pod DNS names like {{name}}-0.{{service}} do not resolve.',
  },
  fixable: false,
  crossFile: true,
  check(ctx, k8s) {
    const all = ctx.workspace.complete ? workspaceObjects(ctx) : [];
    for (const w of workloadsOf(k8s)) {
      if (w.kind !== 'StatefulSet' || !w.spec) continue;
      const pair = getPair(w.spec, 'serviceName');
      if (!pair) {
        if (k8s.has(w.spec, 'serviceName') === 'no') ctx.report({ range: w.object.range, messageId: 'missing', data: { name: w.object.displayName } });
        continue;
      }
      const service = str(pair.value);
      if (!service || k8s.unknown(pair.value) || !ctx.workspace.complete) continue;
      const services = all.filter((l) => l.object.kind === 'Service' && sameNamespace(l.object, w.object));
      if (services.some((s) => s.object.name === undefined)) continue;
      const found = services.find((s) => s.object.name === service);
      const range = nodeRange(pair.value)!;
      if (!found) ctx.report({ range, messageId: 'notFound', data: { service, name: w.object.displayName } });
      else if (str(get(get(found.object.node, 'spec'), 'clusterIP')) !== 'None' && !k8s.unknown(get(get(found.object.node, 'spec'), 'clusterIP'))) {
        ctx.report({ range, messageId: 'notHeadless', data: { service, name: w.object.displayName }, related: [relatedTo(found, `Service "${service}" has a cluster IP`)] });
      }
    }
  },
});
