import rule from '../../../../engine/rules/compose/no-new-privileges';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    security_opt:
      - no-new-privileges:true
    cap_drop:
      - ALL
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add security_opt: [no-new-privileges:true] and cap_drop: [ALL]"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    security_opt:
      - no-new-privileges:true
    cap_drop:
      - ALL
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    security_opt:
      - label:disable
    cap_drop: [ALL]
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, fixes: ["Add security_opt: [no-new-privileges:true]"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    security_opt:
      - label:disable
      - no-new-privileges:true
    cap_drop: [ALL]
`,
    },
    {
      name: 'images that switch user keep their capabilities',
      code: `services:
  db:
    image: postgres:16.4
`,
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 5, fixes: ["Add security_opt: [no-new-privileges:true]"] },
      ],
      output: `services:
  db:
    image: postgres:16.4
    security_opt:
      - no-new-privileges:true
`,
    },
  ],
});
