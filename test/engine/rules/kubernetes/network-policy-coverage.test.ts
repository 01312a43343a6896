import rule from '../../../../engine/rules/kubernetes/network-policy-coverage';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const NP = (selector: string, ns = '') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np
${ns}spec:
  podSelector: ${selector}
  policyTypes: [Ingress]
`;

ruleTester(rule, { valid: [app('web')], invalid: [] });

crossFileTester(rule, {
  valid: [
    { name: 'selected by label', files: { 'k8s/web.yaml': app('web'), 'k8s/np.yaml': NP('{ matchLabels: { app: web } }') } },
    { name: 'namespace-wide policy', files: { 'k8s/web.yaml': app('web', 3, 'shop'), 'k8s/np.yaml': NP('{}', '  namespace: shop\n') } },
  ],
  invalid: [
    {
      name: 'policy in another namespace',
      files: { 'k8s/web.yaml': app('web', 3, 'shop'), 'k8s/np.yaml': NP('{}', '  namespace: other\n') },
      errors: [{ messageId: 'uncovered', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
    { name: 'no policy at all', files: { 'k8s/web.yaml': app('web') }, errors: [{ messageId: 'uncovered', line: 4, column: 9, endLine: 4, endColumn: 12 }] },
  ],
});
