import rule from '../../../../engine/rules/dockerfile/undefined-variable';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `ARG VERSION=22
FROM node:\${VERSION}
ARG VERSION
RUN echo $VERSION`,
    `FROM --platform=$BUILDPLATFORM golang:1.23 AS build
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build`,
    `FROM node:22
ENV PATH=/app/bin:$PATH APP_HOME=/app
WORKDIR $APP_HOME
COPY . $APP_HOME/`,
    `FROM node:22
WORKDIR $NODE_HOME
ENV X=\${UNSET:-default}`,
    `ARG VERSION=1
FROM alpine:3.20
RUN VERSION=2 && echo $VERSION
RUN echo '$VERSION'`,
    `FROM alpine:3.20
RUN for TARGETARCH in a b; do echo $TARGETARCH; done`,
  ],
  invalid: [
    {
      code: `FROM node:\${VERSION}`,
      errors: [{ messageId: 'undefinedInFrom', line: 1, column: 11, endLine: 1, endColumn: 21 }],
      output: `ARG VERSION=value
FROM node:\${VERSION}`,
    },
    {
      code: `ARG BASE
FROM \${BASE}`,
      errors: [{ messageId: 'noDefault', line: 2, column: 6, endLine: 2, endColumn: 13 }],
      output: `ARG BASE=value
FROM \${BASE}`,
    },
    {
      code: `ARG VERSION=1.2
FROM alpine:3.20
RUN curl -o app https://example.com/$VERSION/app`,
      errors: [{ messageId: 'globalNotInStage', line: 3, column: 37, endLine: 3, endColumn: 45 }],
      output: `ARG VERSION=1.2
FROM alpine:3.20
ARG VERSION
RUN curl -o app https://example.com/$VERSION/app`,
    },
    {
      code: `ARG VERSION=1.2
FROM alpine:3.20
LABEL version=$VERSION`,
      errors: [{ messageId: 'globalNotInStage', line: 3, column: 15, endLine: 3, endColumn: 23 }],
      output: `ARG VERSION=1.2
FROM alpine:3.20
ARG VERSION
LABEL version=$VERSION`,
    },
    {
      code: `FROM golang:1.23
RUN GOARCH=$TARGETARCH go build`,
      errors: [{ messageId: 'platformArg', line: 2, column: 12, endLine: 2, endColumn: 23 }],
      output: `FROM golang:1.23
ARG TARGETARCH
RUN GOARCH=$TARGETARCH go build`,
    },
    {
      code: `FROM scratch
COPY app /app
WORKDIR $APP_DIR`,
      errors: [{ messageId: 'undefined', line: 3, column: 9, endLine: 3, endColumn: 17 }],
      output: null,
    },
    {
      code: `FROM node:22
ENV APP_HOME=/app
WORKDIR $APP_HOEM`,
      errors: [{ messageId: 'typo', line: 3, column: 9, endLine: 3, endColumn: 18 }],
      output: `FROM node:22
ENV APP_HOME=/app
WORKDIR $APP_HOME`,
    },
    {
      code: `FROM node:22
ENV APP_HOME=/app LOG_DIR=$APP_HOME/logs`,
      errors: [{ messageId: 'sameEnv', line: 2, column: 27, endLine: 2, endColumn: 36 }],
      output: null,
    },
  ],
});
