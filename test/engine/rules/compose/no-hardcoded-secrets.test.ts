import rule from '../../../../engine/rules/compose/no-hardcoded-secrets';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      DB_PASSWORD: \${DB_PASSWORD}
      DB_PASSWORD_FILE: /run/secrets/db
      ALLOW_EMPTY_PASSWORD: "yes"
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      POSTGRES_PASSWORD: s3cr3t-Pa55
`,
      errors: [
        { messageId: 'secret', line: 5, column: 26, endLine: 5, endColumn: 37, fixes: ["Read POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD})"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      POSTGRES_PASSWORD: "\${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}"
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      - API_TOKEN=abcdef123456
    build:
      context: .
      args:
        NPM_TOKEN: npm_0123456789abcdefghijABCDEFGHIJ012345
`,
      errors: [
        { messageId: 'secret', line: 5, column: 19, endLine: 5, endColumn: 31, fixes: ["Read API_TOKEN from the environment (${API_TOKEN})"] },
        { messageId: 'secret', line: 9, column: 20, endLine: 9, endColumn: 60, fixes: ["Read NPM_TOKEN from the environment (${NPM_TOKEN})"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      - API_TOKEN=\${API_TOKEN}
    build:
      context: .
      args:
        NPM_TOKEN: "\${NPM_TOKEN:?set NPM_TOKEN in .env}"
`,
    },
  ],
});
