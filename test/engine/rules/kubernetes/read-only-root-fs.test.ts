import rule from '../../../../engine/rules/kubernetes/read-only-root-fs';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\nsecurityContext:\n  readOnlyRootFilesystem: true\n'),
    { name: 'ephemeral containers are not checked', code: pod('image: nginx:1.27\nsecurityContext: { readOnlyRootFilesystem: true }\n', 'ephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n') },
  ],
  invalid: [
    {
      code: deployment(),
      errors: [{ messageId: 'missing', line: 15, column: 17, endLine: 15, endColumn: 20 }],
      output: deployment('image: nginx:1.27\nsecurityContext:\n  readOnlyRootFilesystem: true\n'),
    },
    {
      name: 'flow securityContext set to false',
      code: pod('image: nginx:1.27\nsecurityContext: { readOnlyRootFilesystem: false, runAsNonRoot: true }\n'),
      errors: [{ messageId: 'disabled', line: 9, column: 50, endLine: 9, endColumn: 55 }],
      output: pod('image: nginx:1.27\nsecurityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true }\n'),
    },
  ],
});
