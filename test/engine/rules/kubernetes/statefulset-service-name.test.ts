import rule from '../../../../engine/rules/kubernetes/statefulset-service-name';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';

const STS = (serviceName = '  serviceName: db\n') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
${serviceName}  replicas: 3
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
`;
const SVC = (clusterIP: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: ${clusterIP}\n  selector: { app: db }\n  ports: [{ port: 5432 }]\n`;

ruleTester(rule, {
  valid: [STS()],
  invalid: [{ code: STS(''), errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 11 }], output: null }],
});

crossFileTester(
  rule,
  {
    valid: [{ name: 'headless Service in another file', files: { 'k8s/db.yaml': STS(), 'k8s/svc.yaml': SVC('None') } }],
    invalid: [
      { name: 'no such Service', files: { 'k8s/db.yaml': STS() }, errors: [{ messageId: 'notFound', line: 6, column: 16, endLine: 6, endColumn: 18 }], output: null },
      { name: 'Service with a cluster IP', files: { 'k8s/db.yaml': STS(), 'k8s/svc.yaml': SVC('10.0.0.12') }, errors: [{ messageId: 'notHeadless', line: 6, column: 16, endLine: 6, endColumn: 18, related: ['k8s/svc.yaml'] }] },
    ],
  },
  ['missing'],
);
