import rule from '../../../../engine/rules/compose/ordering';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: x
services:
  a:
    image: a:1
    ports: ["1:1"]
  b:
    image: b:1
volumes:
  d: {}
`,
  ],
  invalid: [
    {
      code: `volumes:
  d: {}
services:
  b:
    ports: ["1:1"]
    image: b:1
  a:
    image: a:1
`,
      errors: [
        { messageId: 'top', line: 3, column: 1, endLine: 3, endColumn: 9 },
        { messageId: 'serviceKey', line: 6, column: 5, endLine: 6, endColumn: 10 },
        { messageId: 'services', line: 7, column: 3, endLine: 7, endColumn: 4 },
      ],
    },
  ],
});
