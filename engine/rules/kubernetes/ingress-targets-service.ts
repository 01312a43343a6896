import { get, getPath, seqMaps, type YNode } from '../../documents/yaml-nav';
import { defineK8sRule, derived, ofKind, workspaceObjects, type Located } from '../../documents/k8s';

interface Names {
  names: Set<string>;
  unnamed: boolean;
}

/**
 * The names of the workspace's Services by namespace (`undefined`: no namespace), once per list
 * (was: every Service of the workspace for every Ingress).
 */
function serviceNames(all: readonly Located[]): { byNamespace: Map<string | undefined, Names>; any: Names } {
  return derived(all, 'service-names', () => {
    const byNamespace = new Map<string | undefined, Names>();
    const any: Names = { names: new Set(), unnamed: false };
    for (const s of ofKind(all, 'Service')) {
      let n = byNamespace.get(s.object.namespace);
      if (!n) byNamespace.set(s.object.namespace, (n = { names: new Set(), unnamed: false }));
      for (const m of [n, any]) {
        if (s.object.name === undefined) m.unnamed = true;
        else m.names.add(s.object.name);
      }
    }
    return { byNamespace, any };
  });
}

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
    const services = serviceNames(workspaceObjects(ctx));
    for (const o of k8s.objects) {
      if (o.kind !== 'Ingress') continue;
      const spec = get(o.node, 'spec');
      const backends: YNode[] = [get(spec, 'defaultBackend'), get(spec, 'backend')];
      for (const rule of seqMaps(get(spec, 'rules'))) for (const p of seqMaps(getPath(rule, ['http', 'paths']))) backends.push(get(p, 'backend'));
      // The Services sharing its namespace: those of its namespace and those without one (all when it has none).
      const mine = o.namespace === undefined ? [services.any] : [services.byNamespace.get(o.namespace), services.byNamespace.get(undefined)].filter((n) => n !== undefined);
      if (mine.some((n) => n.unnamed)) continue;
      for (const b of backends) {
        const nameNode = getPath(b, ['service', 'name']) ?? get(b, 'serviceName');
        const name = nameNode && !k8s.unknown(nameNode) ? String((nameNode as { value: unknown }).value ?? '') : '';
        if (!name || mine.some((n) => n.names.has(name))) continue;
        ctx.report({ range: { start: nameNode!.range![0], end: nameNode!.range![1] }, messageId: 'missing', data: { name } });
      }
    }
  },
});
