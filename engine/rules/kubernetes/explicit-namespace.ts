import { getPair, nodeRange, str } from '../../documents/yaml-nav';
import { insertPairs, raw, replaceScalar } from '../../fixes/yaml';
import { defineK8sRule, type K8sObject } from '../../documents/k8s';
import type { Fix } from '../../types';
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
    missing: '{{kind}} "{{name}}" sets no namespace while other objects in this file do: it lands in whatever namespace kubectl points at, often default.',
    missingAlways: '{{kind}} "{{name}}" sets no namespace: it lands in whatever namespace kubectl points at, often default.',
  },
  fixable: true,
  options: {
    type: 'object',
    properties: { requireNamespace: { type: 'boolean', description: 'Report every namespaced object without metadata.namespace (default: only when other objects of the same file set one).' } },
    additionalProperties: false,
  },
  check(ctx, k8s) {
    const objects = k8s.objects.filter((o) => NAMESPACED.has(o.kind) && o.metadata && !o.partial);
    const withNs = objects.filter((o) => getPair(o.metadata, 'namespace'));
    for (const o of withNs) {
      const pair = getPair(o.metadata, 'namespace')!;
      if (str(pair.value) !== 'default' || k8s.unknown(pair.value)) continue;
      ctx.report({ range: nodeRange(pair.value)!, messageId: 'default', data: { kind: o.kind, name: o.displayName }, fixes: [{ title: 'Use another namespace…', snippet: true, edits: [{ ...replaceScalar(k8s.text, pair.value as Scalar, 'default'), text: '${1:my-app}' }] }] });
    }
    // Helm sets the namespace at install time; a file where no object names one is meant for `kubectl -n` or kustomize.
    const always = ctx.options.requireNamespace === true;
    if (k8s.templated || (withNs.length === 0 && !always)) return;
    const used = [...new Set(withNs.map((o) => o.namespace).filter((n): n is string => !!n && n !== 'default'))];
    for (const o of objects) {
      if (getPair(o.metadata, 'namespace') || k8s.has(o.metadata, 'namespace') === 'unknown') continue;
      const fixes: Fix[] = used.length === 1
        ? [{ title: `Add namespace: ${used[0]} (like the other objects of this file)`, edits: [insertAfterName(o, used[0])] }]
        : [{ title: 'Add a namespace…', snippet: true, edits: [insertAfterName(o, raw('${1:my-app}'))] }];
      ctx.report({ range: o.range, messageId: withNs.length ? 'missing' : 'missingAlways', data: { kind: o.kind, name: o.displayName }, fixes });
    }

    function insertAfterName(o: K8sObject, ns: string | ReturnType<typeof raw>) {
      return insertPairs(k8s.text, o.metadata as YAMLMap, { namespace: ns }, k8s.style, 'name');
    }
  },
});
