import rule from '../../../../engine/rules/dockerfile/workdir-absolute';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
WORKDIR /app
WORKDIR $HOME/app`,
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\\\\app`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
WORKDIR /srv
WORKDIR app`,
      errors: [{ messageId: 'relative', line: 3, column: 9, endLine: 3, endColumn: 12 }],
      output: `FROM alpine:3.20
WORKDIR /srv
WORKDIR /srv/app`,
    },
    {
      code: `FROM scratch
WORKDIR app`,
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: `FROM scratch
WORKDIR /app`,
    },
    {
      code: `FROM alpine:3.20
WORKDIR app`,
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});
