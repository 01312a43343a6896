import rule from '../../../../engine/rules/kubernetes/network-policy-targets-pods';
import { ruleTester } from '../../rule-tester';
import { crossFileTester } from './cross-file';
import { app } from './manifests';

const NP = (selector: string, from = 'app: web') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
spec:
  podSelector:
    matchLabels:
      ${selector}
  ingress:
    - from:
        - podSelector:
            matchLabels:
              ${from}
`;

ruleTester(rule, { valid: [NP('app: nope')], invalid: [] });

crossFileTester(rule, {
  valid: [
    { name: 'selects pods in other files', files: { 'k8s/np.yaml': NP('app: api'), 'k8s/api.yaml': app('api'), 'k8s/web.yaml': app('web') } },
    { name: 'no workloads visible in the namespace', files: { 'k8s/np.yaml': NP('app: api') } },
  ],
  invalid: [
    {
      name: 'typo in the selector and the peer',
      files: { 'k8s/np.yaml': NP('app: apii', 'app: front'), 'k8s/api.yaml': app('api'), 'k8s/web.yaml': app('web') },
      errors: [
        { messageId: 'noPods', line: 6, column: 3, endLine: 6, endColumn: 14 },
        { messageId: 'noPeers', line: 11, column: 11, endLine: 11, endColumn: 22 },
      ],
      output: null,
    },
  ],
});
