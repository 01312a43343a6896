import rule from '../../../../engine/rules/actions/outdated-or-vulnerable-action';
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
      - uses: actions/upload-artifact@v4.3.1
      - uses: actions/cache@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9
      - uses: some/other@v1
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
      - uses: actions/checkout@v3
`,
      errors: [
        { messageId: 'outdated', line: 7, column: 32, endLine: 7, endColumn: 34, fixes: ["Update to v4"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/upload-artifact@v3.1.2
`,
      errors: [
        { messageId: 'outdated', line: 7, column: 39, endLine: 7, endColumn: 45 },
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
      - uses: tj-actions/changed-files@v44
`,
      errors: [
        { messageId: 'vulnerable', line: 7, column: 40, endLine: 7, endColumn: 43, fixes: ["Update to v46"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: tj-actions/changed-files@v46
`,
    },
  ],
});
