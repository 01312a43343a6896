import rule from '../../../../engine/rules/actions/pin-ref-consistency';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4
      - uses: actions/setup-node@v4
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
      - uses: actions/checkout@b4ffde6
      - uses: my-org/tool@main
`,
      errors: [
        { messageId: 'shortSha', line: 7, column: 32, endLine: 7, endColumn: 39 },
        { messageId: 'branch', line: 8, column: 27, endLine: 8, endColumn: 31 },
      ],
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.2.0
`,
      errors: [
        { messageId: 'mismatch', line: 7, column: 75, endLine: 7, endColumn: 81 },
        { messageId: 'mismatch', line: 8, column: 75, endLine: 8, endColumn: 81 },
      ],
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
      - uses: actions/checkout@a5ac7e51b41094c92402da3b24376905380afc29 # v4.1.1
`,
      errors: [
        { messageId: 'sameComment', line: 7, column: 32, endLine: 7, endColumn: 72 },
        { messageId: 'sameComment', line: 8, column: 32, endLine: 8, endColumn: 72 },
      ],
    },
  ],
});
