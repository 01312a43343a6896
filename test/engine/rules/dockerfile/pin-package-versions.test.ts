import rule from '../../../../engine/rules/dockerfile/pin-package-versions';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM debian:12
RUN apt-get install -y curl=7.88.1-10 ./local.deb $EXTRA_PKGS -t bookworm-backports git=1:2.39.5-0+deb12u1 pkg/bookworm`,
    `FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps curl=8.9.1-r0 bash~5.2 ./x.apk`,
    `FROM python:3.12
RUN pip install -r requirements.txt flask==3.0.3 "requests>=2.32" ./pkg -e . git+https://github.com/a/b`,
    `FROM node:22
RUN npm install && npm ci && npm install -g pnpm@9.12.0 @scope/tool@1.0.0`,
    `FROM ruby:3.3
RUN gem install bundler -v 2.5.0 && gem install rails:7.1.0`,
    `FROM golang:1.23
RUN go install golang.org/x/tools/gopls@v0.16.0 && go install ./...`,
    `FROM fedora:40
RUN dnf install -y curl-8.6.0 @development-tools`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get install -y --no-install-recommends -t bookworm-backports curl`,
      errors: [{ messageId: 'unpinned', line: 2, column: 70, endLine: 2, endColumn: 74 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN apk add --no-cache --virtual .deps curl`,
      errors: [{ messageId: 'unpinned', line: 2, column: 40, endLine: 2, endColumn: 44 }],
      output: null,
    },
    {
      code: `FROM python:3.12
RUN pip install --no-cache-dir -r requirements.txt flask`,
      errors: [{ messageId: 'unpinned', line: 2, column: 52, endLine: 2, endColumn: 57 }],
      output: null,
    },
    {
      code: `FROM node:22
RUN npm install -g pnpm`,
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 24 }],
      output: null,
    },
    {
      code: `FROM golang:1.23
RUN go install golang.org/x/tools/gopls@latest`,
      errors: [{ messageId: 'unpinned', line: 2, column: 16, endLine: 2, endColumn: 47 }],
      output: null,
    },
    {
      code: `FROM ruby:3.3
RUN gem install bundler`,
      errors: [{ messageId: 'unpinned', line: 2, column: 17, endLine: 2, endColumn: 24 }],
      output: null,
    },
    {
      code: `FROM fedora:40
RUN dnf install -y curl`,
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 24 }],
      output: null,
    },
  ],
});
