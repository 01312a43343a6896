import rule from '../../../../engine/rules/dockerfile/use-workdir-not-cd';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
WORKDIR /app
RUN make`,
    `FROM alpine:3.20
RUN git clone https://example.com/r.git && cd r && make`,
    `FROM alpine:3.20
RUN cd /tmp && curl -fsSLO https://example.com/x.tgz`,
    `FROM alpine:3.20
RUN (cd /src && make) && make install`,
    `FROM alpine:3.20
RUN cd "$(mktemp -d)" && make`,
  ],
  invalid: [
    {
      code: `FROM node:22
RUN cd /app && npm ci`,
      errors: [{ messageId: 'cd', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: `FROM node:22
WORKDIR /app
RUN npm ci`,
    },
    {
      code: `FROM node:22
RUN set -eux; cd /app && npm ci; npm run build`,
      errors: [{ messageId: 'cd', line: 2, column: 15, endLine: 2, endColumn: 22 }],
      output: null,
    },
    {
      code: `FROM node:22
WORKDIR /srv
RUN cd /app && npm ci
CMD ["node", "index.js"]`,
      errors: [{ messageId: 'cd', line: 3, column: 5, endLine: 3, endColumn: 12 }],
      output: `FROM node:22
WORKDIR /srv
WORKDIR /app
RUN npm ci
WORKDIR /srv
CMD ["node", "index.js"]`,
    },
    {
      code: `FROM node:22
RUN cd /app && npm ci
CMD ["node", "index.js"]`,
      errors: [{ messageId: 'cd', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});
