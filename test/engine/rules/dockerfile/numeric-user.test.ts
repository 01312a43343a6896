import rule from '../../../../engine/rules/dockerfile/numeric-user';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
USER 10001:10001`,
    `FROM alpine:3.20
USER $APP_USER`,
    `FROM alpine:3.20 AS build
USER builder
FROM alpine:3.20
USER 1000`,
    `FROM alpine:3.20
USER root`,
  ],
  invalid: [
    {
      code: `FROM node:22
USER node`,
      errors: [{ messageId: 'named', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: `FROM node:22
USER 1000:1000`,
    },
    {
      code: `FROM debian:12
RUN groupadd -g 10001 app && useradd -u 10001 -g app app
USER app`,
      errors: [{ messageId: 'named', line: 3, column: 6, endLine: 3, endColumn: 9 }],
      output: `FROM debian:12
RUN groupadd -g 10001 app && useradd -u 10001 -g app app
USER 10001:10001`,
    },
    {
      code: `FROM gcr.io/distroless/static:nonroot
USER nonroot:nonroot`,
      errors: [{ messageId: 'named', line: 2, column: 6, endLine: 2, endColumn: 21 }],
      output: `FROM gcr.io/distroless/static:nonroot
USER 65532:65532`,
    },
    {
      code: `FROM alpine:3.20
USER app`,
      errors: [{ messageId: 'named', line: 2, column: 6, endLine: 2, endColumn: 9 }],
      output: null,
    },
  ],
});
