import { getPair, nodeRange, str } from '../../documents/yaml-nav';
import { insertPairs, raw, replaceScalar } from '../../fixes/yaml';
import { defineK8sRule } from '../../documents/k8s';
import type { Scalar, YAMLMap } from 'yaml';

// Built-in kinds that live in a namespace (cluster-scoped kinds and custom resources are skipped).
const NAMESPACED = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'Role', 'RoleBinding', 'PersistentVolumeClaim', 'LimitRange', 'ResourceQuota', 'Endpoints', 'EndpointSlice', 'Lease', 'PodTemplate']);

export default defineK8sRule({
  id: 'kubernetes/explicit-namespace',
  type: 'suggestion',
  severity: 'info',
  summary: 'Objects do not land in the default namespace',
  sources: ['kube-linter use-namespace'],
  messages: {
    default: '{{kind}} "{{name}}" is placed in the default namespace: use a namespace per application or team, so quotas, policies and RBAC can be scoped.',
    missing: '{{kind}} "{{name}}" sets no namespace: it lands in whatever namespace kubectl points at, often default.',
  },
  fixable: true,
  check(ctx, k8s) {
    if (k8s.templated) return; // Helm sets the namespace at install time
    // kustomize sets the namespace of a folder's resources from its kustomization
    const dir = ctx.file.path.includes('/') ? ctx.file.path.slice(0, ctx.file.path.lastIndexOf('/') + 1) : '';
    const kustomized = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((n) => ctx.workspace.exists(`${dir}${n}`));
    for (const o of k8s.objects) {
      if (!NAMESPACED.has(o.kind) || !o.metadata || o.partial) continue;
      const pair = getPair(o.metadata, 'namespace');
      const data = { kind: o.kind, name: o.displayName };
      if (pair) {
        if (str(pair.value) === 'default') ctx.report({ range: nodeRange(pair.value)!, messageId: 'default', data, fixes: [{ title: 'Use another namespace…', snippet: true, edits: [{ ...replaceScalar(k8s.text, pair.value as Scalar, 'default'), text: '${1:my-app}' }] }] });
        continue;
      }
      if (kustomized || k8s.has(o.metadata, 'namespace') === 'unknown') continue;
      ctx.report({ range: o.range, messageId: 'missing', data, fixes: [{ title: 'Add a namespace…', snippet: true, edits: [insertPairs(k8s.text, o.metadata as YAMLMap, { namespace: raw('${1:my-app}') }, k8s.style, 'name')] }] });
    }
  },
});
