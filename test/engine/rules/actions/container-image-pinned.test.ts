import rule from '../../../../engine/rules/actions/container-image-pinned';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container: node:22-bookworm
    services:
      db:
        image: postgres@sha256:0123456789012345678901234567890123456789012345678901234567890123
    steps:
      - uses: docker://alpine:3.20
`,
  ],
  invalid: [
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container:
      image: "node:latest"
    services:
      db:
        image: postgres
    steps:
      - uses: docker://alpine
`,
      errors: [
        { messageId: 'latest', line: 7, column: 20, endLine: 7, endColumn: 26, fixes: ["Pin node to a version…"] },
        { messageId: 'untagged', line: 10, column: 16, endLine: 10, endColumn: 24, fixes: ["Pin postgres to a version…"] },
        { messageId: 'untagged', line: 12, column: 24, endLine: 12, endColumn: 30, fixes: ["Pin alpine to a version…"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container:
      image: "node:VERSION"
    services:
      db:
        image: postgres:VERSION
    steps:
      - uses: docker://alpine:VERSION
`,
    },
  ],
});
