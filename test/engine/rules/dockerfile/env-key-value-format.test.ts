import rule from '../../../../engine/rules/dockerfile/env-key-value-format';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
ENV A=1 B="two words"
LABEL version=1`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
ENV PYTHON_VERSION 3.12.4`,
      errors: [{ messageId: 'legacy', line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: `FROM alpine:3.20
ENV PYTHON_VERSION=3.12.4`,
    },
    {
      code: `FROM alpine:3.20
ENV GREETING hello world`,
      errors: [{ messageId: 'legacy', line: 2, column: 5, endLine: 2, endColumn: 13 }],
      output: `FROM alpine:3.20
ENV GREETING="hello world"`,
    },
    {
      code: `FROM alpine:3.20
LABEL description "An image"`,
      errors: [{ messageId: 'legacy', line: 2, column: 7, endLine: 2, endColumn: 18 }],
      output: `FROM alpine:3.20
LABEL description="An image"`,
    },
    {
      code: `FROM alpine:3.20
ENV MSG it's "quoted" text`,
      errors: [{ messageId: 'legacy', line: 2, column: 5, endLine: 2, endColumn: 8 }],
      output: null,
    },
  ],
});
