import rule from '../../../../engine/rules/kubernetes/ingress-tls';
import { ruleTester } from '../../rule-tester';

const ING = (extra = '') => `apiVersion: networking.k8s.io/v1
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
              service: { name: web, port: { number: 80 } }
${extra}`;

ruleTester(rule, {
  valid: [ING('  tls:\n    - hosts: [shop.example.com]\n      secretName: web-tls\n')],
  invalid: [
    {
      code: ING(),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: ING('  tls:\n    - hosts:\n        - shop.example.com\n      secretName: web-tls\n'),
    },
  ],
});
