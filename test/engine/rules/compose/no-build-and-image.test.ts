import rule from '../../../../engine/rules/compose/no-build-and-image';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    build: .
    image: acme/api:dev
    pull_policy: build
`,
    `services:
  api:
    build: .
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    build: .
    image: acme/api:dev
`,
      errors: [
        { messageId: 'both', line: 4, column: 12, endLine: 4, endColumn: 24 },
      ],
    },
  ],
});
