import rule from '../../../../engine/rules/kubernetes/drop-capabilities';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [
    deployment('image: nginx:1.27\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]\n'),
    { code: deployment('image: nginx:1.27\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_ADMIN]\n'), options: { allowedCapabilities: ['NET_ADMIN'] } },
  ],
  invalid: [
    {
      code: deployment(),
      errors: [{ messageId: 'notDropped', line: 15, column: 17, endLine: 15, endColumn: 20 }],
      output: deployment('image: nginx:1.27\nsecurityContext:\n  capabilities:\n    drop:\n      - ALL\n'),
    },
    {
      name: 'drop list without ALL, dangerous add',
      code: pod('image: nginx:1.27\nsecurityContext:\n  capabilities:\n    add: ["SYS_ADMIN"]\n    drop:\n      - MKNOD\n'),
      errors: [
        { messageId: 'notDropped', line: 7, column: 13, endLine: 7, endColumn: 16 },
        { messageId: 'dangerous', line: 11, column: 17, endLine: 11, endColumn: 28 },
      ],
    },
    {
      name: 'appends ALL to an existing drop list',
      code: pod('image: nginx:1.27\nsecurityContext:\n  capabilities:\n    drop:\n      - MKNOD\n'),
      errors: [{ messageId: 'notDropped', line: 7, column: 13, endLine: 7, endColumn: 16 }],
      output: pod('image: nginx:1.27\nsecurityContext:\n  capabilities:\n    drop:\n      - MKNOD\n      - ALL\n'),
    },
  ],
});
