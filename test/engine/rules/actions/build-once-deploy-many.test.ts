import rule from '../../../../engine/rules/actions/build-once-deploy-many';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: kubectl set image deploy/app app=app:1
`,
  ],
  invalid: [
    {
      code: `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
      - run: kubectl set image deploy/app app=app:1
`,
      errors: [
        { messageId: 'rebuild', line: 11, column: 14, endLine: 11, endColumn: 35 },
      ],
    },
    {
      code: `on: push
jobs:
  deploy-staging:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
  deploy-prod:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
`,
      errors: [
        { messageId: 'rebuild', line: 6, column: 15, endLine: 6, endColumn: 42 },
        { messageId: 'rebuild', line: 10, column: 15, endLine: 10, endColumn: 42 },
      ],
    },
  ],
});
