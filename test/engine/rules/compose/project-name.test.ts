import rule from '../../../../engine/rules/compose/project-name';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: acme
services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 9, fixes: ["Add a project name"] },
      ],
      output: `name: my-project
services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
    },
  ],
});
