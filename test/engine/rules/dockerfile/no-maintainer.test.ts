import rule from '../../../../engine/rules/dockerfile/no-maintainer';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
LABEL org.opencontainers.image.authors="team@example.com"`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>`,
      errors: [{ messageId: 'maintainer', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: `FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"`,
    },
    {
      code: `FROM alpine:3.20
maintainer "ops"`,
      errors: [{ messageId: 'maintainer', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: `FROM alpine:3.20
label org.opencontainers.image.authors="ops"`,
    },
  ],
});
