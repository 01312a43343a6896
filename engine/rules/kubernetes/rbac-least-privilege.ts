import { get, nodeRange, seqItems, seqMaps, str, getPair } from '../../documents/yaml-nav';
import { defineK8sRule } from '../../documents/k8s';
import type { Node } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/rbac-least-privilege',
  type: 'problem',
  severity: 'warning',
  summary: 'RBAC grants no wildcards, cluster-admin, secret reading, pod creation or exec/attach',
  sources: ['kube-linter cluster-admin-role-binding', 'kube-linter wildcard-in-rules', 'kube-linter access-to-secrets', 'kube-linter access-to-create-pods', 'Polaris clusterrolePodExecAttach', 'Polaris clusterAdminRoleBinding'],
  messages: {
    wildcard: 'The wildcard "*" in {{field}} grants everything, including what future versions add.',
    secrets: 'This rule lets its subjects read Secrets ({{verbs}}): they can read every credential in {{scope}}.',
    createPods: 'This rule lets its subjects create pods: they can run any image with any service account of {{scope}}.',
    exec: 'This rule grants {{resource}}: its subjects can run commands inside running pods.',
    clusterAdmin: '{{kind}} "{{name}}" binds cluster-admin: its subjects have full control of the cluster.',
  },
  fixable: false,
  perDocument: true,
  check(ctx, k8s) {
    const at = (n: Node) => nodeRange(n)!;
    for (const o of k8s.objects) {
      if (o.group !== 'rbac.authorization.k8s.io') continue;
      if ((o.displayName).startsWith('system:')) continue;
      if (o.kind === 'ClusterRoleBinding' || o.kind === 'RoleBinding') {
        const ref = get(o.node, 'roleRef');
        const name = get(ref, 'name');
        if (str(name) === 'cluster-admin' && str(get(ref, 'kind')) === 'ClusterRole') ctx.report({ range: at(name!), messageId: 'clusterAdmin', data: { kind: o.kind, name: o.displayName } });
        continue;
      }
      if (o.kind !== 'ClusterRole' && o.kind !== 'Role') continue;
      const scope = o.kind === 'ClusterRole' ? 'the cluster' : 'the namespace';
      for (const rule of seqMaps(get(o.node, 'rules'))) {
        const list = (f: string) => seqItems(get(rule, f)).map((i) => ({ node: i, value: str(i) ?? '' }));
        const verbs = list('verbs');
        const resources = list('resources');
        const groups = list('apiGroups');
        let wild = false;
        for (const [field, items] of [['verbs', verbs], ['resources', resources], ['apiGroups', groups]] as const) {
          const star = items.find((i) => i.value === '*');
          if (star) {
            ctx.report({ range: at(star.node), messageId: 'wildcard', data: { field } });
            wild = true;
          }
        }
        if (wild || getPair(rule, 'nonResourceURLs')) continue;
        const core = groups.some((g) => g.value === '');
        const has = (r: string) => resources.find((x) => x.value === r);
        const read = verbs.filter((v) => ['get', 'list', 'watch'].includes(v.value)).map((v) => v.value);
        const secret = has('secrets');
        if (core && secret && read.length && !getPair(rule, 'resourceNames')) ctx.report({ range: at(secret.node), messageId: 'secrets', data: { verbs: read.join(', '), scope } });
        const pods = has('pods');
        if (core && pods && verbs.some((v) => v.value === 'create')) ctx.report({ range: at(pods.node), messageId: 'createPods', data: { scope } });
        for (const sub of ['pods/exec', 'pods/attach']) {
          const r = has(sub);
          if (core && r && verbs.some((v) => v.value === 'create' || v.value === 'get')) ctx.report({ range: at(r.node), messageId: 'exec', data: { resource: sub } });
        }
      }
    }
  },
});
