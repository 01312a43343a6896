import rule from '../../../../engine/rules/dockerfile/no-ssh-port';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
EXPOSE 2222 8022`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
EXPOSE 22
CMD ["sshd"]`,
      errors: [{ messageId: 'ssh', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      output: `FROM alpine:3.20
CMD ["sshd"]`,
    },
    {
      code: `FROM alpine:3.20
EXPOSE 80 22/tcp`,
      errors: [{ messageId: 'ssh', line: 2, column: 11, endLine: 2, endColumn: 17 }],
      output: `FROM alpine:3.20
EXPOSE 80`,
    },
    {
      code: `FROM alpine:3.20
EXPOSE 22 80`,
      errors: [{ messageId: 'ssh', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      output: `FROM alpine:3.20
EXPOSE 80`,
    },
  ],
});
