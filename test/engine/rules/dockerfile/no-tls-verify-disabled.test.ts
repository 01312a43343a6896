import rule from '../../../../engine/rules/dockerfile/no-tls-verify-disabled';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
RUN curl -fsSL https://example.com/x -o x && wget -q https://example.com/y`,
    `FROM alpine:3.20
RUN wget -k https://example.com/page
ENV NODE_TLS_REJECT_UNAUTHORIZED=1`,
    `FROM alpine:3.20
RUN curl -o k.txt https://example.com/k
RUN curl -Hk https://example.com`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
RUN curl -k https://example.com/x | tar x`,
      errors: [{ messageId: 'flag', line: 2, column: 10, endLine: 2, endColumn: 12 }],
      output: `FROM alpine:3.20
RUN curl https://example.com/x | tar x`,
    },
    {
      code: `FROM alpine:3.20
RUN curl -fsSLk https://example.com/x -o x`,
      errors: [{ messageId: 'flag', line: 2, column: 10, endLine: 2, endColumn: 16 }],
      output: `FROM alpine:3.20
RUN curl -fsSL https://example.com/x -o x`,
    },
    {
      code: `FROM alpine:3.20
RUN wget --no-check-certificate https://example.com/x`,
      errors: [{ messageId: 'flag', line: 2, column: 10, endLine: 2, endColumn: 32 }],
      output: `FROM alpine:3.20
RUN wget https://example.com/x`,
    },
    {
      code: `FROM python:3.12-slim
RUN pip install --trusted-host pypi.example.com -r requirements.txt`,
      errors: [{ messageId: 'flag', line: 2, column: 17, endLine: 2, endColumn: 48 }],
      output: `FROM python:3.12-slim
RUN pip install -r requirements.txt`,
    },
    {
      code: `FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=0`,
      errors: [{ messageId: 'env', line: 2, column: 5, endLine: 2, endColumn: 35 }],
      output: `FROM node:22
`,
    },
    {
      code: `FROM node:22
ENV A=1 NODE_TLS_REJECT_UNAUTHORIZED=0`,
      errors: [{ messageId: 'env', line: 2, column: 9, endLine: 2, endColumn: 39 }],
      output: `FROM node:22
ENV A=1`,
    },
    {
      code: `FROM node:22
RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`,
      errors: [{ messageId: 'env', line: 2, column: 5, endLine: 2, endColumn: 35 }],
      output: `FROM node:22
RUN npm ci`,
    },
    {
      code: `FROM node:22
RUN npm config set strict-ssl false`,
      errors: [{ messageId: 'config', line: 2, column: 5, endLine: 2, endColumn: 36 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN git -c http.sslVerify=false clone https://example.com/r.git`,
      errors: [{ messageId: 'flag', line: 2, column: 9, endLine: 2, endColumn: 32 }],
      output: `FROM alpine:3.20
RUN git clone https://example.com/r.git`,
    },
    {
      code: `FROM alpine:3.20
RUN git config --global http.sslVerify false`,
      errors: [{ messageId: 'config', line: 2, column: 5, endLine: 2, endColumn: 45 }],
      output: null,
    },
  ],
});
