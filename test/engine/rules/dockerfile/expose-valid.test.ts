import rule from '../../../../engine/rules/dockerfile/expose-valid';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
EXPOSE 80 443/tcp 53/udp 8000-8010 $PORT`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
EXPOSE 80/TCP`,
      errors: [{ messageId: 'protoCase', line: 2, column: 8, endLine: 2, endColumn: 14 }],
      output: `FROM alpine:3.20
EXPOSE 80/tcp`,
    },
    {
      code: `FROM alpine:3.20
EXPOSE 8080:80`,
      errors: [{ messageId: 'mapping', line: 2, column: 8, endLine: 2, endColumn: 15 }],
      output: `FROM alpine:3.20
EXPOSE 80`,
    },
    {
      code: `FROM alpine:3.20
EXPOSE 127.0.0.1:8080:80/tcp`,
      errors: [{ messageId: 'mapping', line: 2, column: 8, endLine: 2, endColumn: 29 }],
      output: `FROM alpine:3.20
EXPOSE 80/tcp`,
    },
    {
      code: `FROM alpine:3.20
EXPOSE 70000`,
      errors: [{ messageId: 'port', line: 2, column: 8, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
EXPOSE 90-80`,
      errors: [{ messageId: 'range', line: 2, column: 8, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
EXPOSE 80/http`,
      errors: [{ messageId: 'proto', line: 2, column: 8, endLine: 2, endColumn: 15 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
EXPOSE http`,
      errors: [{ messageId: 'format', line: 2, column: 8, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});
