import rule from '../../../../engine/rules/actions/shellcheck';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "a=1" >> "$GITHUB_OUTPUT"
      - run: echo "a=1" >> \${GITHUB_OUTPUT}x
      - shell: pwsh
        run: echo "a=1" >> $GITHUB_OUTPUT
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
      - run: |
          echo "a=1" >> $GITHUB_OUTPUT
          echo "# Done" >>$GITHUB_STEP_SUMMARY
`,
      errors: [
        { messageId: 'unquotedRedirect', line: 8, column: 25, endLine: 8, endColumn: 39, fixes: ["Quote $GITHUB_OUTPUT"] },
        { messageId: 'unquotedRedirect', line: 9, column: 27, endLine: 9, endColumn: 47, fixes: ["Quote $GITHUB_STEP_SUMMARY"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "a=1" >> "$GITHUB_OUTPUT"
          echo "# Done" >>"$GITHUB_STEP_SUMMARY"
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: 'echo a=1 >> $GITHUB_ENV'
`,
      errors: [
        { messageId: 'unquotedRedirect', line: 7, column: 27, endLine: 7, endColumn: 38 },
      ],
      output: null,
    },
  ],
});
