import rule from '../../../../engine/rules/compose/no-unbound-ports';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "127.0.0.1:5432:5432"
      - "443:443"
      - "8080"
`,
    { code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "8443:8443"
`, options: {"publicPorts":[8443]} },
  ],
  invalid: [
    {
      name: 'long syntax too',
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "5432:5432"
      - 6379:6379
      - target: 80
        published: 8080
`,
      errors: [
        { messageId: 'unbound', line: 5, column: 9, endLine: 5, endColumn: 20, fixes: ["Bind to 127.0.0.1"] },
        { messageId: 'unbound', line: 6, column: 9, endLine: 6, endColumn: 18, fixes: ["Bind to 127.0.0.1"] },
        { messageId: 'unbound', line: 7, column: 9, endLine: 9, endColumn: 1 },
      ],
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "5432:5432"
      - 6379:6379
`,
      errors: [
        { messageId: 'unbound', line: 5, column: 9, endLine: 5, endColumn: 20, fixes: ["Bind to 127.0.0.1"] },
        { messageId: 'unbound', line: 6, column: 9, endLine: 6, endColumn: 18, fixes: ["Bind to 127.0.0.1"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "127.0.0.1:5432:5432"
      - "127.0.0.1:6379:6379"
`,
    },
  ],
});
