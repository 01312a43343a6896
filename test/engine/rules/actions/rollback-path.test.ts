import rule from '../../../../engine/rules/actions/rollback-path';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on:
  workflow_dispatch:
    inputs:
      version:
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`,
    `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install --atomic api ./chart
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
        { messageId: 'none', line: 3, column: 3, endLine: 3, endColumn: 9 },
      ],
    },
  ],
});
