import rule from '../../../../engine/rules/compose/no-duplicate-container-names';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    container_name: api
  w:
    image: a:1
    container_name: worker
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    container_name: app
  w:
    image: a:1
    container_name: app
`,
      errors: [
        { messageId: 'duplicate', line: 7, column: 21, endLine: 7, endColumn: 24 },
      ],
    },
  ],
});
