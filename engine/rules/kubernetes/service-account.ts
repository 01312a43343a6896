import { bool, getPair, keyRange, nodeRange, str } from '../../documents/yaml-nav';
import { deletePair, insertPairs } from '../../fixes/yaml';
import { defineK8sRule, ofKind, sameNamespace, workloadsOf, workspaceObjects } from '../../documents/k8s';
import type { Fix } from '../../types';

export default defineK8sRule({
  id: 'kubernetes/service-account',
  type: 'suggestion',
  severity: 'info',
  summary: 'Pods use a dedicated, existing ServiceAccount (serviceAccountName), or do not mount the default one\'s token',
  sources: ['kube-linter default-service-account', 'kube-linter non-existent-service-account', 'kube-linter deprecated-service-account-field', 'Polaris automountServiceAccountToken'],
  messages: {
    deprecated: 'serviceAccount is deprecated: use serviceAccountName.',
    defaultAccount: '{{kind}} "{{name}}" runs as the namespace\'s default ServiceAccount with its API token mounted: use a dedicated ServiceAccount, or set automountServiceAccountToken: false.',
    missing: 'No ServiceAccount named "{{account}}" in the workspace: pods are not created until it exists.',
  },
  fixable: true,
  crossFile: true,
  check(ctx, k8s) {
    const all = ctx.workspace.complete ? workspaceObjects(ctx) : [];
    for (const w of workloadsOf(k8s)) {
      const spec = w.podSpec;
      if (!spec) continue;
      const named = getPair(spec, 'serviceAccountName');
      const old = getPair(spec, 'serviceAccount');
      if (old) {
        const fixes: Fix[] = named
          ? [{ title: 'Remove the deprecated serviceAccount', edits: [deletePair(k8s.text, spec, old)] }]
          : [{ title: 'Rename to serviceAccountName', edits: [{ range: keyRange(old)!, text: 'serviceAccountName' }] }];
        ctx.report({ range: keyRange(old)!, messageId: 'deprecated', fixes });
      }
      const node = (named ?? old)?.value;
      if (node && k8s.unknown(node)) continue;
      const account = str(node) ?? 'default';
      if (account === 'default') {
        const automount = getPair(spec, 'automountServiceAccountToken');
        if (automount && (bool(automount.value) === false || k8s.unknown(automount.value))) continue;
        if (!automount && (k8s.has(spec, 'serviceAccountName') === 'unknown' || k8s.has(spec, 'automountServiceAccountToken') === 'unknown')) continue;
        ctx.report({
          range: w.object.range,
          messageId: 'defaultAccount',
          data: { kind: w.kind, name: w.object.displayName },
          fixes: automount ? [] : [{ title: 'Add automountServiceAccountToken: false', edits: [insertPairs(k8s.text, spec, { automountServiceAccountToken: false }, k8s.style)] }],
        });
        continue;
      }
      if (!ctx.workspace.complete || !node) continue;
      const accounts = ofKind(all, 'ServiceAccount').filter((l) => sameNamespace(l.object, w.object));
      if (accounts.some((a) => a.object.name === account || a.object.name === undefined)) continue;
      ctx.report({ range: nodeRange(node)!, messageId: 'missing', data: { account } });
    }
  },
});
