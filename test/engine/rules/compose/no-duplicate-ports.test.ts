import rule from '../../../../engine/rules/compose/no-duplicate-ports';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports: ["127.0.0.1:8080:80", "127.0.0.2:8080:80", "8080:80/udp"]
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports: ["8080:80"]
  admin:
    image: a:1
    ports:
      - "127.0.0.1:8080:80"
      - "9000-9002:9000-9002"
      - "9001:1"
`,
      errors: [
        { messageId: 'duplicate', line: 8, column: 9, endLine: 8, endColumn: 28 },
        { messageId: 'duplicate', line: 10, column: 9, endLine: 10, endColumn: 17 },
      ],
    },
  ],
});
