import rule from '../../../../engine/rules/dockerfile/useradd-no-log-init';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN useradd -u 1000 app`,
    `FROM debian:12
RUN useradd -l -u 1000001 app && useradd --no-log-init --uid 2000000 b`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN useradd -u 1000001 app`,
      errors: [{ messageId: 'logInit', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: `FROM debian:12
RUN useradd -l -u 1000001 app`,
    },
    {
      code: `FROM debian:12
RUN groupadd -g 123456 g && useradd --uid=123456 -g g u`,
      errors: [{ messageId: 'logInit', line: 2, column: 29, endLine: 2, endColumn: 36 }],
      output: `FROM debian:12
RUN groupadd -g 123456 g && useradd -l --uid=123456 -g g u`,
    },
  ],
});
