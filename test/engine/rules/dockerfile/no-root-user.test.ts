import rule from '../../../../engine/rules/dockerfile/no-root-user';
import { ruleTester } from '../../rule-tester';

const DEBIAN_USER =
  'RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app';
const ALPINE_USER = 'RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]',
    { name: 'numeric uid and gid', code: 'FROM python:3.12-slim\nRUN useradd -u 10001 app\nUSER 10001:10001\nCMD ["python", "app.py"]' },
    { name: 'root for installs, then back to the app user', code: 'FROM node:22\nUSER root\nRUN apt-get update && apt-get install -y curl\nUSER node\nCMD ["node"]' },
    { name: 'a user named like root is not root', code: 'FROM alpine:3.20\nUSER rootless\nCMD ["sh"]' },
    { name: 'uid starting with 0 digits is not 0', code: 'FROM alpine:3.20\nUSER 01000\n' },
    {
      name: 'only the final stage matters: builder runs as root',
      code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /out/app\nFROM alpine:3.20\nUSER 10001\nCOPY --from=build /out/app /app\n',
    },
    { name: 'USER inherited through FROM <stage>', code: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node", "a.js"]' },
    { name: 'USER inherited through two stages', code: 'FROM node:22 AS base\nUSER node\nFROM base AS deps\nRUN npm ci\nFROM deps\nCMD ["node"]' },
    { name: 'distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]' },
    { name: 'Chainguard image', code: 'FROM cgr.dev/chainguard/node:latest\nCOPY . /app\n' },
    { name: 'nonroot base behind an ARG default', code: 'ARG RUNTIME=gcr.io/distroless/base-debian12:nonroot\nFROM ${RUNTIME}\nCOPY app /app\n' },
    { name: 'USER from a build argument', code: 'FROM ubuntu:24.04\nARG APP_UID=10001\nUSER ${APP_UID}\n' },
    { name: 'no FROM at all', code: '# just a comment\n' },
    { name: 'empty file', code: '' },
    { name: 'CRLF', code: 'FROM node:22\r\nUSER node\r\nCMD ["node"]\r\n' },
  ],
  invalid: [
    {
      name: 'Debian-based image without USER: user created before CMD',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 13, fixes: ['Add a non-root user (uid 10001) and switch to it'] }],
      output: `FROM node:22\nWORKDIR /app\nCOPY . .\n${DEBIAN_USER}\nUSER 10001:10001\nCMD ["node", "server.js"]\n`,
    },
    {
      name: 'Alpine image: addgroup/adduser before ENTRYPOINT',
      code: 'FROM python:3.12-alpine\nCOPY app.py /app.py\nENTRYPOINT ["python", "/app.py"]\nCMD ["--port", "8000"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 24, fixes: ['Add a non-root user (uid 10001) and switch to it'] }],
      output: `FROM python:3.12-alpine\nCOPY app.py /app.py\n${ALPINE_USER}\nUSER 10001:10001\nENTRYPOINT ["python", "/app.py"]\nCMD ["--port", "8000"]\n`,
    },
    {
      name: 'distroless image: the built-in nonroot uid',
      code: 'FROM gcr.io/distroless/nodejs22-debian12\nCOPY . /app\nCMD ["/app/server.js"]',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 41, fixes: ['Add USER 65532:65532'] }],
      output: 'FROM gcr.io/distroless/nodejs22-debian12\nCOPY . /app\nUSER 65532:65532\nCMD ["/app/server.js"]',
    },
    {
      name: 'scratch without CMD: USER appended, line break added',
      code: 'FROM scratch\nCOPY app /app',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 13, fixes: ['Add USER 10001:10001'] }],
      output: 'FROM scratch\nCOPY app /app\nUSER 10001:10001',
    },
    {
      name: 'builder sets USER, final stage does not',
      code: 'FROM golang:1.23 AS build\nUSER 65532\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'noUser', line: 4, column: 1, endLine: 4, endColumn: 17 }],
      output: `FROM golang:1.23 AS build\nUSER 65532\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n${ALPINE_USER}\nUSER 10001:10001\nENTRYPOINT ["/app"]\n`,
    },
    {
      name: 'final stage built FROM a stage: the image family comes from its base',
      code: 'FROM node:22-alpine AS base\nRUN npm ci\nFROM base\nCMD ["node", "a.js"]\n',
      errors: [{ messageId: 'noUser', line: 3, column: 1, endLine: 3, endColumn: 10 }],
      output: `FROM node:22-alpine AS base\nRUN npm ci\nFROM base\n${ALPINE_USER}\nUSER 10001:10001\nCMD ["node", "a.js"]\n`,
    },
    {
      name: 'ARG-substituted base image: family from the default',
      code: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\nCMD ["node"]\n',
      errors: [{ messageId: 'noUser', line: 2, column: 1, endLine: 2, endColumn: 33 }],
      output: `ARG NODE_VERSION=22\nFROM node:\${NODE_VERSION}-alpine\n${ALPINE_USER}\nUSER 10001:10001\nCMD ["node"]\n`,
    },
    {
      name: 'unknown base family: USER only',
      code: 'FROM registry.internal/platform/runtime:3\nCOPY app /app\nCMD ["/app"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 42, fixes: ['Add USER 10001:10001'] }],
      output: 'FROM registry.internal/platform/runtime:3\nCOPY app /app\nUSER 10001:10001\nCMD ["/app"]\n',
    },
    {
      name: 'last USER is root',
      code: 'FROM node:22\nUSER node\nRUN npm ci\nUSER root\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'rootUser', line: 4, column: 6, endLine: 4, endColumn: 10, fixes: [] }],
      output: null,
    },
    {
      name: 'uid 0 with a group',
      code: 'FROM alpine:3.20\nUSER 0:0\n',
      errors: [{ messageId: 'rootUser', line: 2, column: 6, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      name: 'root:root',
      code: 'FROM python:3.12\nUSER root:root\n',
      errors: [{ messageId: 'rootUser', line: 2, column: 6, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'root inherited from the parent stage',
      code: 'FROM ubuntu:24.04 AS base\nUSER root\nFROM base\nRUN echo hi\n',
      errors: [{ messageId: 'rootUser', line: 2, column: 6, endLine: 2, endColumn: 10 }],
    },
    {
      name: 'CRLF line endings are kept in the inserted lines',
      code: 'FROM node:22\r\nCOPY . /app\r\nCMD ["node", "/app/server.js"]\r\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 13 }],
      output: `FROM node:22\r\nCOPY . /app\r\n${DEBIAN_USER}\r\nUSER 10001:10001\r\nCMD ["node", "/app/server.js"]\r\n`,
    },
    {
      name: 'CMD spread over continuation lines: insertion before its first line',
      code: 'FROM debian:bookworm-slim\nCOPY run.sh /run.sh\nCMD ["/run.sh", \\\n     "--verbose"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 26 }],
      output: `FROM debian:bookworm-slim\nCOPY run.sh /run.sh\n${DEBIAN_USER}\nUSER 10001:10001\nCMD ["/run.sh", \\\n     "--verbose"]\n`,
    },
  ],
});
