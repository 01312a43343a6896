import rule from '../../../../engine/rules/actions/pin-actions';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83 # v6
      - uses: ./local
      - uses: docker://alpine:3.20
`,
    { code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: my-org/x@v1
`, options: {"trustedOwners":["my-org"]} },
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
`,
      errors: [
        { messageId: 'unpinned', line: 7, column: 40, endLine: 7, endColumn: 42, fixes: ["Pin to the commit SHA of v6 (look it up, then fill it in)"] },
      ],
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: "my-org/x@main" # keep
`,
      errors: [
        { messageId: 'unpinned', line: 7, column: 25, endLine: 7, endColumn: 29, fixes: ["Pin to the commit SHA of main (look it up, then fill it in)"] },
      ],
    },
    {
      code: `on: push
jobs:
  call:
    uses: my-org/wf/.github/workflows/deploy.yml@v2
`,
      errors: [
        { messageId: 'unpinned', line: 4, column: 50, endLine: 4, endColumn: 52, fixes: ["Pin to the commit SHA of v2 (look it up, then fill it in)"] },
      ],
    },
  ],
});
