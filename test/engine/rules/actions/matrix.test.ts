import rule from '../../../../engine/rules/actions/matrix';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [a, b]
        exclude:
          - os: a
    steps:
      - run: x
`,
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [a, b, a]
        node: []
        exclude:
          - os: c
          - arch: x
    steps:
      - run: x
`,
      errors: [
        { messageId: 'duplicate', line: 8, column: 20, endLine: 8, endColumn: 21 },
        { messageId: 'empty', line: 9, column: 9, endLine: 9, endColumn: 13 },
        { messageId: 'excludeValue', line: 11, column: 17, endLine: 11, endColumn: 18 },
        { messageId: 'excludeKey', line: 12, column: 13, endLine: 12, endColumn: 17 },
      ],
    },
  ],
});
