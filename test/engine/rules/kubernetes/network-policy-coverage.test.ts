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
    { name: 'a CronJob that listens on no port', files: { 'k8s/cron.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: { labels: { app: report } }\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: busybox:1.36\n' } },
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
