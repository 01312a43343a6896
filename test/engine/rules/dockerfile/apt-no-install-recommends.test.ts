import rule from '../../../../engine/rules/dockerfile/apt-no-install-recommends';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl`,
    `FROM debian:12
RUN apt-get -o APT::Install-Recommends=false install -y curl`,
    `FROM debian:12
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norec
RUN apt-get install -y curl`,
    `FROM debian:12
RUN apt-get update
RUN apt-get remove -y curl`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
      errors: [{ messageId: 'recommends', line: 2, column: 23, endLine: 2, endColumn: 38 }],
      output: `FROM debian:12
RUN apt-get update && apt-get install --no-install-recommends -y curl`,
    },
    {
      code: `FROM debian:12
RUN apt-get -y install \\
      curl \\
    && rm -rf /var/lib/apt/lists/*`,
      errors: [{ messageId: 'recommends', line: 2, column: 5, endLine: 2, endColumn: 23 }],
      output: `FROM debian:12
RUN apt-get -y install --no-install-recommends \\
      curl \\
    && rm -rf /var/lib/apt/lists/*`,
    },
    {
      code: `FROM ubuntu:24.04
RUN <<EOF
apt-get update
apt-get install -y curl
EOF`,
      errors: [{ messageId: 'recommends', line: 4, column: 1, endLine: 4, endColumn: 16 }],
      output: `FROM ubuntu:24.04
RUN <<EOF
apt-get update
apt-get install --no-install-recommends -y curl
EOF`,
    },
  ],
});
