import rule from '../../../../engine/rules/actions/env-var-names';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: x
        env:
          NODE_OPTIONS: x
          a-b: y
`,
  ],
  invalid: [
    {
      code: `name: CI
on: push
env:
  "X&Y": 1
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: x
        env:
          NODE OPTIONS: x
          A=B: y
`,
      errors: [
        { messageId: 'invalid', line: 4, column: 3, endLine: 4, endColumn: 8 },
        { messageId: 'invalid', line: 11, column: 11, endLine: 11, endColumn: 23 },
        { messageId: 'invalid', line: 12, column: 11, endLine: 12, endColumn: 14 },
      ],
    },
  ],
});
