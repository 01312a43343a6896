import rule from '../../../../engine/rules/kubernetes/no-host-port';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nports:\n  - containerPort: 80\n')],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nports:\n  - containerPort: 80\n    hostPort: 8080\n'),
      errors: [{ messageId: 'hostPort', line: 19, column: 25, endLine: 19, endColumn: 29 }],
      output: deployment('image: nginx:1.27\nports:\n  - containerPort: 80\n'),
    },
    {
      name: 'hostPort first in the item',
      code: pod('image: nginx:1.27\nports:\n  - hostPort: 80\n    containerPort: 80\n'),
      errors: [{ messageId: 'hostPort', line: 10, column: 21, endLine: 10, endColumn: 23 }],
      output: pod('image: nginx:1.27\nports:\n  - containerPort: 80\n'),
    },
  ],
});
