import rule from '../../../../engine/rules/dockerfile/update-with-install';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
    `FROM alpine:3.20
RUN apk update && apk add curl`,
    `FROM debian:12
RUN apt-get update && apt-get upgrade -y`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get update
RUN apt-get install -y curl`,
      errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
    },
    {
      code: `FROM alpine:3.20
RUN apk update
COPY . .
RUN apk add curl`,
      errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 15 }],
      output: null,
    },
    {
      code: `FROM debian:12
RUN set -e; apt-get update -qq
RUN apt-get install -y curl`,
      errors: [{ messageId: 'alone', line: 2, column: 13, endLine: 2, endColumn: 31 }],
      output: `FROM debian:12
RUN set -e; apt-get update -qq && apt-get install -y curl`,
    },
  ],
});
