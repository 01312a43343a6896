import { it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/dockerfile/healthcheck-missing';
import { lintWith, ruleTester } from '../../rule-tester';

const HC = 'HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD';

ruleTester(rule, {
  valid: [
    'FROM node:22\nHEALTHCHECK CMD curl -fsS http://127.0.0.1:3000/health || exit 1\nCMD ["node", "server.js"]',
    { name: 'HEALTHCHECK NONE opts out explicitly', code: 'FROM gcr.io/distroless/static-debian12\nCOPY api /api\nHEALTHCHECK NONE\nENTRYPOINT ["/api"]' },
    { name: 'JSON form with options over continuation lines', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=10s \\\n  CMD ["/bin/healthcheck"]\n' },
    { name: 'inherited through FROM <stage>', code: 'FROM python:3.12-slim AS base\nHEALTHCHECK CMD python -c "print(1)"\nFROM base\nCMD ["python", "app.py"]' },
    { name: 'inherited through two stages', code: 'FROM node:22 AS base\nHEALTHCHECK CMD node healthcheck.js\nFROM base AS deps\nRUN npm ci\nFROM deps\nCMD ["node", "server.js"]' },
    { name: 'builder without, final stage with', code: 'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\nHEALTHCHECK CMD ["/app", "-health"]\n' },
    { name: 'no FROM at all', code: 'ARG VERSION=1\n' },
    { name: 'lowercase keyword', code: 'from alpine:3.20\nhealthcheck cmd true\n' },
    { name: 'CRLF', code: 'FROM node:22\r\nHEALTHCHECK CMD true\r\n' },
  ],
  invalid: [
    {
      name: 'Debian-based image: curl probe on the EXPOSEd port, before CMD',
      code: 'FROM node:22\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13, fixes: ['Add a HEALTHCHECK…'] }],
      output: `FROM node:22\nEXPOSE 3000\n${HC} curl -fsS http://127.0.0.1:3000/health || exit 1\nCMD ["node", "server.js"]\n`,
    },
    {
      name: 'Alpine image without EXPOSE: wget on 8080',
      code: 'FROM python:3.12-alpine\nCOPY app.py /app.py\nENTRYPOINT ["python", "/app.py"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 24 }],
      output: `FROM python:3.12-alpine\nCOPY app.py /app.py\n${HC} wget -qO- http://127.0.0.1:8080/health || exit 1\nENTRYPOINT ["python", "/app.py"]\n`,
    },
    {
      name: 'distroless: exec-form placeholder, no shell',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY api /api\nENTRYPOINT ["/api"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 47 }],
      output: `FROM gcr.io/distroless/static-debian12:nonroot\nCOPY api /api\n${HC} ["/app/healthcheck"]\nENTRYPOINT ["/api"]\n`,
    },
    {
      name: 'scratch without CMD and without a final line break',
      code: 'FROM scratch\nCOPY app /app',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13 }],
      output: `FROM scratch\nCOPY app /app\n${HC} ["/app/healthcheck"]`,
    },
    {
      name: 'HEALTHCHECK only in a builder stage that is not shipped',
      code: 'FROM node:22 AS build\nHEALTHCHECK CMD true\nRUN npm run build\nFROM nginx:1.27-alpine\nEXPOSE 80/tcp\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [{ messageId: 'missing', line: 4, column: 1, endLine: 4, endColumn: 23 }],
      output: `FROM node:22 AS build\nHEALTHCHECK CMD true\nRUN npm run build\nFROM nginx:1.27-alpine\nEXPOSE 80/tcp\nCOPY --from=build /app/dist /usr/share/nginx/html\n${HC} wget -qO- http://127.0.0.1:80/health || exit 1\n`,
    },
    {
      name: 'final stage FROM a stage: family of the base, range to the stage name',
      code: 'FROM node:22-alpine AS base\nRUN npm ci\nFROM base\nCMD ["node", "a.js"]\n',
      errors: [{ messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 10 }],
      output: `FROM node:22-alpine AS base\nRUN npm ci\nFROM base\n${HC} wget -qO- http://127.0.0.1:8080/health || exit 1\nCMD ["node", "a.js"]\n`,
    },
    {
      name: 'ARG-substituted image: range is the image as written',
      code: 'ARG PY=3.12-slim\nFROM python:${PY}\nEXPOSE 8000\nCMD ["python", "-m", "http.server"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18 }],
      output: `ARG PY=3.12-slim\nFROM python:\${PY}\nEXPOSE 8000\n${HC} curl -fsS http://127.0.0.1:8000/health || exit 1\nCMD ["python", "-m", "http.server"]\n`,
    },
    {
      name: '--platform flag: the range starts at FROM',
      code: 'FROM --platform=linux/amd64 ubuntu:24.04\nCMD ["/bin/app"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 41 }],
      output: `FROM --platform=linux/amd64 ubuntu:24.04\n${HC} curl -fsS http://127.0.0.1:8080/health || exit 1\nCMD ["/bin/app"]\n`,
    },
    {
      name: 'CRLF line endings',
      code: 'FROM node:22\r\nEXPOSE 8000/tcp\r\nCMD ["node"]\r\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13 }],
      output: `FROM node:22\r\nEXPOSE 8000/tcp\r\n${HC} curl -fsS http://127.0.0.1:8000/health || exit 1\r\nCMD ["node"]\r\n`,
    },
  ],
});

it('dockerfile/healthcheck-missing: the fix is a snippet, so fix-all never applies a guessed probe', () => {
  const [finding] = lintWith(rule, 'FROM node:22\nCMD ["node", "server.js"]\n');
  assert.equal(finding.fixes.length, 1);
  assert.equal(finding.fixes[0].snippet, true);
  assert.match(finding.fixes[0].edits[0].text, /CMD \$\{1:curl -fsS http:\/\/127\.0\.0\.1:8080\/health \|\| exit 1\}/);
});
