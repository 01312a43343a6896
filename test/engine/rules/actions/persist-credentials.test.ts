import rule from '../../../../engine/rules/actions/persist-credentials';
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
        with:
          persist-credentials: false
`,
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: git commit -am x && git push
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
      - uses: actions/checkout@v4
      - run: make
`,
      errors: [
        { messageId: 'persisted', line: 7, column: 15, endLine: 7, endColumn: 34, fixes: ["Add persist-credentials: false"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: make
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
`,
      errors: [
        { messageId: 'persisted', line: 7, column: 15, endLine: 7, endColumn: 34, fixes: ["Add persist-credentials: false"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
          persist-credentials: false
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: true
`,
      errors: [
        { messageId: 'persisted', line: 7, column: 15, endLine: 7, endColumn: 34 },
      ],
      output: null,
    },
  ],
});
