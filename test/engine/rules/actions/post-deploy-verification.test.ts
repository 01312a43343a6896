import rule from '../../../../engine/rules/actions/post-deploy-verification';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
      - run: kubectl rollout status deploy/api
`,
    `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
  smoke:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - run: curl -f https://x/health
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
        { messageId: 'noCheck', line: 3, column: 3, endLine: 3, endColumn: 9, fixes: ["Add a smoke-test step after the deployment"] },
      ],
      output: `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
      - name: Smoke test
        run: curl --fail --silent --show-error --retry 10 --retry-delay 6 --retry-all-errors https://example.com/health
`,
    },
    {
      name: 'no final newline',
      code: `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install api ./chart`,
      errors: [
        { messageId: 'noCheck', line: 3, column: 3, endLine: 3, endColumn: 9, fixes: ["Add a smoke-test step after the deployment"] },
      ],
      output: `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install api ./chart
      - name: Smoke test
        run: curl --fail --silent --show-error --retry 10 --retry-delay 6 --retry-all-errors https://example.com/health`,
    },
  ],
});
