import rule from '../../../../engine/rules/actions/runner-labels';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: x
`,
    `on: push
jobs:
  a:
    runs-on: [self-hosted, linux, ubuntu-lastest]
    steps: [{ run: x }]
  b:
    runs-on: ubuntu-26.04
    steps: [{ run: x }]
`,
    { code: `on: push
jobs:
  a:
    runs-on: ubuntu-latest-64core
    steps: [{ run: x }]
`, options: {"selfHostedRunnerLabels":["ubuntu-latest-64core"]} },
  ],
  invalid: [
    {
      code: `on: push
jobs:
  a:
    runs-on: ubuntu-20.04
    steps: [{ run: x }]
  b:
    runs-on: [ubuntu-lastest]
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'retired', line: 4, column: 14, endLine: 4, endColumn: 26, fixes: ["Use ubuntu-latest"] },
        { messageId: 'unknownDid', line: 7, column: 15, endLine: 7, endColumn: 29, fixes: ["Use ubuntu-latest"] },
      ],
      output: `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
  b:
    runs-on: [ubuntu-latest]
    steps: [{ run: x }]
`,
    },
  ],
});
