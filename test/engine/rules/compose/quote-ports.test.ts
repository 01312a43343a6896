import rule from '../../../../engine/rules/compose/quote-ports';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "22:22"
      - 8080
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - 22:22
      - 127.0.0.1:80:80
    expose:
      - 9000
`,
      errors: [
        { messageId: 'unquoted', line: 5, column: 9, endLine: 5, endColumn: 14, fixes: ["Quote the port mapping"] },
        { messageId: 'unquoted', line: 6, column: 9, endLine: 6, endColumn: 24, fixes: ["Quote the port mapping"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "22:22"
      - "127.0.0.1:80:80"
    expose:
      - 9000
`,
    },
  ],
});
