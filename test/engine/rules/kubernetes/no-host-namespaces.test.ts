import rule from '../../../../engine/rules/kubernetes/no-host-namespaces';
import { ruleTester } from '../../rule-tester';
import { deployment, pod } from './manifests';

ruleTester(rule, {
  valid: [deployment(), pod('image: nginx:1.27\n', 'hostNetwork: false\n')],
  invalid: [
    {
      code: pod('image: nginx:1.27\n', 'hostNetwork: true\nhostPID: true # debug\n'),
      errors: [
        { messageId: 'host', line: 6, column: 16, endLine: 6, endColumn: 20 },
        { messageId: 'host', line: 7, column: 12, endLine: 7, endColumn: 16 },
      ],
      output: pod('image: nginx:1.27\n'),
    },
  ],
});
