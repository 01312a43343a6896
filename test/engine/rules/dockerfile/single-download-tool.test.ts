import rule from '../../../../engine/rules/dockerfile/single-download-tool';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
RUN curl -fsSLO https://x && curl -fsSLO https://y`,
    `FROM alpine:3.20 AS build
RUN wget https://x
FROM alpine:3.20
RUN curl -fsSLO https://y`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
RUN curl -fsSLO https://x && curl -fsSLO https://z
RUN wget https://y`,
      errors: [{ messageId: 'both', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: null,
    },
  ],
});
