import rule from '../../../../engine/rules/kubernetes/network-policy-default-deny';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const DENY = (types: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: ${types}
`;

ruleTester(rule, { valid: [app('web')], invalid: [] });

crossFileTester(rule, {
  valid: [
    { name: 'default deny in another file', files: { 'k8s/web.yaml': app('web', 3, 'shop'), 'k8s/np.yaml': DENY('[Ingress, Egress]') } },
    { name: 'reported once per namespace, on the first file', files: { 'k8s/web.yaml': app('web', 3, 'shop'), 'k8s/api.yaml': app('api', 3, 'shop') } },
  ],
  invalid: [
    {
      name: 'ingress-only deny',
      files: { 'k8s/api.yaml': app('api', 3, 'shop'), 'k8s/np.yaml': DENY('[Ingress]'), 'k8s/web.yaml': app('web', 3, 'shop') },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: `${app('api', 3, 'shop')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
`,
    },
  ],
});
