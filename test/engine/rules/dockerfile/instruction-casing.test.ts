import rule from '../../../../engine/rules/dockerfile/instruction-casing';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM golang:1.23 AS build
RUN go build
ONBUILD RUN echo`,
  ],
  invalid: [
    {
      code: `from alpine:3.20
Run echo hi`,
      errors: [
        { messageId: 'keyword', line: 1, column: 1, endLine: 1, endColumn: 5 },
        { messageId: 'keyword', line: 2, column: 1, endLine: 2, endColumn: 4 },
      ],
      output: `FROM alpine:3.20
RUN echo hi`,
    },
    {
      code: `FROM golang:1.23 as build`,
      errors: [{ messageId: 'as', line: 1, column: 18, endLine: 1, endColumn: 20 }],
      output: `FROM golang:1.23 AS build`,
    },
    {
      code: `FROM alpine:3.20
ONBUILD run echo`,
      errors: [{ messageId: 'keyword', line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: `FROM alpine:3.20
ONBUILD RUN echo`,
    },
  ],
});
