import rule from '../../../../engine/rules/dockerfile/shell-instruction';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
SHELL ["/bin/bash", "-c"]
RUN ln -s /usr/bin/python3 /usr/bin/python`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN ln -sf /bin/bash /bin/sh`,
      errors: [{ messageId: 'relink', line: 2, column: 5, endLine: 2, endColumn: 29 }],
      output: null,
    },
  ],
});
