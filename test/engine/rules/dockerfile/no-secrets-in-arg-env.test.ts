import rule from '../../../../engine/rules/dockerfile/no-secrets-in-arg-env';
import { ruleTester } from '../../rule-tester';

// Token-shaped test values are assembled at run time so that secret scanners do not flag this file.
const GH_TOKEN = ['ghp', 'x7Kq2Vn9Lm4Rt8Yw1Zs5Hb3Jd6Fg0Pc2Ae9Uo'].join('_');
const AWS_KEY_ID = 'AKIA' + 'IOSFODNN7EXAMPLE';
const MOUNT = (id: string, name: string) => `--mount=type=secret,id=${id},env=${name}`;

ruleTester(rule, {
  valid: [
    'FROM node:22\nARG NODE_VERSION=22\nENV NODE_ENV=production',
    { name: 'names that point at a secret', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password \\\n    API_TOKEN_URL=https://auth.example.com/token \\\n    SECRET_NAME=db-credentials' },
    { name: 'descriptions of a secret', code: 'FROM x:1\nARG AUTH_ENABLED=true\nENV PASSWORD_MIN_LENGTH=12 TOKEN_TTL=3600 OAUTH_CLIENT_ID=web' },
    { name: 'usernames and hosts', code: 'FROM x:1\nENV DB_USER=app DB_HOST=db DB_PORT=5432' },
    { name: 'words that only contain a secret word', code: 'FROM x:1\nENV TOKENIZER_MODEL=bpe AUTHOR=jane PASSWORDLESS=1' },
    { name: 'PWD is a directory', code: 'FROM x:1\nENV PWD=/app' },
    { name: 'already a build secret', code: '# syntax=docker/dockerfile:1\nFROM node:22\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci' },
    { name: 'LABEL is not ARG or ENV', code: 'FROM x:1\nLABEL secret-scanning=enabled api_key_docs=https://example.com' },
    { name: 'token-like value that is too short', code: 'FROM x:1\nENV GH=ghp_short' },
    { name: 'CRLF', code: 'FROM x:1\r\nENV APP_ENV=prod\r\n' },
  ],
  invalid: [
    {
      name: 'ARG token read by one RUN: moved to a secret mount on it',
      code: 'FROM node:22\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14, fixes: ['Pass NPM_TOKEN as a build secret (RUN --mount=type=secret,id=npm-token)'] }],
      output: `FROM node:22\nRUN ${MOUNT('npm-token', 'NPM_TOKEN')} echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nCMD ["node", "server.js"]\n`,
    },
    {
      name: 'only the RUNs that read $NAME get the mount',
      code: 'FROM python:3.12\nARG PIP_INDEX_TOKEN\nRUN pip config set global.index-url https://__token__:$PIP_INDEX_TOKEN@pypi.example.com/simple\nRUN pip install -r requirements.txt\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 20 }],
      output: `FROM python:3.12\nRUN ${MOUNT('pip-index-token', 'PIP_INDEX_TOKEN')} pip config set global.index-url https://__token__:$PIP_INDEX_TOKEN@pypi.example.com/simple\nRUN pip install -r requirements.txt\n`,
    },
    {
      name: 'no RUN names the variable (npm reads it through .npmrc): every later RUN gets the mount',
      code: 'FROM node:22\nARG NPM_TOKEN\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci\nRUN npm run build\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14 }],
      output: `FROM node:22\nCOPY .npmrc package.json package-lock.json ./\nRUN ${MOUNT('npm-token', 'NPM_TOKEN')} npm ci\nRUN ${MOUNT('npm-token', 'NPM_TOKEN')} npm run build\n`,
    },
    {
      name: 'the mount goes after existing RUN flags',
      code: 'FROM node:22\nARG NPM_TOKEN\nRUN --mount=type=cache,target=/root/.npm npm ci --token=$NPM_TOKEN\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14 }],
      output: `FROM node:22\nRUN --mount=type=cache,target=/root/.npm ${MOUNT('npm-token', 'NPM_TOKEN')} npm ci --token=$NPM_TOKEN\n`,
    },
    {
      name: 'ARG read by ENV: the value ends up in the image anyway, no fix',
      code: 'FROM node:22\nARG API_TOKEN\nENV API_TOKEN=$API_TOKEN\n',
      errors: [
        { messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14, fixes: [] },
        { messageId: 'secretName', line: 3, column: 5, endLine: 3, endColumn: 14, fixes: [] },
      ],
      output: null,
    },
    {
      name: 'ARG declaring several variables: each is checked, no fix deletes the others',
      code: 'FROM node:22\nARG APP_VERSION=1.0 NPM_TOKEN\nRUN npm ci\n',
      errors: [{ messageId: 'secretName', line: 2, column: 21, endLine: 2, endColumn: 30, fixes: [] }],
      output: null,
    },
    {
      name: 'secret name first in a multi-variable ARG',
      code: 'FROM node:22\nARG NPM_TOKEN APP_VERSION=1.0\nRUN npm ci\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14, fixes: [] }],
      output: null,
    },
    {
      name: 'global ARG before FROM: no fix',
      code: 'ARG GITHUB_TOKEN\nFROM golang:1.23\nRUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"\n',
      errors: [{ messageId: 'secretName', line: 1, column: 5, endLine: 1, endColumn: 17, fixes: [] }],
      output: null,
    },
    {
      name: 'ENV with several secrets over continuation lines',
      code: 'FROM python:3.12-slim\nENV DJANGO_SECRET_KEY=change-me \\\n    DATABASE_PASSWORD=hunter2 \\\n    DATABASE_HOST=db\n',
      errors: [
        { messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 22, fixes: [] },
        { messageId: 'secretName', line: 3, column: 5, endLine: 3, endColumn: 22, fixes: [] },
      ],
      output: null,
    },
    {
      name: 'legacy ENV form',
      code: 'FROM mysql:8.4\nENV MYSQL_ROOT_PASSWORD secret123\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 24 }],
      output: null,
    },
    {
      name: 'literal GitHub token under an innocent name: the range is the value',
      code: `FROM alpine:3.20\nENV GH=${GH_TOKEN}\n`,
      errors: [{ messageId: 'secretValue', line: 2, column: 8, endLine: 2, endColumn: 8 + GH_TOKEN.length }],
      output: null,
    },
    {
      name: 'quoted literal is still detected; the range includes the quotes',
      code: `FROM alpine:3.20\nENV GH="${GH_TOKEN}"\n`,
      errors: [{ messageId: 'secretValue', line: 2, column: 8, endLine: 2, endColumn: 10 + GH_TOKEN.length }],
      output: null,
    },
    {
      name: 'AWS access key id as an ARG default',
      code: `FROM amazon/aws-cli:2.17.0\nARG AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\nRUN aws s3 ls\n`,
      errors: [{ messageId: 'secretValue', line: 2, column: 23, endLine: 2, endColumn: 43 }],
    },
    {
      name: 'stage-scoped ARGs in two stages: one finding and one fix each',
      code: 'FROM node:22 AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci --omit=dev\n',
      errors: [
        { messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14 },
        { messageId: 'secretName', line: 5, column: 5, endLine: 5, endColumn: 14 },
      ],
      output: `FROM node:22 AS build\nRUN ${MOUNT('npm-token', 'NPM_TOKEN')} npm ci\nFROM node:22-slim\nRUN ${MOUNT('npm-token', 'NPM_TOKEN')} npm ci --omit=dev\n`,
    },
    {
      name: 'CRLF line endings',
      code: 'FROM node:22\r\nARG NPM_TOKEN\r\nRUN npm ci --token=$NPM_TOKEN\r\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14 }],
      output: `FROM node:22\r\nRUN ${MOUNT('npm-token', 'NPM_TOKEN')} npm ci --token=$NPM_TOKEN\r\n`,
    },
    {
      name: 'reader on a continuation line',
      code: 'FROM node:22\nARG SENTRY_AUTH_TOKEN\nRUN npm run build \\\n && npx sentry-cli releases new "$(git rev-parse HEAD)" --auth-token ${SENTRY_AUTH_TOKEN}\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 22 }],
      output: `FROM node:22\nRUN ${MOUNT('sentry-auth-token', 'SENTRY_AUTH_TOKEN')} npm run build \\\n && npx sentry-cli releases new "$(git rev-parse HEAD)" --auth-token \${SENTRY_AUTH_TOKEN}\n`,
    },
  ],
});
