import rule from '../../../../engine/rules/dockerfile/platform-flag';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM --platform=$BUILDPLATFORM golang:1.23 AS build
FROM alpine:3.20`,
    `FROM --platform=linux/arm64 alpine:3.20 AS build-arm64`,
  ],
  invalid: [
    {
      code: `FROM --platform=linux/amd64 alpine:3.20`,
      errors: [{ messageId: 'constant', line: 1, column: 6, endLine: 1, endColumn: 28 }],
      output: `FROM alpine:3.20`,
    },
    {
      code: `FROM --platform=$TARGETPLATFORM alpine:3.20 AS runtime`,
      errors: [{ messageId: 'redundant', line: 1, column: 6, endLine: 1, endColumn: 32 }],
      output: `FROM alpine:3.20 AS runtime`,
    },
  ],
});
