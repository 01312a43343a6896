import rule from '../../../../engine/rules/actions/triggers';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on:
  push:
    branches: [main]
  pull_request:
    types: [opened, synchronize]
  schedule:
    - cron: "*/15 * * * 1-5"
  workflow_dispatch:
    inputs:
      env:
        type: choice
        options: [dev, prod]
        default: dev
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
  ],
  invalid: [
    {
      // Names of Object.prototype are not events (the table is looked up by own keys only).
      code: `on:
  constructor:
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [{ messageId: 'unknownEvent', line: 2, column: 3, endLine: 2, endColumn: 14 }],
      output: null,
    },
    {
      code: `on:
  pull-request:
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'unknownEventDid', line: 2, column: 3, endLine: 2, endColumn: 15, fixes: ["Change to \"pull_request\""] },
      ],
      output: `on:
  pull_request:
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
    },
    {
      code: `on:
  push:
    branches: [main]
    branches-ignore: [dev]
  issues:
    types: [open]
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'exclusive', line: 4, column: 5, endLine: 4, endColumn: 20 },
        { messageId: 'unknownType', line: 6, column: 13, endLine: 6, endColumn: 17 },
      ],
    },
    {
      code: `on:
  schedule:
    - cron: "0 25 * * *"
    - cron: "* * * * *"
  workflow_dispatch:
    inputs:
      env:
        type: choice
        default: qa
        options: [dev]
      n:
        type: integer
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: x }]
`,
      errors: [
        { messageId: 'cron', line: 3, column: 13, endLine: 3, endColumn: 25 },
        { messageId: 'cronFrequent', line: 4, column: 13, endLine: 4, endColumn: 24 },
        { messageId: 'choiceDefault', line: 9, column: 18, endLine: 9, endColumn: 20 },
        { messageId: 'inputType', line: 12, column: 15, endLine: 12, endColumn: 22 },
      ],
    },
  ],
});
