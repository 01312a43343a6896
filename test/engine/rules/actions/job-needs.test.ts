import rule from '../../../../engine/rules/actions/job-needs';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
  b:
    needs: [a]
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
  ],
  invalid: [
    {
      code: `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
  deploy:
    needs: [biuld]
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'unknownDid', line: 7, column: 13, endLine: 7, endColumn: 18, fixes: ["Change to \"build\""] },
      ],
      output: `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
  deploy:
    needs: [build]
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
    },
    {
      code: `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
  deploy:
    needs: [deploy, build, build, nothing]
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'self', line: 7, column: 13, endLine: 7, endColumn: 19 },
        { messageId: 'duplicate', line: 7, column: 28, endLine: 7, endColumn: 33 },
        { messageId: 'unknown', line: 7, column: 35, endLine: 7, endColumn: 42 },
      ],
    },
    {
      code: `on: push
jobs:
  a:
    needs: b
    runs-on: ubuntu-latest
    steps: [{ run: x }]
  b:
    needs: a
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'cycle', line: 8, column: 12, endLine: 8, endColumn: 13 },
      ],
    },
  ],
});
