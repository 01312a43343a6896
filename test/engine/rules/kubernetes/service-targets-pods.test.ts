import rule from '../../../../engine/rules/kubernetes/service-targets-pods';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const SVC = (selector: string, targetPort = 'http') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    ${selector}
  ports:
    - port: 80
      targetPort: ${targetPort}
`;

ruleTester(rule, { valid: [SVC('app: nope')], invalid: [] });

crossFileTester(rule, {
  valid: [
    { name: 'selects a Deployment in another file', files: { 'k8s/svc.yaml': SVC('app: web'), 'k8s/web.yaml': app('web') } },
    { name: 'numeric targetPort is not checked', files: { 'k8s/svc.yaml': SVC('app: web', '9000'), 'k8s/web.yaml': app('web') } },
    { name: 'Service without selector (manual endpoints)', files: { 'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports: [{ port: 5432 }]\n', 'k8s/web.yaml': app('web') } },
  ],
  invalid: [
    {
      name: 'selector matches nothing',
      files: { 'k8s/svc.yaml': SVC('app: wbe'), 'k8s/web.yaml': app('web') },
      errors: [{ messageId: 'noPods', line: 6, column: 3, endLine: 6, endColumn: 11 }],
      output: null,
    },
    {
      name: 'unknown named targetPort',
      files: { 'k8s/svc.yaml': SVC('app: web', 'web'), 'k8s/web.yaml': app('web') },
      errors: [{ messageId: 'noPort', line: 10, column: 19, endLine: 10, endColumn: 22, related: ['k8s/web.yaml'], fixes: ['Use targetPort http'] }],
      output: SVC('app: web', 'http'),
    },
  ],
});
