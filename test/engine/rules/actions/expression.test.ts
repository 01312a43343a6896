import rule from '../../../../engine/rules/actions/expression';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        run: echo "t=1" >> "$GITHUB_OUTPUT"
      - run: echo \${{ steps.meta.outputs.t }} \${{ toJSON(github.event) }}
      - if: success() && github.ref == 'refs/heads/main'
        run: echo ok
`,
    `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo
  b:
    needs: a
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest]
    steps:
      - run: echo \${{ needs.a.result }} \${{ matrix.os }}
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
      - id: meta
        run: echo
      - run: echo \${{ steps.mta.outputs.t }}
`,
      errors: [
        { messageId: 'unknownStep', line: 9, column: 29, endLine: 9, endColumn: 32, fixes: ["Change to \"meta\""] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        run: echo
      - run: echo \${{ steps.meta.outputs.t }}
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.sha }
`,
      errors: [
        { messageId: 'syntax', line: 7, column: 19, endLine: 7, endColumn: 35 },
      ],
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ gihub.sha }} \${{ startswith(github.ref, 'v') }} \${{ fromJsn('[]') }}
`,
      errors: [
        { messageId: 'unknownContext', line: 7, column: 23, endLine: 7, endColumn: 28, fixes: ["Change to \"github\""] },
        { messageId: 'unknownFunction', line: 7, column: 75, endLine: 7, endColumn: 82, fixes: ["Change to \"fromJSON\""] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.sha }} \${{ startswith(github.ref, 'v') }} \${{ fromJSON('[]') }}
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - if: \${{ secrets.TOKEN != '' }}
        run: echo
`,
      errors: [
        { messageId: 'unavailable', line: 7, column: 17, endLine: 7, endColumn: 24 },
      ],
    },
    {
      code: `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo
  b:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ needs.a.result }} \${{ matrix.os }}
`,
      errors: [
        { messageId: 'unknownNeed', line: 10, column: 29, endLine: 10, endColumn: 30 },
        { messageId: 'noMatrix', line: 10, column: 45, endLine: 10, endColumn: 54 },
      ],
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - if: github.ref == 'x' &&
        run: echo
`,
      errors: [
        { messageId: 'syntax', line: 7, column: 31, endLine: 7, endColumn: 33 },
      ],
    },
  ],
});
