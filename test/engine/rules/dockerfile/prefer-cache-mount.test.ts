import rule from '../../../../engine/rules/dockerfile/prefer-cache-mount';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM node:22
RUN --mount=type=cache,target=/root/.npm npm ci`,
    `FROM python:3.12
RUN pip install --no-cache-dir flask`,
    `FROM node:22
RUN npm ci && npm cache clean --force`,
    `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
  ],
  invalid: [
    {
      code: `FROM node:22
RUN npm ci`,
      errors: [{ messageId: 'cacheMount', line: 2, column: 5, endLine: 2, endColumn: 11 }],
      output: `FROM node:22
RUN --mount=type=cache,target=/root/.npm npm ci`,
    },
    {
      code: `FROM python:3.12
RUN --network=default pip install -r requirements.txt`,
      errors: [{ messageId: 'cacheMount', line: 2, column: 23, endLine: 2, endColumn: 34 }],
      output: `FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip --network=default pip install -r requirements.txt`,
    },
    {
      code: `FROM golang:1.23
RUN go mod download`,
      errors: [{ messageId: 'cacheMount', line: 2, column: 5, endLine: 2, endColumn: 11 }],
      output: `FROM golang:1.23
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go mod download`,
    },
    {
      code: `FROM node:22
USER node
RUN yarn install`,
      errors: [{ messageId: 'cacheMount', line: 3, column: 5, endLine: 3, endColumn: 17 }],
      output: null,
    },
  ],
});
