import rule from '../../../../engine/rules/actions/ids';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - id: a
        run: x
      - id: b-2
        run: y
`,
  ],
  invalid: [
    {
      code: `on: push
jobs:
  1build:
    runs-on: ubuntu-latest
    steps:
      - id: v
        run: x
      - id: v
        run: y
      - id: has space
        run: z
  1build:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'invalid', line: 3, column: 3, endLine: 3, endColumn: 9 },
        { messageId: 'duplicateStep', line: 8, column: 13, endLine: 8, endColumn: 14 },
        { messageId: 'invalid', line: 10, column: 13, endLine: 10, endColumn: 22 },
        { messageId: 'invalid', line: 12, column: 3, endLine: 12, endColumn: 9 },
        { messageId: 'duplicateJob', line: 12, column: 3, endLine: 12, endColumn: 9 },
      ],
    },
  ],
});
