import { get, getPath, nodeRange } from '../../documents/yaml-nav';
import { replaceScalar } from '../../fixes/yaml';
import { defineK8sRule } from '../../documents/k8s';
import type { Scalar } from 'yaml';
import type { Fix } from '../../types';

interface Removal {
  /** Kubernetes minor version that removed (or deprecated, when `removed` is undefined) the API. */
  deprecated: string;
  removed?: string;
  replacement: string;
  /** Rewriting apiVersion alone is enough (the schema did not change in ways that matter). */
  rename: boolean;
}

// apiVersion/Kind → what replaced it (Kubernetes deprecated API migration guide).
const TABLE: Record<string, Removal> = {
  'extensions/v1beta1/Deployment': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'extensions/v1beta1/DaemonSet': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'extensions/v1beta1/ReplicaSet': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'extensions/v1beta1/NetworkPolicy': { deprecated: '1.9', removed: '1.16', replacement: 'networking.k8s.io/v1', rename: true },
  'extensions/v1beta1/PodSecurityPolicy': { deprecated: '1.11', removed: '1.16', replacement: 'policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)', rename: false },
  'extensions/v1beta1/Ingress': { deprecated: '1.14', removed: '1.22', replacement: 'networking.k8s.io/v1', rename: false },
  'apps/v1beta1/Deployment': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'apps/v1beta1/StatefulSet': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'apps/v1beta2/Deployment': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'apps/v1beta2/StatefulSet': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'apps/v1beta2/DaemonSet': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'apps/v1beta2/ReplicaSet': { deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', rename: false },
  'networking.k8s.io/v1beta1/Ingress': { deprecated: '1.19', removed: '1.22', replacement: 'networking.k8s.io/v1', rename: false },
  'networking.k8s.io/v1beta1/IngressClass': { deprecated: '1.19', removed: '1.22', replacement: 'networking.k8s.io/v1', rename: true },
  'batch/v1beta1/CronJob': { deprecated: '1.21', removed: '1.25', replacement: 'batch/v1', rename: true },
  'batch/v2alpha1/CronJob': { deprecated: '1.8', removed: '1.21', replacement: 'batch/v1', rename: true },
  'policy/v1beta1/PodDisruptionBudget': { deprecated: '1.21', removed: '1.25', replacement: 'policy/v1', rename: true },
  'policy/v1beta1/PodSecurityPolicy': { deprecated: '1.21', removed: '1.25', replacement: 'Pod Security Admission (namespace labels)', rename: false },
  'autoscaling/v2beta1/HorizontalPodAutoscaler': { deprecated: '1.22', removed: '1.25', replacement: 'autoscaling/v2', rename: false },
  'autoscaling/v2beta2/HorizontalPodAutoscaler': { deprecated: '1.23', removed: '1.26', replacement: 'autoscaling/v2', rename: true },
  'discovery.k8s.io/v1beta1/EndpointSlice': { deprecated: '1.21', removed: '1.25', replacement: 'discovery.k8s.io/v1', rename: false },
  'events.k8s.io/v1beta1/Event': { deprecated: '1.19', removed: '1.25', replacement: 'events.k8s.io/v1', rename: false },
  'node.k8s.io/v1beta1/RuntimeClass': { deprecated: '1.20', removed: '1.25', replacement: 'node.k8s.io/v1', rename: true },
  'storage.k8s.io/v1beta1/CSIStorageCapacity': { deprecated: '1.24', removed: '1.27', replacement: 'storage.k8s.io/v1', rename: true },
  'flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema': { deprecated: '1.23', removed: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', rename: true },
  'flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration': { deprecated: '1.23', removed: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', rename: false },
  'flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema': { deprecated: '1.26', removed: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', rename: true },
  'flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration': { deprecated: '1.26', removed: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', rename: false },
  'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema': { deprecated: '1.29', removed: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', rename: true },
  'flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration': { deprecated: '1.29', removed: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', rename: true },
};
// Whole group versions removed in 1.22 (every kind moved to v1 with the same schema, apart from CRDs and webhooks' defaults).
const GROUPS_122: Record<string, string> = {
  'rbac.authorization.k8s.io/v1beta1': 'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1alpha1': 'rbac.authorization.k8s.io/v1',
  'scheduling.k8s.io/v1beta1': 'scheduling.k8s.io/v1',
  'scheduling.k8s.io/v1alpha1': 'scheduling.k8s.io/v1',
  'coordination.k8s.io/v1beta1': 'coordination.k8s.io/v1',
  'certificates.k8s.io/v1beta1': 'certificates.k8s.io/v1',
  'storage.k8s.io/v1beta1': 'storage.k8s.io/v1',
  'admissionregistration.k8s.io/v1beta1': 'admissionregistration.k8s.io/v1',
  'apiextensions.k8s.io/v1beta1': 'apiextensions.k8s.io/v1',
  'apiregistration.k8s.io/v1beta1': 'apiregistration.k8s.io/v1',
  'authentication.k8s.io/v1beta1': 'authentication.k8s.io/v1',
  'authorization.k8s.io/v1beta1': 'authorization.k8s.io/v1',
};
const RENAME_SAFE_122 = new Set(['rbac.authorization.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io']);

function lookup(apiVersion: string, kind: string): Removal | undefined {
  const exact = TABLE[`${apiVersion}/${kind}`];
  if (exact) return exact;
  const group = GROUPS_122[apiVersion];
  if (group && !(apiVersion === 'storage.k8s.io/v1beta1' && kind === 'CSIStorageCapacity')) return { deprecated: '1.19', removed: '1.22', replacement: group, rename: RENAME_SAFE_122.has(apiVersion.split('/')[0]) };
  return undefined;
}

const minor = (v: string) => Number(v.split('.')[1] ?? 0);

export default defineK8sRule({
  id: 'kubernetes/deprecated-api',
  type: 'problem',
  severity: 'error',
  summary: 'Objects use API versions that the target Kubernetes version still serves',
  sources: ['kube-linter no-extensions-v1beta', 'kube-score stable-version', 'Kubernetes deprecated API migration guide'],
  messages: {
    removed: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removed}}: use {{replacement}}.',
    deprecated: '{{apiVersion}} {{kind}} is deprecated since Kubernetes {{deprecated}} and will be removed: use {{replacement}}.',
  },
  fixable: true,
  perDocument: true,
  options: {
    type: 'object',
    properties: { kubernetesVersion: { type: 'string', pattern: '^1\\.\\d+$', description: 'The Kubernetes version you deploy to, e.g. "1.31" (default 1.33).' } },
    additionalProperties: false,
  },
  check(ctx, k8s) {
    const target = minor((ctx.options.kubernetesVersion as string | undefined) ?? '1.33');
    for (const o of k8s.objects) {
      const r = lookup(o.apiVersion, o.kind);
      if (!r) continue;
      const removed = r.removed !== undefined && minor(r.removed) <= target;
      const node = get(o.node, 'apiVersion') as Scalar;
      if (k8s.unknown(node)) continue;
      const fixes: Fix[] = [];
      // apps/* kinds need spec.selector in apps/v1; a rename is only safe when it is there.
      const renameOk = r.rename || (r.replacement === 'apps/v1' && !!getPath(o.node, ['spec', 'selector']));
      if (renameOk && /^[a-z0-9.]+\/v\d+$|^v1$/.test(r.replacement)) fixes.push({ title: `Change apiVersion to ${r.replacement}`, edits: [replaceScalar(k8s.text, node, r.replacement)] });
      ctx.report({ range: nodeRange(node)!, messageId: removed ? 'removed' : 'deprecated', data: { apiVersion: o.apiVersion, kind: o.kind, removed: r.removed ?? '', deprecated: r.deprecated, replacement: r.replacement }, fixes });
    }
  },
});
