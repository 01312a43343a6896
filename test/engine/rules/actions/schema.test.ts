import rule from '../../../../engine/rules/actions/schema';
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
      - run: make
`,
    `on: push
jobs:
  call:
    uses: ./.github/workflows/reusable.yml
    with:
      env: prod
    secrets: inherit
`,
    { code: `name: Setup
description: Set up tools
runs:
  using: composite
  steps:
    - run: echo hi
      shell: bash
`, path: 'action.yml' },
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minute: 10
    steps:
      - run: make
`,
      errors: [
        { messageId: 'unknownKeyDid', line: 6, column: 5, endLine: 6, endColumn: 19, fixes: ["Rename to \"timeout-minutes\""] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - run: make
`,
    },
    {
      code: `on: push
jobs:
  build:
    steps:
      - run: make
`,
      errors: [
        { messageId: 'jobKind', line: 3, column: 3, endLine: 3, endColumn: 8 },
      ],
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        run: make
      - name: nothing
`,
      errors: [
        { messageId: 'stepKind', line: 7, column: 15, endLine: 7, endColumn: 34 },
        { messageId: 'stepKind', line: 9, column: 9, endLine: 9, endColumn: 13 },
      ],
    },
    {
      code: `on: push
jobs:
  call:
    uses: ./.github/workflows/reusable.yml
    runs-on: ubuntu-latest
`,
      errors: [
        { messageId: 'callerKey', line: 5, column: 5, endLine: 5, endColumn: 12 },
      ],
    },
    {
      name: 'missing jobs',
      code: `on: push
`,
      errors: [
        { messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 3 },
      ],
    },
    {
      code: `name: Setup
description: d
runs:
  using: composite
  steps:
    - run: echo hi
      shel: bash
`,
      path: 'action.yml',
      errors: [
        { messageId: 'unknownKeyDid', line: 7, column: 7, endLine: 7, endColumn: 11, fixes: ["Rename to \"shell\""] },
      ],
      output: `name: Setup
description: d
runs:
  using: composite
  steps:
    - run: echo hi
      shell: bash
`,
    },
  ],
});
