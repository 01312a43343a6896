import rule from '../../../../engine/rules/actions/dangerous-triggers';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make
`,
    `name: CI
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
`,
  ],
  invalid: [
    {
      code: `name: CI
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci
`,
      errors: [
        { messageId: 'checkout', line: 9, column: 16, endLine: 9, endColumn: 57 },
      ],
    },
    {
      code: `name: CI
on:
  workflow_run:
    workflows: [CI]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: gh pr checkout \${{ github.event.workflow_run.pull_requests[0].number }}
`,
      errors: [
        { messageId: 'checkout', line: 9, column: 14, endLine: 9, endColumn: 28 },
      ],
    },
  ],
});
