import rule from '../../../../engine/rules/actions/shell-name';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
defaults:
  run:
    shell: pwsh
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - shell: bash
        run: x
      - shell: bash -e {0}
        run: y
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
      - shell: bassh
        run: x
`,
      errors: [
        { messageId: 'unknownDid', line: 7, column: 16, endLine: 7, endColumn: 21, fixes: ["Use bash"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - shell: bash
        run: x
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - shell: fish
        run: y
`,
      errors: [
        { messageId: 'unknown', line: 7, column: 16, endLine: 7, endColumn: 20 },
      ],
    },
  ],
});
