import rule from '../../../../engine/rules/actions/explicit-permissions';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`,
    `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: make
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
      - run: make
`,
      errors: [
        { messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 5, fixes: ["Add \"permissions: contents: read\" at workflow level"] },
      ],
      output: `name: CI
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`,
    },
    {
      code: `name: CI
on: push
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`,
      errors: [
        { messageId: 'writeAll', line: 3, column: 14, endLine: 3, endColumn: 23 },
      ],
    },
    {
      code: `name: CI
on: push
permissions:
  content: read
  packages: admin
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`,
      errors: [
        { messageId: 'unknownScope', line: 4, column: 3, endLine: 4, endColumn: 10 },
        { messageId: 'badValue', line: 5, column: 13, endLine: 5, endColumn: 18 },
      ],
    },
  ],
});
