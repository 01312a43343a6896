import rule from '../../../../engine/rules/actions/no-cache-in-release';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
        with:
          cache: npm
`,
    `name: CI
on:
  release:
    types: [published]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-go@v5
        with:
          cache: false
`,
  ],
  invalid: [
    {
      code: `name: CI
on:
  push:
    tags: ["v*"]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm publish
`,
      errors: [
        { messageId: 'cache', line: 12, column: 11, endLine: 12, endColumn: 16, fixes: ["Remove the cache input"] },
      ],
      output: `name: CI
on:
  push:
    tags: ["v*"]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm publish
`,
    },
    {
      code: `name: CI
on:
  release:
    types: [published]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache@v4
        with:
          path: x
          key: y
      - uses: actions/setup-go@v5
`,
      errors: [
        { messageId: 'cache', line: 9, column: 15, endLine: 9, endColumn: 31 },
        { messageId: 'cache', line: 13, column: 15, endLine: 13, endColumn: 34 },
      ],
    },
  ],
});
