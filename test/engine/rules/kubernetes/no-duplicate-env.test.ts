import rule from '../../../../engine/rules/kubernetes/no-duplicate-env';
import { ruleTester } from '../../rule-tester';
import { deployment } from './manifests';

ruleTester(rule, {
  valid: [deployment('image: nginx:1.27\nenv:\n  - { name: A, value: "1" }\n  - { name: B, value: "2" }\n')],
  invalid: [
    {
      code: deployment('image: nginx:1.27\nenv:\n  - name: LOG_LEVEL\n    value: debug\n  - name: PORT\n    value: "8080"\n  - name: LOG_LEVEL\n    value: info\n'),
      errors: [{ messageId: 'duplicate', line: 22, column: 21, endLine: 22, endColumn: 30 }],
      output: deployment('image: nginx:1.27\nenv:\n  - name: PORT\n    value: "8080"\n  - name: LOG_LEVEL\n    value: info\n'),
    },
  ],
});
