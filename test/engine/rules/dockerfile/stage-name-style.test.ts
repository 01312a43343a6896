import rule from '../../../../engine/rules/dockerfile/stage-name-style';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM golang:1.23 AS build
FROM alpine:3.20 AS runtime`,
  ],
  invalid: [
    {
      code: `FROM golang:1.23 AS Build`,
      errors: [{ messageId: 'casing', line: 1, column: 21, endLine: 1, endColumn: 26 }],
      output: `FROM golang:1.23 AS build`,
    },
    {
      code: `FROM alpine:3.20 AS scratch`,
      errors: [{ messageId: 'reserved', line: 1, column: 21, endLine: 1, endColumn: 28 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20 AS context`,
      errors: [{ messageId: 'reserved', line: 1, column: 21, endLine: 1, endColumn: 28 }],
      output: null,
    },
  ],
});
