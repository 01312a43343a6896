import rule from '../../../../engine/rules/dockerfile/no-system-workdir';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
WORKDIR /app
WORKDIR /`,
    `FROM alpine:3.20
WORKDIR /devel`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
WORKDIR /proc`,
      errors: [{ messageId: 'system', line: 2, column: 9, endLine: 2, endColumn: 14 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
WORKDIR /sys/fs/`,
      errors: [{ messageId: 'system', line: 2, column: 9, endLine: 2, endColumn: 17 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
WORKDIR /dev/shm`,
      errors: [{ messageId: 'system', line: 2, column: 9, endLine: 2, endColumn: 17 }],
      output: null,
    },
  ],
});
