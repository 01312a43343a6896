import rule from '../../../../engine/rules/compose/read-only-fs';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    read_only: true
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add read_only: true with a tmpfs for /tmp"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    read_only: true
    tmpfs:
      - /tmp
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    read_only: false
`,
      errors: [
        { messageId: 'missing', line: 4, column: 16, endLine: 4, endColumn: 21, fixes: ["Set read_only: true"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    read_only: true
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    tmpfs: [/run]
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add read_only: true with a tmpfs for /tmp"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    tmpfs: [/run]
    read_only: true
`,
    },
  ],
});
