import rule from '../../../../engine/rules/dockerfile/prefer-copy-over-add';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
ADD https://example.com/app.tar.gz /tmp/`,
    `FROM alpine:3.20
ADD rootfs.tar.xz /`,
    `FROM alpine:3.20
ADD git@github.com:org/repo.git /src`,
    `FROM alpine:3.20
COPY app /app
ADD <<EOF /etc/x
hi
EOF`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
ADD app /app`,
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: `FROM alpine:3.20
COPY app /app`,
    },
    {
      code: `FROM alpine:3.20
add ["a.txt", "b.txt", "/dst/"]`,
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: `FROM alpine:3.20
copy ["a.txt", "b.txt", "/dst/"]`,
    },
    {
      code: `FROM alpine:3.20
ADD --chown=app:app config/ /etc/app/`,
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: `FROM alpine:3.20
COPY --chown=app:app config/ /etc/app/`,
    },
  ],
});
