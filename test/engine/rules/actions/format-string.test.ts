import rule from '../../../../engine/rules/actions/format-string';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ format('{0}-{1} {{x}}', a.b, c.d) }}
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
      - run: echo \${{ format('{0}-{1}', github.sha) }} \${{ format('{0}', github.sha, github.ref) }} \${{ format('{0', github.sha) }}
`,
      errors: [
        { messageId: 'missingArg', line: 7, column: 23, endLine: 7, endColumn: 52 },
        { messageId: 'unusedArg', line: 7, column: 60, endLine: 7, endColumn: 97 },
        { messageId: 'invalid', line: 7, column: 105, endLine: 7, endColumn: 129 },
      ],
    },
  ],
});
