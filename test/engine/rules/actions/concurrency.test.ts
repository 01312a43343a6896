import rule from '../../../../engine/rules/actions/concurrency';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on: push
concurrency: deploy
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`,
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`,
  ],
  invalid: [
    {
      code: `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`,
      errors: [
        { messageId: 'missing', line: 3, column: 3, endLine: 3, endColumn: 9, fixes: ["Add a concurrency group for deployments"] },
      ],
      output: `on: push
concurrency:
  group: "deploy-\${{ github.workflow }}-\${{ github.ref }}"
  cancel-in-progress: false
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`,
    },
    {
      code: `on: push
concurrency:
  group: ci
jobs:
  test:
    runs-on: ubuntu-latest
    concurrency: ci
    steps:
      - run: make
`,
      errors: [
        { messageId: 'deadlock', line: 7, column: 18, endLine: 7, endColumn: 20 },
      ],
    },
  ],
});
