import rule from '../../../../engine/rules/actions/unsound-conditions';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - if: \${{ github.ref == 'refs/heads/main' && success() }}
        run: x
      - if: github.event.pull_request.user.login == 'dependabot[bot]'
        run: y
      - if: contains(fromJSON('["a","b"]'), github.ref_name)
        run: z
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
      - if: \${{ github.ref == 'refs/heads/main' }} && \${{ success() }}
        run: x
`,
      errors: [
        { messageId: 'alwaysTrue', line: 7, column: 13, endLine: 7, endColumn: 71, fixes: ["Put the whole condition inside ${{ }}"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - if: \${{ (github.ref == 'refs/heads/main') && (success()) }}
        run: x
`,
    },
    {
      name: 'trailing space in quotes',
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - if: "\${{ success() }} "
        run: x
`,
      errors: [
        { messageId: 'alwaysTrue', line: 7, column: 13, endLine: 7, endColumn: 32 },
      ],
      output: null,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - if: github.actor == 'dependabot[bot]'
        run: x
`,
      errors: [
        { messageId: 'bot', line: 7, column: 13, endLine: 7, endColumn: 46 },
      ],
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - if: contains('refs/heads/main refs/heads/dev', github.ref)
        run: x
`,
      errors: [
        { messageId: 'contains', line: 7, column: 13, endLine: 7, endColumn: 67 },
      ],
    },
  ],
});
