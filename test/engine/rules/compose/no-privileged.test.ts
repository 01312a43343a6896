import rule from '../../../../engine/rules/compose/no-privileged';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    cap_add: [NET_BIND_SERVICE]
    network_mode: bridge
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    privileged: true
    pid: host
`,
      errors: [
        { messageId: 'privileged', line: 4, column: 17, endLine: 4, endColumn: 21, fixes: ["Remove privileged"] },
        { messageId: 'host', line: 5, column: 10, endLine: 5, endColumn: 14, fixes: ["Remove pid"] },
      ],
      output: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
`,
    },
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    network_mode: host
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
    cap_add:
      - SYS_ADMIN
`,
      errors: [
        { messageId: 'host', line: 4, column: 19, endLine: 4, endColumn: 23 },
        { messageId: 'socket', line: 6, column: 9, endLine: 6, endColumn: 53 },
        { messageId: 'cap', line: 8, column: 9, endLine: 8, endColumn: 18 },
      ],
    },
  ],
});
