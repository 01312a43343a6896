import rule from '../../../../engine/rules/dockerfile/no-pointless-commands';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get install -y vim openssh-client && ssh-keyscan github.com >> /etc/ssh/known_hosts && vim --version`,
    // Names of Object.prototype are commands like any other, not entries of the table.
    `FROM debian:12
RUN constructor && toString && hasOwnProperty x`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN shutdown -h now`,
      errors: [{ messageId: 'pointless', line: 2, column: 5, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      code: `FROM debian:12
RUN free -m && top -b -n1`,
      errors: [
        { messageId: 'pointless', line: 2, column: 5, endLine: 2, endColumn: 9 },
        { messageId: 'pointless', line: 2, column: 16, endLine: 2, endColumn: 19 },
      ],
      output: null,
    },
  ],
});
