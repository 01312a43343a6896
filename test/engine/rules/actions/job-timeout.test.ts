import rule from '../../../../engine/rules/actions/job-timeout';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - run: make
`,
    `on: push
jobs:
  call:
    uses: ./.github/workflows/r.yml
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
        { messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 8, fixes: ["Add timeout-minutes"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - run: make
`,
    },
    {
      name: 'flow map',
      code: `on: push
jobs:
  a: { runs-on: ubuntu-latest, steps: [{ run: make }] }
`,
      errors: [
        { messageId: 'missing', line: 3, column: 3, endLine: 3, endColumn: 4, fixes: ["Add timeout-minutes"] },
      ],
      output: `on: push
jobs:
  a: { runs-on: ubuntu-latest, steps: [{ run: make }], timeout-minutes: 30 }
`,
    },
  ],
});
