import rule from '../../../../engine/rules/compose/restart-policy';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    restart: always
`,
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    deploy:
      restart_policy:
        condition: on-failure
`,
    `services:
  db-migrate:
    image: acme/api:1
    restart: "no"
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add restart: unless-stopped"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    restart: unless-stopped
`,
    },
  ],
});
