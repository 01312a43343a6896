import rule from '../../../../engine/rules/dockerfile/copy-from-valid-stage';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM golang:1.23 AS build
RUN go build -o /app
FROM alpine:3.20
COPY --from=build /app /app
COPY --from=0 /app /app2`,
    `FROM alpine:3.20
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/
COPY --from=ghcr.io/org/tool /bin/tool /bin/`,
    `FROM alpine:3.20
COPY --from=busybox /bin/busybox /bin/`,
    `ARG STAGE=build
FROM golang:1.23 AS build
FROM alpine:3.20
COPY --from=\${STAGE} /a /a`,
    `FROM golang:1.23 AS Build
FROM alpine:3.20
COPY --from=build /a /a`,
  ],
  invalid: [
    {
      code: `FROM golang:1.23 AS build
COPY --from=build /a /b`,
      errors: [{ messageId: 'ownStage', line: 2, column: 13, endLine: 2, endColumn: 18 }],
      output: null,
    },
    {
      code: `FROM golang:1.23 AS build
FROM alpine:3.20
COPY --from=biuld /app /app`,
      errors: [{ messageId: 'unknownStage', line: 3, column: 13, endLine: 3, endColumn: 18 }],
      output: `FROM golang:1.23 AS build
FROM alpine:3.20
COPY --from=build /app /app`,
    },
    {
      code: `FROM golang:1.23 AS build
FROM alpine:3.20
COPY --from=1 /app /app`,
      errors: [{ messageId: 'ownStage', line: 3, column: 13, endLine: 3, endColumn: 14 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
COPY --from=later /a /a
FROM alpine:3.20 AS later`,
      errors: [{ messageId: 'laterStage', line: 2, column: 13, endLine: 2, endColumn: 18 }],
      output: null,
    },
  ],
});
