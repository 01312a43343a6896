import rule from '../../../../engine/rules/dockerfile/no-copy-whole-stage-fs';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM golang:1.23 AS build
RUN go build -o /out/app
FROM alpine:3.20
COPY --from=build /out/app /app`,
    `FROM golang:1.23 AS build
RUN go build -o /out/app
FROM scratch AS out
COPY --from=build /out/app /app
FROM alpine:3.20
COPY --from=out / /`,
    `FROM tonistiigi/xx:1.5.0 AS xx
FROM alpine:3.20
COPY --from=xx / /`,
  ],
  invalid: [
    {
      code: `FROM golang:1.23 AS build
RUN go build -o /out/app
FROM alpine:3.20
COPY --from=build / /`,
      errors: [{ messageId: 'whole', line: 4, column: 19, endLine: 4, endColumn: 20 }],
      output: null,
    },
  ],
});
