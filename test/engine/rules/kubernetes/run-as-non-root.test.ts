import rule from '../../../../engine/rules/kubernetes/run-as-non-root';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\nsecurityContext:\n  runAsNonRoot: true\n'),
    deployment('image: nginx:1.27\n', { podSpec: 'securityContext:\n  runAsNonRoot: true\n' }),
    deployment('image: nginx:1.27\nsecurityContext:\n  runAsUser: 1000\n'),
    { name: 'partial object (kustomize patch)', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          resources: {}\n' },
    { name: 'shipready.dev/ignore annotation', code: deployment().replace('  name: web\n', '  name: web\n  annotations:\n    shipready.dev/ignore: "kubernetes/run-as-non-root"\n') },
    { name: 'Helm: securityContext from values', code: deployment('image: "{{ .Values.image }}"\nsecurityContext:\n  {{- toYaml .Values.securityContext | nindent 12 }}\n') },
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
  ],
  invalid: [
    {
      code: deployment(),
      errors: [{ messageId: 'missing', line: 15, column: 17, endLine: 15, endColumn: 20, fixes: ['Add runAsNonRoot: true', 'Harden the securityContext of "app" (non-root, read-only root, no escalation, drop ALL)'] }],
      output: deployment('image: nginx:1.27\nsecurityContext:\n  runAsNonRoot: true\n'),
    },
    {
      name: 'runAsNonRoot: false at pod level, runAsUser 0',
      code: pod('image: nginx:1.27\nsecurityContext:\n  runAsUser: 0\n', 'securityContext:\n  runAsNonRoot: false\n'),
      errors: [
        { messageId: 'disabled', line: 7, column: 19, endLine: 7, endColumn: 24 },
        { messageId: 'rootId', line: 12, column: 20, endLine: 12, endColumn: 21 },
      ],
    },
    {
      name: '4-space indentation, flush sequences, CRLF',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: web\r\nspec:\r\n    containers:\r\n    - name: app\r\n      image: nginx:1.27\r\n',
      errors: [{ messageId: 'missing', line: 7, column: 13, endLine: 7, endColumn: 16 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: web\r\nspec:\r\n    containers:\r\n    - name: app\r\n      image: nginx:1.27\r\n      securityContext:\r\n          runAsNonRoot: true\r\n',
    },
  ],
});
