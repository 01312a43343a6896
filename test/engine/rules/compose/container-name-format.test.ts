import rule from '../../../../engine/rules/compose/container-name-format';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    container_name: acme-api_1.x
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    container_name: acme api
`,
      errors: [
        { messageId: 'invalid', line: 4, column: 21, endLine: 4, endColumn: 29 },
      ],
    },
  ],
});
