import rule from '../../../../engine/rules/actions/block-scalar-chomping';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    environment: >-
      production
    steps:
      - run: |
          make
`,
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    environment: >
      production
    steps:
      - uses: |
          actions/checkout@v4
`,
      errors: [
        { messageId: 'chomp', line: 6, column: 18, endLine: 6, endColumn: 19, fixes: ["Use >-"] },
        { messageId: 'chomp', line: 9, column: 15, endLine: 9, endColumn: 16, fixes: ["Use |-"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    environment: >-
      production
    steps:
      - uses: |-
          actions/checkout@v4
`,
    },
  ],
});
