import rule from '../../../../engine/rules/dockerfile/use-apt-get';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-cache policy curl`,
    `FROM debian:12
RUN echo apt`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt update && apt install -y curl`,
      errors: [
        { messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: 'apt', line: 2, column: 19, endLine: 2, endColumn: 22 },
      ],
      output: `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
    },
    {
      code: `FROM debian:12
RUN apt full-upgrade -y`,
      errors: [{ messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 8 }],
      output: null,
    },
  ],
});
