import rule from '../../../../engine/rules/kubernetes/ephemeral-storage';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nresources:\n  requests: { ephemeral-storage: 1Gi }\n  limits: { ephemeral-storage: 2Gi }\n')],
  invalid: [
    {
      code: pod('image: nginx:1.27\nresources:\n  requests:\n    cpu: 100m\n'),
      errors: [{ messageId: 'missing', line: 7, column: 13, endLine: 7, endColumn: 16 }],
      output: pod('image: nginx:1.27\nresources:\n  requests:\n    cpu: 100m\n    ephemeral-storage: 256Mi\n  limits:\n    ephemeral-storage: 1Gi\n'),
    },
  ],
});
