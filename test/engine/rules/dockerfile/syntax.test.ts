import rule from '../../../../engine/rules/dockerfile/syntax';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
RUN echo hi
CMD ["sh"]`,
    `ARG BASE=alpine:3.20
FROM \${BASE} AS build
COPY --from=build --chown=1:1 /a /b
`,
    `# syntax=docker/dockerfile:1
# escape=\`
FROM alpine:3.20
RUN echo a \`
  b`,
    `FROM alpine:3.20
HEALTHCHECK --interval=1m30s --timeout=5s --start-period=0 --retries=3 CMD wget -q localhost || exit 1`,
    `FROM alpine:3.20
HEALTHCHECK NONE`,
    `FROM alpine:3.20
ENV A=1 B="two words" \\
    C=3
LABEL org.opencontainers.image.title="x"
ENV LEGACY value with spaces`,
    `FROM alpine:3.20
RUN --mount=type=cache,target=/root/.cache --network=none echo
COPY <<EOF /etc/x.conf
hello
EOF`,
    `FROM alpine:3.20
ONBUILD RUN echo hi
SHELL ["/bin/sh", "-c"]
COPY --link a b /dst/`,
    `FROM alpine:3.20
LABEL a=1 \\
# a comment inside the continuation
      b=2`,
  ],
  invalid: [
    {
      code: `FORM alpine:3.20`,
      errors: [
        { messageId: 'noFrom', line: 1, column: 1, endLine: 1, endColumn: 5 },
        { messageId: 'unknownInstructionDidYouMean', line: 1, column: 1, endLine: 1, endColumn: 5 },
      ],
      output: `FROM alpine:3.20`,
    },
    {
      code: `RUN echo hi
FROM alpine:3.20`,
      errors: [{ messageId: 'beforeFrom', line: 1, column: 1, endLine: 1, endColumn: 4 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20 AS build extra`,
      errors: [{ messageId: 'fromArgs', line: 1, column: 27, endLine: 1, endColumn: 32 }],
      output: `FROM alpine:3.20 AS build`,
    },
    {
      code: `FROM alpine:3.20 build`,
      errors: [{ messageId: 'fromArgs', line: 1, column: 18, endLine: 1, endColumn: 23 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
COPY onlyone`,
      errors: [{ messageId: 'copyArgs', line: 2, column: 6, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
HEALTHCHECK --intervall=30s CMD true`,
      errors: [{ messageId: 'unknownFlagDidYouMean', line: 2, column: 13, endLine: 2, endColumn: 28 }],
      output: `FROM alpine:3.20
HEALTHCHECK --interval=30s CMD true`,
    },
    {
      code: `FROM alpine:3.20
HEALTHCHECK --interval=30 CMD true`,
      errors: [{ messageId: 'badDuration', line: 2, column: 13, endLine: 2, endColumn: 26 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
HEALTHCHECK --retries=-1 CMD true`,
      errors: [{ messageId: 'badRetries', line: 2, column: 13, endLine: 2, endColumn: 25 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
HEALTHCHECK NONE --interval=5s`,
      errors: [{ messageId: 'healthcheckNone', line: 2, column: 13, endLine: 2, endColumn: 31 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
HEALTHCHECK curl localhost`,
      errors: [{ messageId: 'healthcheckType', line: 2, column: 13, endLine: 2, endColumn: 17 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
SHELL /bin/bash -c`,
      errors: [{ messageId: 'shellJson', line: 2, column: 7, endLine: 2, endColumn: 19 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
ENV NAME`,
      errors: [{ messageId: 'envTwoArgs', line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
ENV A=1 B`,
      errors: [{ messageId: 'envNoEquals', line: 2, column: 9, endLine: 2, endColumn: 10 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
ONBUILD FROM alpine:3.20`,
      errors: [{ messageId: 'onbuildTrigger', line: 2, column: 9, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN --network=internet echo`,
      errors: [{ messageId: 'badFlagValue', line: 2, column: 5, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN --mount=type=volume,target=/x echo`,
      errors: [{ messageId: 'badFlagValue', line: 2, column: 5, endLine: 2, endColumn: 34 }],
      output: null,
    },
    {
      code: `# escape=x
FROM alpine:3.20`,
      errors: [{ messageId: 'badEscape', line: 1, column: 10, endLine: 1, endColumn: 11 }],
      output: `# escape=\\
FROM alpine:3.20`,
    },
    {
      code: `FROM alpine:3.20
CMD`,
      errors: [{ messageId: 'missingArgs', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
COPY --from build /a /b`,
      errors: [{ messageId: 'flagValue', line: 2, column: 6, endLine: 2, endColumn: 12 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20 AS 1build`,
      errors: [{ messageId: 'invalidStageName', line: 1, column: 21, endLine: 1, endColumn: 27 }],
      output: null,
    },
    {
      code: `ARG A=1`,
      errors: [{ messageId: 'noFrom', line: 1, column: 1, endLine: 1, endColumn: 4 }],
      output: null,
    },
    {
      code: `# just a comment
`,
      errors: [{ messageId: 'empty', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: null,
    },
  ],
});
