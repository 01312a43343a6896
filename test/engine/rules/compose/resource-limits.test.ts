import rule from '../../../../engine/rules/compose/resource-limits';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    mem_limit: 512m
`,
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    deploy:
      resources:
        limits:
          memory: 256M
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add deploy.resources.limits"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    deploy:
      resources:
        limits:
          cpus: '0.50'
          memory: 512M
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    deploy:
      replicas: 2
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add deploy.resources.limits"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    deploy:
      replicas: 2
      resources:
        limits:
          cpus: '0.50'
          memory: 512M
`,
    },
  ],
});
