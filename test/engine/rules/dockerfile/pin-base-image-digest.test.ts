import rule from '../../../../engine/rules/dockerfile/pin-base-image-digest';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM node:22-alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef`,
    `FROM scratch`,
    `FROM golang:1.23@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS build
FROM build`,
    `ARG BASE
FROM \${BASE}`,
  ],
  invalid: [
    {
      code: `FROM node:22-alpine`,
      errors: [{ messageId: 'noDigest', line: 1, column: 6, endLine: 1, endColumn: 20 }],
      output: `FROM node:22-alpine@sha256:DIGEST`,
    },
    {
      code: `FROM golang:1.23 AS build
FROM build AS test
FROM gcr.io/distroless/static:nonroot`,
      errors: [
        { messageId: 'noDigest', line: 1, column: 6, endLine: 1, endColumn: 17 },
        { messageId: 'noDigest', line: 3, column: 6, endLine: 3, endColumn: 38 },
      ],
      output: `FROM golang:1.23@sha256:DIGEST AS build
FROM build AS test
FROM gcr.io/distroless/static:nonroot@sha256:DIGEST`,
    },
    {
      code: `ARG TAG=22
FROM node:\${TAG}`,
      errors: [{ messageId: 'argNoDigest', line: 2, column: 6, endLine: 2, endColumn: 17 }],
      output: null,
    },
  ],
});
