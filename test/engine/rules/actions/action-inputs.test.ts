import rule from '../../../../engine/rules/actions/action-inputs';
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
          fetch-depth: 0
      - uses: unknown/action@v1
        with:
          anything: 1
      - uses: actions/setup-java@v1
        with:
          java-version: 11
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
        with:
          fetch_depth: 0
`,
      errors: [
        { messageId: 'unknownDid', line: 9, column: 11, endLine: 9, endColumn: 22, fixes: ["Rename to \"fetch-depth\""] },
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
          bogus: 1
`,
      errors: [
        { messageId: 'unknown', line: 9, column: 11, endLine: 9, endColumn: 16 },
      ],
      output: null,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache@v4
        with:
          path: ~/.npm
`,
      errors: [
        { messageId: 'missing', line: 7, column: 15, endLine: 7, endColumn: 31, fixes: ["Add input \"key\""] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache@v4
        with:
          path: ~/.npm
          key: KEY
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-java@v4
`,
      errors: [
        { messageId: 'missing', line: 7, column: 15, endLine: 7, endColumn: 36, fixes: ["Add input \"distribution\""] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-java@v4
        with:
          distribution: temurin
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
        with:
          version: 20
`,
      errors: [
        { messageId: 'deprecated', line: 9, column: 11, endLine: 9, endColumn: 18 },
      ],
    },
  ],
});
