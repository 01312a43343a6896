import rule from '../../../../engine/rules/dockerfile/consolidate-run';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
RUN apk add --no-cache curl
RUN adduser -D app`,
    `FROM alpine:3.20 AS build
RUN a
RUN b
RUN c
FROM alpine:3.20
COPY --from=build /x /x`,
    { code: `FROM alpine:3.20
RUN a
RUN b
RUN c`, options: {"max":3}, name: "max option" },
    `FROM alpine:3.20
RUN a
RUN --mount=type=cache,target=/c b
RUN c`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
RUN apk add --no-cache curl
RUN adduser -D app
RUN mkdir /data`,
      errors: [{ messageId: 'consecutive', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: `FROM alpine:3.20
RUN apk add --no-cache curl \\
    && adduser -D app \\
    && mkdir /data`,
    },
    {
      code: `FROM alpine:3.20
RUN cd /app
RUN make
RUN make install`,
      errors: [{ messageId: 'consecutive', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN a \\
  && b
# comment
RUN c
RUN d`,
      errors: [{ messageId: 'consecutive', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
  ],
});
