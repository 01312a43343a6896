import rule from '../../../../engine/rules/actions/script-injection';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `name: CI
on: issues
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "$TITLE"
      - run: echo \${{ github.sha }} \${{ github.event.issue.number }}
`,
  ],
  invalid: [
    {
      code: `name: CI
on: issues
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "Title \${{ github.event.issue.title }}"
`,
      errors: [
        { messageId: 'injection', line: 7, column: 30, endLine: 7, endColumn: 54, fixes: ["Pass github.event.issue.title through env: ISSUE_TITLE"] },
      ],
      output: `name: CI
on: issues
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "Title \${ISSUE_TITLE}"
        env:
          ISSUE_TITLE: "\${{ github.event.issue.title }}"
`,
    },
    {
      code: `name: CI
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: branch
        env:
          A: b
        run: |
          git checkout \${{ github.head_ref }}
`,
      errors: [
        { messageId: 'injection', line: 11, column: 28, endLine: 11, endColumn: 43, fixes: ["Pass github.head_ref through env: HEAD_REF"] },
      ],
      output: `name: CI
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: branch
        env:
          A: b
          HEAD_REF: "\${{ github.head_ref }}"
        run: |
          git checkout "\${HEAD_REF}"
`,
    },
    {
      code: `name: CI
on: issue_comment
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: console.log(\${{ github.event.comment.body }})
`,
      errors: [
        { messageId: 'injection', line: 9, column: 35, endLine: 9, endColumn: 60, fixes: ["Pass github.event.comment.body through env: COMMENT_BODY"] },
      ],
      output: `name: CI
on: issue_comment
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: console.log(process.env.COMMENT_BODY)
        env:
          COMMENT_BODY: "\${{ github.event.comment.body }}"
`,
    },
    {
      name: 'no fix inside a JS string',
      code: `name: CI
on: issue_comment
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: console.log("\${{ github.event.comment.body }}")
`,
      errors: [
        { messageId: 'injection', line: 9, column: 36, endLine: 9, endColumn: 61 },
      ],
      output: null,
    },
    {
      code: `name: CI
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - shell: pwsh
        run: Write-Host "\${{ github.event.pull_request.title }}"
`,
      errors: [
        { messageId: 'injection', line: 8, column: 30, endLine: 8, endColumn: 61, fixes: ["Pass github.event.pull_request.title through env: PULL_REQUEST_TITLE"] },
      ],
      output: `name: CI
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - shell: pwsh
        run: Write-Host "$env:PULL_REQUEST_TITLE"
        env:
          PULL_REQUEST_TITLE: "\${{ github.event.pull_request.title }}"
`,
    },
    {
      name: 'no fix for a computed expression',
      code: `name: CI
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title || 'none' }}"
`,
      errors: [
        { messageId: 'injection', line: 7, column: 24, endLine: 7, endColumn: 55 },
      ],
      output: null,
    },
  ],
});
