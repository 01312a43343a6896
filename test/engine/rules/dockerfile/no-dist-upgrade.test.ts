import rule from '../../../../engine/rules/dockerfile/no-dist-upgrade';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-get upgrade -y`,
    `FROM opensuse/leap:15.6
RUN zypper -n update`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get update && apt-get dist-upgrade -y`,
      errors: [{ messageId: 'distUpgrade', line: 2, column: 23, endLine: 2, endColumn: 43 }],
      output: null,
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper -n dup`,
      errors: [{ messageId: 'distUpgrade', line: 2, column: 5, endLine: 2, endColumn: 18 }],
      output: null,
    },
    {
      code: `FROM debian:12
RUN apt full-upgrade -y`,
      errors: [{ messageId: 'distUpgrade', line: 2, column: 5, endLine: 2, endColumn: 21 }],
      output: null,
    },
  ],
});
