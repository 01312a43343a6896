import rule from '../../../../engine/rules/actions/typosquat';
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
      - uses: my-org/checkout@v1
      - uses: github/codeql-action/init@v3
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
      - uses: actons/checkout@v4
      - uses: "docker/build-push-acton@v6"
`,
      errors: [
        { messageId: 'typo', line: 7, column: 15, endLine: 7, endColumn: 30, fixes: ["Change to actions/checkout"] },
        { messageId: 'typo', line: 8, column: 16, endLine: 8, endColumn: 39, fixes: ["Change to docker/build-push-action"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: "docker/build-push-action@v6"
`,
    },
  ],
});
