import rule from '../../../../engine/rules/kubernetes/rbac-least-privilege';
import { ruleTester } from '../../rule-tester';

const ROLE = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [ROLE('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n'), ROLE('  - apiGroups: [""]\n    resources: [secrets]\n    resourceNames: [app-tls]\n    verbs: [get]\n')],
  invalid: [
    {
      code: ROLE('  - apiGroups: ["*"]\n    resources: [secrets, pods, pods/exec]\n    verbs: [get, create]\n  - apiGroups: [""]\n    resources: [secrets, pods, pods/exec]\n    verbs: [get, list, create]\n'),
      errors: [
        { messageId: 'wildcard', line: 6, column: 17, endLine: 6, endColumn: 20 },
        { messageId: 'secrets', line: 10, column: 17, endLine: 10, endColumn: 24 },
        { messageId: 'createPods', line: 10, column: 26, endLine: 10, endColumn: 30 },
        { messageId: 'exec', line: 10, column: 32, endLine: 10, endColumn: 41 },
      ],
      output: null,
    },
    {
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci\n',
      errors: [{ messageId: 'clusterAdmin', line: 8, column: 9, endLine: 8, endColumn: 22 }],
    },
  ],
});
