import rule from '../../../../engine/rules/dockerfile/no-chpasswd';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN useradd -m app`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN echo "root:secret" | chpasswd`,
      errors: [{ messageId: 'chpasswd', line: 2, column: 26, endLine: 2, endColumn: 34 }],
      output: null,
    },
  ],
});
