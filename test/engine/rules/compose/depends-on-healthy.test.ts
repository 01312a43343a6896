import rule from '../../../../engine/rules/compose/depends-on-healthy';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
`,
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on: [cache]
  cache:
    image: redis:7
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on:
      - db
      - cache
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
  cache:
    image: redis:7
`,
      errors: [
        { messageId: 'started', line: 5, column: 9, endLine: 5, endColumn: 11, fixes: ["Wait for service_healthy"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
  cache:
    image: redis:7
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on:
      db:
        condition: service_started
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
`,
      errors: [
        { messageId: 'started', line: 5, column: 7, endLine: 5, endColumn: 9, fixes: ["Wait for service_healthy"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
`,
    },
    {
      name: 'flow list',
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on: [db]
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
`,
      errors: [
        { messageId: 'started', line: 4, column: 18, endLine: 4, endColumn: 20, fixes: ["Wait for service_healthy"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
`,
    },
  ],
});
