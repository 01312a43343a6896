import rule from '../../../../engine/rules/actions/prod-deploy-environment';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `on: push
jobs:
  deploy-staging:
    runs-on: ubuntu-latest
    environment: staging
    steps:
      - run: kubectl apply -f k8s/
  deploy-prod:
    needs: deploy-staging
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: kubectl apply -f k8s/
`,
  ],
  invalid: [
    {
      code: `on: push
jobs:
  deploy-production:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`,
      errors: [
        { messageId: 'noEnvironment', line: 3, column: 3, endLine: 3, endColumn: 20, fixes: ["Add environment: production"] },
      ],
      output: `on: push
jobs:
  deploy-production:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: kubectl apply -f k8s/
`,
    },
    {
      code: `on: push
jobs:
  deploy-staging:
    runs-on: ubuntu-latest
    environment: staging
    steps:
      - run: kubectl apply -f k8s/
  deploy-prod:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: kubectl apply -f k8s/
`,
      errors: [
        { messageId: 'order', line: 8, column: 3, endLine: 8, endColumn: 14 },
      ],
    },
  ],
});
