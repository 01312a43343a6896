import rule from '../../../../engine/rules/kubernetes/no-privilege-escalation';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nsecurityContext:\n  allowPrivilegeEscalation: false\n')],
  invalid: [
    {
      code: deployment('image: nginx:1.27 # pinned\n'),
      errors: [{ messageId: 'missing', line: 15, column: 17, endLine: 15, endColumn: 20 }],
      output: deployment('image: nginx:1.27 # pinned\nsecurityContext:\n  allowPrivilegeEscalation: false\n'),
    },
    {
      code: pod('image: nginx:1.27\nsecurityContext:\n  allowPrivilegeEscalation: "true"\n'),
      errors: [{ messageId: 'allowed', line: 10, column: 35, endLine: 10, endColumn: 41 }],
      output: pod('image: nginx:1.27\nsecurityContext:\n  allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'empty securityContext',
      code: pod('image: nginx:1.27\nsecurityContext: {}\n'),
      errors: [{ messageId: 'missing', line: 7, column: 13, endLine: 7, endColumn: 16 }],
      output: pod('image: nginx:1.27\nsecurityContext:\n  allowPrivilegeEscalation: false\n'),
    },
  ],
});
