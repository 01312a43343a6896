import rule from '../../../../engine/rules/dockerfile/copy-multi-source-slash';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM node:22
COPY package.json package-lock.json ./
COPY a b .
COPY a /b`,
    `FROM node:22
COPY ["a", "b", "/dst/"]
COPY a b $DEST`,
  ],
  invalid: [
    {
      code: `FROM node:22
COPY package.json package-lock.json /app`,
      errors: [{ messageId: 'slash', line: 2, column: 37, endLine: 2, endColumn: 41 }],
      output: `FROM node:22
COPY package.json package-lock.json /app/`,
    },
    {
      code: `FROM node:22
ADD ["a", "b", "/dst"]`,
      errors: [{ messageId: 'slash', line: 2, column: 5, endLine: 2, endColumn: 23 }],
      output: `FROM node:22
ADD ["a", "b", "/dst/"]`,
    },
    {
      code: `FROM node:22
COPY --chown=1:1 a b c dst`,
      errors: [{ messageId: 'slash', line: 2, column: 24, endLine: 2, endColumn: 27 }],
      output: `FROM node:22
COPY --chown=1:1 a b c dst/`,
    },
  ],
});
