import rule from '../../../../engine/rules/dockerfile/copy-dest-needs-workdir';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM node:22
WORKDIR /app
COPY . .`,
    `FROM node:22
COPY package.json /app/
COPY app "\${HOME}"/app`,
    `FROM node:22 AS base
WORKDIR /app
FROM base
COPY . .`,
  ],
  invalid: [
    {
      code: `FROM node:22
COPY . .`,
      errors: [{ messageId: 'noWorkdir', line: 2, column: 8, endLine: 2, endColumn: 9 }],
      output: `FROM node:22
WORKDIR /app
COPY . .`,
    },
    {
      code: `FROM node:22
COPY package.json ./
WORKDIR /app`,
      errors: [{ messageId: 'noWorkdir', line: 2, column: 19, endLine: 2, endColumn: 21 }],
      output: `FROM node:22
WORKDIR /app
COPY package.json ./
WORKDIR /app`,
    },
  ],
});
