import rule from '../../../../engine/rules/kubernetes/no-unsafe-kernel-settings';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [deployment(), pod('image: nginx:1.27\n', 'securityContext:\n  sysctls:\n    - { name: net.ipv4.tcp_syncookies, value: "1" }\n')],
  invalid: [
    {
      code: pod('image: nginx:1.27\nsecurityContext:\n  procMount: Unmasked\n', 'securityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: "65536"\n'),
      errors: [
        { messageId: 'sysctl', line: 8, column: 15, endLine: 8, endColumn: 28 },
        { messageId: 'procMount', line: 14, column: 20, endLine: 14, endColumn: 28 },
      ],
      output: null,
    },
  ],
});
