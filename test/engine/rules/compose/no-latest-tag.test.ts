import rule from '../../../../engine/rules/compose/no-latest-tag';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
    `services:
  api:
    build: .
    image: acme/api
`,
    `services:
  api:
    image: \${API_IMAGE}
`,
    `services:
  api:
    image: redis@sha256:0123456789012345678901234567890123456789012345678901234567890123
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: postgres:latest
  cache:
    image: "redis"
`,
      errors: [
        { messageId: 'latest', line: 3, column: 21, endLine: 3, endColumn: 27, fixes: ["Pin postgres to a version…"] },
        { messageId: 'untagged', line: 5, column: 13, endLine: 5, endColumn: 18, fixes: ["Pin redis to a version…"] },
      ],
      output: `services:
  api:
    image: postgres:VERSION
  cache:
    image: "redis:VERSION"
`,
    },
  ],
});
