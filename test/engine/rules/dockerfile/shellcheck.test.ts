import rule from '../../../../engine/rules/dockerfile/shellcheck';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN cd /src && make; cd /other || exit; make`,
    `FROM debian:12
RUN set -e; cd /src; make`,
    `FROM debian:12
RUN rm -rf "$DIR"/* /tmp/$NAME.tgz && cp "$A" /b`,
    `FROM debian:12
RUN [ "$X" = y ] && test -n "$Y"`,
    `FROM alpine:3.20
RUN [[ -f x ]] && source /etc/profile`,
    `FROM debian:12
SHELL ["/bin/bash", "-c"]
RUN [[ -f x ]] && source /etc/profile`,
    `FROM debian:12
RUN <<EOF bash
[[ -f x ]] && echo ok
EOF`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN cd /src; make`,
      errors: [{ messageId: 'SC2164', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: `FROM debian:12
RUN cd /src || exit; make`,
    },
    {
      code: `FROM debian:12
RUN rm -rf $BUILD_DIR/ && cp \${SRC} /dst`,
      errors: [
        { messageId: 'SC2086', line: 2, column: 12, endLine: 2, endColumn: 23 },
        { messageId: 'SC2086', line: 2, column: 30, endLine: 2, endColumn: 36 },
      ],
      output: `FROM debian:12
RUN rm -rf "$BUILD_DIR"/ && cp "\${SRC}" /dst`,
    },
    {
      code: `FROM debian:12
RUN [ $MODE = prod ] && echo prod`,
      errors: [{ messageId: 'SC2086test', line: 2, column: 7, endLine: 2, endColumn: 12 }],
      output: `FROM debian:12
RUN [ "$MODE" = prod ] && echo prod`,
    },
    {
      code: `FROM debian:12
RUN cat /etc/os-release | grep VERSION`,
      errors: [{ messageId: 'SC2002', line: 2, column: 5, endLine: 2, endColumn: 24 }],
      output: null,
    },
    {
      code: `FROM debian:12
RUN [[ -f /x ]] && echo ok`,
      errors: [{ messageId: 'SC3010', line: 2, column: 5, endLine: 2, endColumn: 7 }],
      output: null,
    },
    {
      code: `FROM python:3.12
RUN python -m venv /venv && source /venv/bin/activate && pip install flask`,
      errors: [{ messageId: 'SC3046', line: 2, column: 29, endLine: 2, endColumn: 35 }],
      output: `FROM python:3.12
RUN python -m venv /venv && . /venv/bin/activate && pip install flask`,
    },
    {
      code: `FROM ubuntu:24.04
RUN echo -e "a\\tb" > /x`,
      errors: [{ messageId: 'SC3037', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});
