import rule from '../../../../engine/rules/dockerfile/pipefail';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://x | tar xz`,
    `FROM debian:12
RUN set -o pipefail && curl -fsSL https://x | tar xz`,
    `FROM debian:12
RUN set -euxo pipefail; curl -fsSL https://x | tar xz`,
    `FROM debian:12
RUN echo "$SHA  file" | sha256sum -c -`,
    `FROM debian:12
RUN X="$(ls | head -1)" && echo $X`,
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN dir | findstr x`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN curl -fsSL https://x | tar xz`,
      errors: [{ messageId: 'noPipefail', line: 2, column: 5, endLine: 2, endColumn: 34 }],
      output: `FROM debian:12
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://x | tar xz`,
    },
    {
      code: `FROM alpine:3.20
RUN wget -qO- https://x | tar xz && echo done`,
      errors: [{ messageId: 'noPipefail', line: 2, column: 5, endLine: 2, endColumn: 33 }],
      output: `FROM alpine:3.20
SHELL ["/bin/ash", "-o", "pipefail", "-c"]
RUN wget -qO- https://x | tar xz && echo done`,
    },
    {
      code: `FROM debian:12
RUN echo a | tee /tmp/a
RUN curl -fsSL https://x \\
  | tar xz`,
      errors: [{ messageId: 'noPipefail', line: 3, column: 5, endLine: 4, endColumn: 11 }],
      output: `FROM debian:12
RUN echo a | tee /tmp/a
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://x \\
  | tar xz`,
    },
    {
      code: `FROM centos:7
RUN curl -fsSL https://x | tar xz`,
      errors: [{ messageId: 'noPipefail', line: 2, column: 5, endLine: 2, endColumn: 34 }],
      output: null,
    },
  ],
});
