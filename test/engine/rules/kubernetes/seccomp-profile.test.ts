import rule from '../../../../engine/rules/kubernetes/seccomp-profile';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\n', { podSpec: 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n' }),
    deployment('image: nginx:1.27\nsecurityContext:\n  seccompProfile: { type: Localhost, localhostProfile: x.json }\n'),
  ],
  invalid: [
    {
      code: deployment(),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: deployment('image: nginx:1.27\n').replace('      containers:', '      containers:') + '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n',
    },
    {
      name: 'pod securityContext exists',
      code: pod('image: nginx:1.27\n', 'securityContext:\n  runAsNonRoot: true\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: pod('image: nginx:1.27\n', 'securityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n'),
    },
    {
      code: pod('image: nginx:1.27\n', 'securityContext:\n  seccompProfile:\n    type: Unconfined\n'),
      errors: [{ messageId: 'unconfined', line: 8, column: 13, endLine: 8, endColumn: 23 }],
    },
  ],
});
