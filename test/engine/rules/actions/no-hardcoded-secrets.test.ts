import rule from '../../../../engine/rules/actions/no-hardcoded-secrets';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
        env:
          API_TOKEN: \${{ secrets.API_TOKEN }}
          PASSWORD_FILE: /run/secrets/pw
          TOKEN_TTL: 3600
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
      - run: make
        env:
          API_TOKEN: abcd1234efgh5678
`,
      errors: [
        { messageId: 'secret', line: 9, column: 22, endLine: 9, endColumn: 38, fixes: ["Read API_TOKEN from secrets.API_TOKEN"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
        env:
          API_TOKEN: "\${{ secrets.API_TOKEN }}"
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: some/action@v1
        with:
          token: ghp_0123456789abcdefghijABCDEFGHIJ012345
`,
      errors: [
        { messageId: 'secret', line: 9, column: 18, endLine: 9, endColumn: 58, fixes: ["Read token from secrets.TOKEN"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: some/action@v1
        with:
          token: "\${{ secrets.TOKEN }}"
`,
    },
    {
      code: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/acme/ci:1
      credentials:
        username: bot
        password: hunter2-long
    steps:
      - run: make
`,
      errors: [
        { messageId: 'secret', line: 10, column: 19, endLine: 10, endColumn: 31, fixes: ["Read password from secrets.PASSWORD"] },
      ],
      output: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/acme/ci:1
      credentials:
        username: bot
        password: "\${{ secrets.PASSWORD }}"
    steps:
      - run: make
`,
    },
  ],
});
