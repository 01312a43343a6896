import rule from '../../../../engine/rules/dockerfile/copy-manifests-before-source';
import { ruleTester } from '../../rule-tester';

const NPM = 'Copy package.json package-lock.json* and install before copying the source';

ruleTester(rule, {
  valid: [
    'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build',
    { name: 'install before any copy', code: 'FROM python:3.12\nRUN pip install --no-cache-dir gunicorn==23.0.0\nCOPY . /srv' },
    { name: 'broad copy without an install after it', code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html' },
    { name: 'install of a named package is not a dependency install', code: 'FROM node:22\nCOPY . .\nRUN npm install -g pm2' },
    { name: 'COPY --from=stage is not the source', code: 'FROM node:22 AS build\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM node:22-slim\nCOPY --from=build /app .\nRUN npm ci --omit=dev' },
    { name: 'narrow copies only', code: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY cmd/ ./cmd/\nRUN go build ./cmd/api' },
    { name: 'pip install without -r', code: 'FROM python:3.12\nCOPY . .\nRUN pip install .' },
    { name: 'install in another stage than the broad copy', code: 'FROM node:22 AS src\nCOPY . /src\nFROM node:22\nCOPY --from=src /src/package.json ./\nRUN npm ci' },
    { name: 'JSON-form RUN is not parsed', code: 'FROM node:22\nCOPY . .\nRUN ["npm", "ci"]' },
    { name: 'CRLF, right order', code: 'FROM node:22\r\nCOPY package.json yarn.lock ./\r\nRUN yarn install --frozen-lockfile\r\nCOPY . .\r\n' },
  ],
  invalid: [
    {
      name: 'npm ci right after COPY . .',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1, endLine: 3, endColumn: 9, fixes: [NPM] }],
      output: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json* ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'pip -r: the requirements file is the manifest; absolute destination',
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . /srv\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "main.py"]\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1, endLine: 3, endColumn: 12, fixes: ['Copy requirements.txt and install before copying the source'] }],
      output: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt /srv/\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . /srv\nCMD ["python", "main.py"]\n',
    },
    {
      name: 'go mod download in a builder stage',
      code: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /out/api ./cmd/api\nFROM alpine:3.20\nCOPY --from=build /out/api /api\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1, endLine: 3, endColumn: 9, fixes: ['Copy go.mod go.sum and install before copying the source'] }],
      output: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /out/api ./cmd/api\nFROM alpine:3.20\nCOPY --from=build /out/api /api\n',
    },
    {
      name: 'each stage is checked on its own',
      code: 'FROM node:22 AS web\nCOPY . .\nRUN yarn install\nFROM ruby:3.3 AS api\nCOPY . /app\nRUN bundle install\n',
      errors: [
        { messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9, fixes: ['Copy package.json yarn.lock and install before copying the source'] },
        { messageId: 'sourceFirst', line: 5, column: 1, endLine: 5, endColumn: 12, fixes: ['Copy Gemfile Gemfile.lock and install before copying the source'] },
      ],
      output: 'FROM node:22 AS web\nCOPY package.json yarn.lock ./\nRUN yarn install\nCOPY . .\nFROM ruby:3.3 AS api\nCOPY Gemfile Gemfile.lock /app/\nRUN bundle install\nCOPY . /app\n',
    },
    {
      name: '--chown and --chmod are kept on the manifest copy',
      code: 'FROM node:22\nUSER node\nWORKDIR /home/node/app\nCOPY --chown=node:node --chmod=644 . .\nRUN npm ci\n',
      errors: [{ messageId: 'sourceFirst', line: 4, column: 1, endLine: 4, endColumn: 39, fixes: [NPM] }],
      output: 'FROM node:22\nUSER node\nWORKDIR /home/node/app\nCOPY --chown=node:node --chmod=644 package.json package-lock.json* ./\nRUN npm ci\nCOPY --chown=node:node --chmod=644 . .\n',
    },
    {
      name: 'RUN with a cache mount over continuation lines moves whole',
      code: 'FROM node:22\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm \\\n    npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9 }],
      output: 'FROM node:22\nCOPY package.json package-lock.json* ./\nRUN --mount=type=cache,target=/root/.npm \\\n    npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'setup commands in the same RUN still allow the move',
      code: 'FROM node:22\nCOPY . .\nRUN npm config set fund false && npm ci\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9 }],
      output: 'FROM node:22\nCOPY package.json package-lock.json* ./\nRUN npm config set fund false && npm ci\nCOPY . .\n',
    },
    {
      name: 'EXPOSE and LABEL in between do not matter',
      code: 'FROM node:22\nCOPY . .\nEXPOSE 3000\nLABEL org.opencontainers.image.source=https://github.com/acme/web\nRUN pnpm install --frozen-lockfile\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9, fixes: ['Copy package.json pnpm-lock.yaml and install before copying the source'] }],
      output: 'FROM node:22\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile\nCOPY . .\nEXPOSE 3000\nLABEL org.opencontainers.image.source=https://github.com/acme/web\n',
    },
    {
      name: 'WORKDIR between copy and install: moving the RUN would change its directory, no fix',
      code: 'FROM node:22\nCOPY . /app\nWORKDIR /app\nRUN npm ci\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 12, fixes: [] }],
      output: null,
    },
    {
      name: 'another RUN in between (native build deps): no fix',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y python3 make g++\nRUN npm ci\n',
      errors: [{ messageId: 'sourceFirst', line: 3, column: 1, endLine: 3, endColumn: 9, fixes: [] }],
      output: null,
    },
    {
      name: 'ENV in between changes what the install does: no fix',
      code: 'FROM node:22\nCOPY . .\nENV NODE_ENV=production\nRUN npm ci\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9, fixes: [] }],
      output: null,
    },
    {
      name: 'COPY of .npmrc in between: the install needs it, no fix',
      code: 'FROM node:22\nCOPY . .\nCOPY .npmrc /root/.npmrc\nRUN npm ci\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9, fixes: [] }],
      output: null,
    },
    {
      name: 'install and build in one RUN: no fix',
      code: 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9, fixes: [] }],
      output: null,
    },
    {
      name: 'requirements in a subfolder: no fix',
      code: 'FROM python:3.12\nCOPY . .\nRUN pip install -r requirements/prod.txt\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9, fixes: [] }],
      output: null,
    },
    {
      name: 'ADD ./ counts as a broad copy',
      code: 'FROM php:8.3-fpm\nADD ./ /var/www/html/\nRUN composer install --no-dev\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 22, fixes: ['Copy composer.json composer.lock and install before copying the source'] }],
      output: 'FROM php:8.3-fpm\nCOPY composer.json composer.lock /var/www/html/\nRUN composer install --no-dev\nADD ./ /var/www/html/\n',
    },
    {
      name: 'CRLF line endings',
      code: 'FROM python:3.12\r\nCOPY . .\r\nRUN poetry install --no-root\r\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 2, endColumn: 9, fixes: ['Copy pyproject.toml poetry.lock and install before copying the source'] }],
      output: 'FROM python:3.12\r\nCOPY pyproject.toml poetry.lock ./\r\nRUN poetry install --no-root\r\nCOPY . .\r\n',
    },
    {
      name: 'broad COPY over continuation lines: the range spans them',
      code: 'FROM rust:1.82\nCOPY \\\n  . \\\n  /src\nRUN cargo fetch\n',
      errors: [{ messageId: 'sourceFirst', line: 2, column: 1, endLine: 4, endColumn: 7, fixes: ['Copy Cargo.toml Cargo.lock and install before copying the source'] }],
      output: 'FROM rust:1.82\nCOPY Cargo.toml Cargo.lock /src/\nRUN cargo fetch\nCOPY \\\n  . \\\n  /src\n',
    },
  ],
});
