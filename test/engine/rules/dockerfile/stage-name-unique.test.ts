import rule from '../../../../engine/rules/dockerfile/stage-name-unique';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM golang:1.23 AS build
FROM alpine:3.20 AS runtime`,
    `FROM alpine:3.20
FROM alpine:3.20`,
  ],
  invalid: [
    {
      code: `FROM golang:1.23 AS build
FROM node:22 AS build`,
      errors: [{ messageId: 'duplicate', line: 2, column: 17, endLine: 2, endColumn: 22 }],
      output: `FROM golang:1.23 AS build
FROM node:22 AS build-2`,
    },
    {
      code: `FROM golang:1.23 AS build
FROM node:22 AS Build
FROM alpine:3.20 AS build-2
FROM alpine:3.20 AS build`,
      errors: [
        { messageId: 'duplicate', line: 2, column: 17, endLine: 2, endColumn: 22 },
        { messageId: 'duplicate', line: 4, column: 21, endLine: 4, endColumn: 26 },
      ],
      output: `FROM golang:1.23 AS build
FROM node:22 AS build-3
FROM alpine:3.20 AS build-2
FROM alpine:3.20 AS build-4`,
    },
  ],
});
