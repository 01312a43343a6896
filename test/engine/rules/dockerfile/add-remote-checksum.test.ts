import rule from '../../../../engine/rules/dockerfile/add-remote-checksum';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tar.gz /tmp/`,
    `FROM alpine:3.20
ADD https://github.com/org/repo.git#v1.2.3 /src
ADD https://github.com/org/repo.git#0123456789abcdef0123456789abcdef01234567 /src2`,
    `FROM alpine:3.20
ARG REF=v1
ADD https://github.com/org/repo.git#$REF /src
ADD app /app`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
ADD https://example.com/app.tar.gz /tmp/`,
      errors: [{ messageId: 'url', line: 2, column: 5, endLine: 2, endColumn: 35 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
ADD https://github.com/org/repo.git /src`,
      errors: [{ messageId: 'git', line: 2, column: 5, endLine: 2, endColumn: 36 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
ADD git@github.com:org/repo.git#main /src`,
      errors: [{ messageId: 'git', line: 2, column: 5, endLine: 2, endColumn: 37 }],
      output: null,
    },
  ],
});
