import rule from '../../../../engine/rules/compose/no-version-field';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
  ],
  invalid: [
    {
      code: `version: "3.8"
services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'obsolete', line: 1, column: 1, endLine: 1, endColumn: 8, fixes: ["Remove version"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
    },
  ],
});
