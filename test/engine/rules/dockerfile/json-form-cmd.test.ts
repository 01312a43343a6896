import rule from '../../../../engine/rules/dockerfile/json-form-cmd';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    { name: 'ENTRYPOINT and CMD in JSON form', code: 'FROM python:3.12\nENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000"]\nCMD ["app:app"]' },
    { name: 'JSON array spread over continuation lines', code: 'FROM node:22\nCMD ["node", \\\n     "--enable-source-maps", \\\n     "server.js"]\n' },
    { name: 'JSON continuation with the backtick escape', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["powershell", `\n     "-File", "C:\\\\app\\\\start.ps1"]\n' },
    { name: 'exec replaces the shell', code: 'FROM python:3.12\nCMD exec gunicorn --bind 0.0.0.0:$PORT app:app' },
    { name: 'ENTRYPOINT with exec', code: 'FROM node:22\nENTRYPOINT exec node server.js' },
    { name: 'HEALTHCHECK CMD is not the main process', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["nginx", "-g", "daemon off;"]' },
    { name: 'RUN in shell form is fine', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && echo done' },
    { name: 'empty JSON array', code: 'FROM alpine:3.20\nCMD []' },
    { name: 'CMD without arguments', code: 'FROM alpine:3.20\nCMD' },
    { name: 'CRLF JSON form', code: 'FROM node:22\r\nCMD ["node", "server.js"]\r\n' },
  ],
  invalid: [
    {
      name: 'plain words: converted to JSON',
      code: 'FROM node:22\nUSER node\nCMD node server.js\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 5, endLine: 3, endColumn: 19, fixes: ['Use the JSON form: ["node","server.js"]'] }],
      output: 'FROM node:22\nUSER node\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'ENTRYPOINT with flags',
      code: 'FROM python:3.12-slim\nENTRYPOINT gunicorn --bind 0.0.0.0:8000 --workers=4 app:app',
      errors: [{ messageId: 'shellForm', line: 2, column: 12, endLine: 2, endColumn: 60, fixes: ['Use the JSON form: ["gunicorn","--bind","0.0.0.0:8000","--workers=4","app:app"]'] }],
      output: 'FROM python:3.12-slim\nENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000", "--workers=4", "app:app"]',
    },
    {
      name: 'both ENTRYPOINT and CMD in shell form',
      code: 'FROM alpine:3.20\nENTRYPOINT /usr/local/bin/worker\nCMD --queue default\n',
      errors: [
        { messageId: 'shellForm', line: 2, column: 12, endLine: 2, endColumn: 33 },
        { messageId: 'shellForm', line: 3, column: 5, endLine: 3, endColumn: 20 },
      ],
      output: 'FROM alpine:3.20\nENTRYPOINT ["/usr/local/bin/worker"]\nCMD ["--queue", "default"]\n',
    },
    {
      name: 'variables need a shell: no fix',
      code: 'FROM python:3.12\nCMD gunicorn --bind 0.0.0.0:$PORT app:app\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 42, fixes: [] }],
      output: null,
    },
    {
      name: 'operators and quotes need a shell: no fix',
      code: "FROM nginx:1.27\nCMD nginx -g 'daemon off;' && echo stopped\n",
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 43, fixes: [] }],
      output: null,
    },
    {
      name: 'single-quoted array is not JSON: Docker runs it through the shell',
      code: "FROM node:22\nCMD ['node', 'server.js']\n",
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 26, fixes: [] }],
      output: null,
    },
    {
      name: 'array without commas is not JSON',
      code: 'FROM node:22\nCMD ["node" "server.js"]\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 25 }],
      output: null,
    },
    {
      name: 'continuation lines: the range spans them, no fix',
      code: 'FROM node:22\nCMD node \\\n    --max-old-space-size=512 \\\n    server.js\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 4, endColumn: 14, fixes: [] }],
      output: null,
    },
    {
      name: 'every stage is checked (a stage can be a --target)',
      code: 'FROM node:22 AS dev\nCMD npm run dev\nFROM node:22-slim\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM node:22 AS dev\nCMD ["npm", "run", "dev"]\nFROM node:22-slim\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'CRLF line endings',
      code: 'FROM node:22\r\nWORKDIR /app\r\nCMD node server.js\r\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 5, endLine: 3, endColumn: 19 }],
      output: 'FROM node:22\r\nWORKDIR /app\r\nCMD ["node", "server.js"]\r\n',
    },
    {
      name: 'lowercase keyword',
      code: 'from node:22\ncmd node server.js\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: 'from node:22\ncmd ["node", "server.js"]\n',
    },
    {
      name: 'exec later in the line does not count',
      code: 'FROM node:22\nCMD node migrate.js && exec node server.js\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 43, fixes: [] }],
      output: null,
    },
  ],
});
