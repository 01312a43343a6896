import { getPath } from '../../documents/yaml-nav';
import { appendDocument, renderPairs, type YamlObject } from '../../fixes/yaml';
import { defineK8sRule, derived, objectStart, ofKind, policyTypes, sameNamespace, selectorIsEmpty, workloadObjects, workspaceObjects, type Located } from '../../documents/k8s';

// Namespaces of the cluster's own components: their policies are the distribution's business.
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export default defineK8sRule({
  id: 'kubernetes/network-policy-default-deny',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Each namespace with workloads has a default-deny NetworkPolicy for ingress and egress',
  sources: ['brief', 'beyond'],
  messages: {
    missing: 'Namespace "{{namespace}}" has no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress): traffic not explicitly allowed is not blocked.',
  },
  fixable: true,
  crossFile: true,
  check(ctx, k8s) {
    // A chart does not own its namespace: a namespace-wide default deny belongs to the platform, not to a Helm template.
    if (!ctx.workspace.complete || k8s.templated) return;
    const all = workspaceObjects(ctx);
    const denies = derived(all, 'default-deny-policies', () =>
      ofKind(all, 'NetworkPolicy').filter((l) => {
        const types = policyTypes(l.object);
        return selectorIsEmpty(getPath(l.object.node, ['spec', 'podSelector'])) && types.has('Ingress') && types.has('Egress');
      }),
    );
    // One finding per namespace in the workspace: on its first workload (by path, then position),
    // found once per list and grouped by file (was: every workload of the workspace for every file).
    const firsts = derived(all, 'first-workload-per-namespace', () => {
      const ordered = [...workloadObjects(all)].sort((a, b) => (a.file.path === b.file.path ? 0 : a.file.path.localeCompare(b.file.path)) || objectStart(a.object) - objectStart(b.object));
      const byPath = new Map<string, Located[]>();
      const seen = new Set<string>();
      for (const l of ordered) {
        const ns = l.object.namespace ?? '';
        if (seen.has(ns) || SYSTEM_NAMESPACES.has(ns)) continue;
        seen.add(ns);
        const list = byPath.get(l.file.path);
        if (list) list.push(l);
        else byPath.set(l.file.path, [l]);
      }
      return byPath;
    });
    for (const l of firsts.get(ctx.file.path) ?? []) {
      const ns = l.object.namespace ?? '';
      if (denies.some((d) => sameNamespace(d.object, l.object))) continue;
      const metadata: YamlObject = { name: 'default-deny' };
      if (ns) metadata.namespace = ns;
      const body: YamlObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
      ctx.report({
        range: l.object.range,
        messageId: 'missing',
        data: { namespace: ns || '(not set: the namespace it is applied to)' },
        fixes: [{ title: `Add a default-deny NetworkPolicy${ns ? ` for namespace "${ns}"` : ''} to this file`, edits: [appendDocument(k8s.text, renderPairs(body, 0, k8s.style))] }],
      });
    }
  },
});
