import rule from '../../../../engine/rules/actions/deprecated-commands';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "v=1" >> "$GITHUB_OUTPUT"
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
      - id: v
        run: echo "::set-output name=version::1.2.3"
`,
      errors: [
        { messageId: 'deprecated', line: 8, column: 20, endLine: 8, endColumn: 32, fixes: ["Write to $GITHUB_OUTPUT"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - id: v
        run: echo "version=1.2.3" >> "$GITHUB_OUTPUT"
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "::add-path::/opt/bin"
          echo ::save-state name=pid::42
        env:
          ACTIONS_ALLOW_UNSECURE_COMMANDS: true
`,
      errors: [
        { messageId: 'deprecated', line: 8, column: 17, endLine: 8, endColumn: 27 },
        { messageId: 'deprecated', line: 9, column: 16, endLine: 9, endColumn: 28, fixes: ["Write to $GITHUB_STATE"] },
        { messageId: 'unsecure', line: 11, column: 11, endLine: 11, endColumn: 42 },
      ],
    },
  ],
});
