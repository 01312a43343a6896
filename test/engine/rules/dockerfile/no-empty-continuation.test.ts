import rule from '../../../../engine/rules/dockerfile/no-empty-continuation';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
RUN apk add \\
    # a comment
    curl`,
    `FROM alpine:3.20
RUN <<EOF
echo a

echo b
EOF`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
RUN apk add \\

    curl`,
      errors: [{ messageId: 'empty', line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: `FROM alpine:3.20
RUN apk add \\
    curl`,
    },
    {
      code: `FROM alpine:3.20
RUN apk add \\
    curl \\
   

    wget`,
      errors: [
        { messageId: 'empty', line: 4, column: 1, endLine: 4, endColumn: 4 },
        { messageId: 'empty', line: 5, column: 1, endLine: 5, endColumn: 1 },
      ],
      output: `FROM alpine:3.20
RUN apk add \\
    curl \\
    wget`,
    },
  ],
});
