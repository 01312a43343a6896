import rule from '../../../../engine/rules/actions/pipeline-order';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
  deploy:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
  smoke-test:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - run: curl -f https://x
`,
  ],
  invalid: [
    {
      code: `on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: make lint
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install api ./chart
`,
      errors: [
        { messageId: 'notWaiting', line: 11, column: 3, endLine: 11, endColumn: 9, fixes: ["Make \"deploy\" need lint, test"] },
      ],
      output: `on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: make lint
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
  deploy:
    runs-on: ubuntu-latest
    needs:
      - lint
      - test
    steps:
      - run: helm upgrade --install api ./chart
`,
    },
    {
      code: `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
  scan:
    runs-on: ubuntu-latest
    steps:
      - run: trivy fs .
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`,
      errors: [
        { messageId: 'notWaiting', line: 11, column: 3, endLine: 11, endColumn: 9, fixes: ["Make \"deploy\" need scan"] },
      ],
      output: `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
  scan:
    runs-on: ubuntu-latest
    steps:
      - run: trivy fs .
  deploy:
    needs:
      - build
      - scan
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`,
    },
  ],
});
