import rule from '../../../../engine/rules/dockerfile/no-sudo';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update`,
    `FROM debian:12
RUN echo sudo
RUN apt-get install -y sudo`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN sudo apt-get update && sudo -E apt-get install -y curl`,
      errors: [
        { messageId: 'sudo', line: 2, column: 5, endLine: 2, endColumn: 9 },
        { messageId: 'sudo', line: 2, column: 28, endLine: 2, endColumn: 32 },
      ],
      output: `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
    },
    {
      code: `FROM debian:12
RUN sudo -u app make install`,
      errors: [{ messageId: 'sudo', line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      code: `FROM debian:12
USER app
RUN sudo make install`,
      errors: [{ messageId: 'sudo', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: null,
    },
  ],
});
