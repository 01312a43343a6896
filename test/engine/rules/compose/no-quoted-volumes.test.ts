import rule from '../../../../engine/rules/compose/no-quoted-volumes';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    volumes:
      - ./a:/a
      - "./my dir:/b"
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    volumes:
      - "./a:/a:ro"
      - 'data:/data'
`,
      errors: [
        { messageId: 'quoted', line: 5, column: 9, endLine: 5, endColumn: 20, fixes: ["Remove the quotes"] },
        { messageId: 'quoted', line: 6, column: 9, endLine: 6, endColumn: 21, fixes: ["Remove the quotes"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    volumes:
      - ./a:/a:ro
      - data:/data
`,
    },
  ],
});
