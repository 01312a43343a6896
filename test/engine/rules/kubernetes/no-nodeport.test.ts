import rule from '../../../../engine/rules/kubernetes/no-nodeport';
import { ruleTester } from '../../rule-tester';

const SVC = (type: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  selector: { app: web }\n  ports: [{ port: 80 }]\n`;

ruleTester(rule, {
  valid: [SVC('ClusterIP'), SVC('LoadBalancer')],
  invalid: [
    { code: SVC('NodePort'), errors: [{ messageId: 'forbidden', line: 6, column: 9, endLine: 6, endColumn: 17 }], output: null },
    { code: SVC('LoadBalancer'), path: 'k8s/lb.yaml', options: { forbiddenTypes: ['LoadBalancer'] }, errors: [{ messageId: 'forbidden', line: 6, column: 9, endLine: 6, endColumn: 21 }] },
  ],
});
