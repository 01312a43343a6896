import rule from '../../../../engine/rules/dockerfile/prefer-multi-stage';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
    { name: 'runtime packages only', code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl libpq5 && rm -rf /var/lib/apt/lists/*' },
    { name: 'apk runtime packages', code: 'FROM alpine:3.20\nRUN apk add --no-cache tini ca-certificates' },
    { name: 'no build step', code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]' },
    { name: 'commands only mentioned as arguments', code: 'FROM alpine:3.20\nRUN echo "run make to build" && printf "go build\\n" > /README' },
    { name: 'removing a toolchain is not installing it', code: 'FROM debian:bookworm-slim\nRUN apt-get purge -y gcc make' },
    { name: 'JSON-form RUN is not parsed', code: 'FROM alpine:3.20\nRUN ["make", "all"]' },
    { name: 'build in a builder stage, several stages', code: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html' },
    { name: 'no FROM', code: '' },
    { name: 'CRLF', code: 'FROM python:3.12-slim\r\nRUN pip install --no-cache-dir flask==3.0.3\r\n' },
  ],
  invalid: [
    {
      name: 'go build in the only stage',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/api ./cmd/api\nCMD ["api"]\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 17, fixes: [] }],
      output: null,
    },
    {
      name: 'build-essential and -dev headers installed',
      code: 'FROM python:3.12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 22 }],
      output: null,
    },
    {
      name: 'npm run build',
      code: 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build:prod\nCMD ["node", "dist/server.js"]\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 13 }],
    },
    {
      name: 'yarn build',
      code: 'FROM node:22\nRUN yarn build\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 13 }],
    },
    {
      name: 'apk build-base',
      code: 'FROM ruby:3.3-alpine\nRUN apk add --no-cache --virtual .build-deps build-base postgresql-dev && bundle install\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 21 }],
    },
    {
      name: 'pinned toolchain package',
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y gcc=4:13.2.0-7ubuntu1\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 18 }],
    },
    {
      name: 'sudo in front of the installer',
      code: 'FROM ubuntu:24.04\nRUN sudo apt-get install -y make\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 18 }],
    },
    {
      name: 'maven package',
      code: 'FROM maven:3.9-eclipse-temurin-21\nCOPY . /src\nRUN mvn -B -q package -DskipTests\nCMD ["java", "-jar", "/src/target/app.jar"]\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'gradle wrapper',
      code: 'FROM eclipse-temurin:21-jdk\nCOPY . .\nRUN ./gradlew bootJar --no-daemon\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 28 }],
    },
    {
      name: 'dotnet publish',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -c Release -o /out\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 38 }],
    },
    {
      name: 'one finding even with several build steps',
      code: 'FROM rust:1.82\nRUN apt-get install -y cmake\nRUN cargo build --release\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 15 }],
    },
    {
      name: 'global ARG and --platform: range from FROM to the image',
      code: 'ARG GO_VERSION=1.23\nFROM --platform=linux/amd64 golang:${GO_VERSION}\nRUN go build ./...\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 1, endLine: 2, endColumn: 49 }],
    },
    {
      name: 'build step on a continuation line, CRLF',
      code: 'FROM node:22\r\nRUN npm ci \\\r\n && npx tsc -p .\r\n',
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 13 }],
    },
  ],
});
