import rule from '../../../../engine/rules/dockerfile/single-cmd-entrypoint-healthcheck';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
CMD ["a"]
FROM alpine:3.20
CMD ["b"]`,
    `FROM alpine:3.20
ENTRYPOINT ["x"]
CMD ["--help"]
HEALTHCHECK CMD true`,
    `FROM alpine:3.20
ONBUILD CMD ["a"]
CMD ["b"]`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
CMD ["a"]
CMD ["b"]`,
      errors: [{ messageId: 'overridden', line: 2, column: 1, endLine: 2, endColumn: 10 }],
      output: `FROM alpine:3.20
CMD ["b"]`,
    },
    {
      code: `FROM alpine:3.20
HEALTHCHECK CMD true
ENTRYPOINT ["x"]
HEALTHCHECK NONE
ENTRYPOINT ["y"]`,
      errors: [
        { messageId: 'overridden', line: 2, column: 1, endLine: 2, endColumn: 21 },
        { messageId: 'overridden', line: 3, column: 1, endLine: 3, endColumn: 17 },
      ],
      output: `FROM alpine:3.20
HEALTHCHECK NONE
ENTRYPOINT ["y"]`,
    },
  ],
});
