import rule from '../../../../engine/rules/actions/github-env-injection';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "MODE=strict" >> "$GITHUB_ENV"
`,
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "SHA=$(git rev-parse HEAD)" >> "$GITHUB_ENV"
`,
  ],
  invalid: [
    {
      code: `name: CI
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "B=\${{ github.head_ref }}" >> "$GITHUB_ENV"
`,
      errors: [
        { messageId: 'untrusted', line: 7, column: 26, endLine: 7, endColumn: 41 },
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
      - run: |
          echo "R=$(cat result.txt)" >> $GITHUB_ENV
`,
      errors: [
        { messageId: 'privileged', line: 10, column: 38, endLine: 10, endColumn: 52 },
      ],
    },
  ],
});
