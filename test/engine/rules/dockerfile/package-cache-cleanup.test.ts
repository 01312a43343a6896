import rule from '../../../../engine/rules/dockerfile/package-cache-cleanup';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*`,
    `FROM debian:13
RUN apt-get update; apt-get install -y curl; apt-get dist-clean`,
    `FROM alpine:3.20
RUN apk add --no-cache curl`,
    `FROM python:3.12
RUN pip install --no-cache-dir -r requirements.txt`,
    `FROM python:3.12
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask`,
    `FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip pip install flask`,
    `FROM debian:12 AS build
RUN apt-get update && apt-get install -y gcc
FROM debian:12
COPY --from=build /a /a`,
    `FROM fedora:40
RUN dnf install -y curl && dnf clean all`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y curl`,
      errors: [{ messageId: 'aptLists', line: 2, column: 23, endLine: 2, endColumn: 38 }],
      output: `FROM debian:12
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*`,
    },
    {
      code: `FROM debian:12
RUN apt-get update \\
    && apt-get install -y curl`,
      errors: [{ messageId: 'aptLists', line: 3, column: 8, endLine: 3, endColumn: 23 }],
      output: `FROM debian:12
RUN apt-get update \\
    && apt-get install -y curl \\
    && rm -rf /var/lib/apt/lists/*`,
    },
    {
      code: `FROM alpine:3.20
RUN apk add curl`,
      errors: [{ messageId: 'apkCache', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: `FROM alpine:3.20
RUN apk add --no-cache curl`,
    },
    {
      code: `FROM python:3.12
RUN pip install -r requirements.txt`,
      errors: [{ messageId: 'pipCache', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: `FROM python:3.12
RUN pip install --no-cache-dir -r requirements.txt`,
    },
    {
      code: `FROM fedora:40
RUN dnf install -y curl`,
      errors: [{ messageId: 'clean', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: `FROM fedora:40
RUN dnf install -y curl && dnf clean all`,
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper -n install curl`,
      errors: [{ messageId: 'clean', line: 2, column: 5, endLine: 2, endColumn: 22 }],
      output: `FROM opensuse/leap:15.6
RUN zypper -n install curl && zypper clean --all`,
    },
    {
      code: `FROM node:22
RUN yarn install --frozen-lockfile`,
      errors: [{ messageId: 'clean', line: 2, column: 5, endLine: 2, endColumn: 17 }],
      output: `FROM node:22
RUN yarn install --frozen-lockfile && yarn cache clean`,
    },
    {
      code: `FROM debian:12
RUN set -eux; apt-get update; apt-get install -y curl;`,
      errors: [{ messageId: 'aptLists', line: 2, column: 31, endLine: 2, endColumn: 46 }],
      output: `FROM debian:12
RUN set -eux; apt-get update; apt-get install -y curl; rm -rf /var/lib/apt/lists/*`,
    },
  ],
});
