import rule from '../../../../engine/rules/kubernetes/no-privileged';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [deployment(), deployment('image: nginx:1.27\nsecurityContext:\n  privileged: false\n')],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nsecurityContext:\n  privileged: true\n'),
      errors: [{ messageId: 'privileged', line: 18, column: 25, endLine: 18, endColumn: 29 }],
      output: deployment('image: nginx:1.27\nsecurityContext:\n  privileged: false\n'),
    },
    {
      name: 'init container',
      code: pod('image: nginx:1.27\n', 'initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: { privileged: true }\n'),
      errors: [{ messageId: 'privileged', line: 9, column: 38, endLine: 9, endColumn: 42 }],
      output: pod('image: nginx:1.27\n', 'initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: { privileged: false }\n'),
    },
  ],
});
