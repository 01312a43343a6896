import rule from '../../../../engine/rules/dockerfile/no-secret-files-copied';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
COPY .env.example /app/
COPY ca.pem /usr/local/share/ca-certificates/ca.crt`,
    `FROM alpine:3.20
COPY package.json key.txt ./
COPY <<EOF /app/.env
A=1
EOF`,
    `FROM alpine:3.20
ADD https://example.com/.env /tmp/`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
COPY .env /app/`,
      errors: [{ messageId: 'secretFile', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
COPY ./certs/server.key certs/tls-key.pem /etc/ssl/`,
      errors: [
        { messageId: 'secretFile', line: 2, column: 6, endLine: 2, endColumn: 24 },
        { messageId: 'secretFile', line: 2, column: 25, endLine: 2, endColumn: 42 },
      ],
      output: null,
    },
    {
      code: `FROM alpine:3.20
ADD id_rsa /root/.ssh/id_rsa`,
      errors: [{ messageId: 'secretFile', line: 2, column: 5, endLine: 2, endColumn: 11 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
COPY --chown=app .aws/credentials .env.production /home/app/`,
      errors: [
        { messageId: 'secretFile', line: 2, column: 18, endLine: 2, endColumn: 34 },
        { messageId: 'secretFile', line: 2, column: 35, endLine: 2, endColumn: 50 },
      ],
      output: null,
    },
  ],
});
