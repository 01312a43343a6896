import rule from '../../../../engine/rules/kubernetes/ingress-targets-service';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';

const ING = (service: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${service}
                port: { number: 80 }
`;
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports: [{ port: 80 }]\n';

ruleTester(rule, { valid: [ING('nope')], invalid: [] });

crossFileTester(rule, {
  valid: [{ name: 'Service in another file', files: { 'k8s/ing.yaml': ING('web'), 'k8s/svc.yaml': SVC } }],
  invalid: [
    {
      name: 'unknown Service',
      files: { 'k8s/ing.yaml': ING('frontend'), 'k8s/svc.yaml': SVC },
      errors: [{ messageId: 'missing', line: 14, column: 23, endLine: 14, endColumn: 31 }],
      output: null,
    },
  ],
});
