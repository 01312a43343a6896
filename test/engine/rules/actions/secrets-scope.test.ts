import rule from '../../../../engine/rules/actions/secrets-scope';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on: push
jobs:
  call:
    uses: o/r/.github/workflows/d.yml@v1
    secrets:
      TOKEN: \${{ secrets.TOKEN }}
`,
  ],
  invalid: [
    {
      code: `on: push
jobs:
  call:
    uses: o/r/.github/workflows/d.yml@v1
    secrets: inherit
`,
      errors: [
        { messageId: 'inherit', line: 5, column: 14, endLine: 5, endColumn: 21, fixes: ["Pass secrets explicitly"] },
      ],
      output: `on: push
jobs:
  call:
    uses: o/r/.github/workflows/d.yml@v1
    secrets: 
      SECRET_NAME: \${{ secrets.SECRET_NAME }}
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo '\${{ toJSON(secrets) }}' > s.json
      - run: echo \${{ secrets[format('{0}_TOKEN', matrix.env)] }}
`,
      errors: [
        { messageId: 'dump', line: 7, column: 24, endLine: 7, endColumn: 39 },
        { messageId: 'dynamic', line: 8, column: 23, endLine: 8, endColumn: 63 },
      ],
    },
  ],
});
