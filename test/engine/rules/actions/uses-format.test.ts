import rule from '../../../../engine/rules/actions/uses-format';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/setup
      - uses: docker://alpine:3.20
      - uses: github/codeql-action/init@v3
`,
    `on: push
jobs:
  a:
    uses: ./.github/workflows/r.yml
  b:
    uses: o/r/.github/workflows/r.yml@v1
`,
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout
      - uses: not a ref
`,
      errors: [
        { messageId: 'missingRef', line: 7, column: 15, endLine: 7, endColumn: 31 },
        { messageId: 'step', line: 8, column: 15, endLine: 8, endColumn: 24 },
      ],
    },
    {
      code: `on: push
jobs:
  a:
    uses: ./.github/workflows/r.yml@main
  b:
    uses: o/r/.github/workflows/r.yml
  c:
    uses: o/r@v1
`,
      errors: [
        { messageId: 'localRef', line: 4, column: 11, endLine: 4, endColumn: 41 },
        { messageId: 'missingRef', line: 6, column: 11, endLine: 6, endColumn: 38 },
        { messageId: 'workflow', line: 8, column: 11, endLine: 8, endColumn: 17 },
      ],
    },
  ],
});
