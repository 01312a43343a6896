import rule from '../../../../engine/rules/compose/schema';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
`,
    `x-base: &base
  restart: always
services:
  api:
    <<: *base
    image: a:1
    environment:
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    healthcheck:
      intervall: 10s
`,
      errors: [
        { messageId: 'unknownKey', line: 5, column: 7, endLine: 5, endColumn: 16 },
      ],
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports: 8080
    read_only: maybe
`,
      errors: [
        { messageId: 'invalid', line: 4, column: 12, endLine: 4, endColumn: 16 },
      ],
    },
    {
      name: 'yaml syntax error',
      code: `services:
  api:
    image: [a
`,
      errors: [
        { messageId: 'yaml', line: 4, column: 1, endLine: 4, endColumn: 1 },
      ],
    },
  ],
});
