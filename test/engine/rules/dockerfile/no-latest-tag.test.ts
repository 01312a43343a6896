import { it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/dockerfile/no-latest-tag';
import { lintWith, ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-alpine',
    'FROM scratch\nCOPY app /app',
    { name: 'digest without tag', code: 'FROM node@sha256:5f4c3f8e6f0b9f1e2c1f0a3d3e8e5b0b6c2a9d1e7f4a2b3c4d5e6f7a8b9c0d1e' },
    { name: 'latest tag pinned by digest', code: 'FROM ghcr.io/acme/base:latest@sha256:5f4c3f8e6f0b9f1e2c1f0a3d3e8e5b0b6c2a9d1e7f4a2b3c4d5e6f7a8b9c0d1e' },
    { name: 'registry with port and tag', code: 'FROM registry.internal:5000/platform/base:2024.11\nRUN true' },
    {
      name: 'FROM <stage> is not an image',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM build AS test\nRUN go test ./...\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app',
    },
    { name: 'stage names are case-insensitive', code: 'FROM node:22 AS Builder\nRUN npm ci\nFROM builder\nCMD ["node", "a.js"]' },
    { name: 'ARG default with a version', code: 'ARG NODE_VERSION=22.11\nFROM node:${NODE_VERSION}-alpine\nCMD ["node"]' },
    { name: 'ARG without default is given at build time', code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN true' },
    { name: 'inline default with a version', code: 'FROM python:${PYTHON_VERSION:-3.12}-slim' },
    { name: '--platform flag', code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build' },
    { name: 'uppercase LATEST is just a tag name', code: 'FROM acme/app:LATEST-2024' },
    { name: 'CRLF', code: 'FROM node:22\r\nRUN npm ci\r\n' },
    { name: 'FROM split by a continuation', code: 'FROM \\\n  node:22-alpine \\\n  AS build\n' },
  ],
  invalid: [
    {
      name: 'untagged image',
      code: 'FROM node\nWORKDIR /app\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 10, fixes: ['Pin node to a version…'] }],
      output: 'FROM node:VERSION\nWORKDIR /app\n',
    },
    {
      name: 'latest tag: the range is the tag',
      code: 'FROM node:latest\nCMD ["node", "server.js"]',
      errors: [{ messageId: 'latest', line: 1, column: 11, endLine: 1, endColumn: 17, fixes: ['Pin node to a version…'] }],
      output: 'FROM node:VERSION\nCMD ["node", "server.js"]',
    },
    {
      name: 'the tag used in another stage is offered first',
      code: 'FROM node:latest AS build\nRUN npm ci\nFROM node:22.11-slim\nCOPY --from=build /app /app\n',
      errors: [
        {
          messageId: 'latest',
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 17,
          fixes: ['Pin node to node:22.11-slim (the tag used elsewhere in this file)', 'Pin node to a version…'],
        },
      ],
      output: 'FROM node:22.11-slim AS build\nRUN npm ci\nFROM node:22.11-slim\nCOPY --from=build /app /app\n',
    },
    {
      name: 'untagged builder stage, pinned final stage: known tag inserted',
      code: 'FROM python AS deps\nRUN pip wheel -w /wheels flask\nFROM python:3.12-slim\nCOPY --from=deps /wheels /wheels\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 12, fixes: ['Pin python to python:3.12-slim (the tag used elsewhere in this file)', 'Pin python to a version…'] }],
      output: 'FROM python:3.12-slim AS deps\nRUN pip wheel -w /wheels flask\nFROM python:3.12-slim\nCOPY --from=deps /wheels /wheels\n',
    },
    {
      name: 'every stage is checked; FROM <stage> is skipped',
      code: 'FROM golang AS build\nRUN go build -o /app\nFROM build AS test\nRUN go test ./...\nFROM alpine:latest\nCOPY --from=build /app /app\n',
      errors: [
        { messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 12 },
        { messageId: 'latest', line: 5, column: 13, endLine: 5, endColumn: 19 },
      ],
      output: 'FROM golang:VERSION AS build\nRUN go build -o /app\nFROM build AS test\nRUN go test ./...\nFROM alpine:VERSION\nCOPY --from=build /app /app\n',
    },
    {
      name: 'a FROM naming a later stage is an image',
      code: 'FROM builder\nRUN true\nFROM node:22 AS builder\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 13 }],
      output: 'FROM builder:VERSION\nRUN true\nFROM node:22 AS builder\n',
    },
    {
      name: 'registry with a port, no tag',
      code: 'FROM localhost:5000/team/api\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 29, fixes: ['Pin localhost:5000/team/api to a version…'] }],
      output: 'FROM localhost:5000/team/api:VERSION\n',
    },
    {
      name: 'ARG default resolves to latest',
      code: 'ARG NODE_VERSION=latest\nFROM node:${NODE_VERSION}\nCMD ["node"]\n',
      errors: [{ messageId: 'argLatest', line: 2, column: 6, endLine: 2, endColumn: 26, fixes: [] }],
      output: null,
    },
    {
      name: 'ARG default names an untagged image',
      code: 'ARG BASE=nginx\nFROM ${BASE}\n',
      errors: [{ messageId: 'argLatest', line: 2, column: 6, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      name: 'inline default latest',
      code: 'FROM node:${NODE_VERSION:-latest}',
      errors: [{ messageId: 'argLatest', line: 1, column: 6, endLine: 1, endColumn: 34 }],
      output: null,
    },
    {
      name: 'global ARG declaring several variables',
      code: 'ARG REGISTRY=docker.io IMAGE=library/redis\nFROM ${REGISTRY}/${IMAGE}\n',
      errors: [{ messageId: 'argLatest', line: 2, column: 6, endLine: 2, endColumn: 26 }],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'FROM node:22 AS build\r\nRUN npm ci\r\nFROM nginx:latest\r\nCOPY --from=build /app/dist /usr/share/nginx/html\r\n',
      errors: [{ messageId: 'latest', line: 3, column: 12, endLine: 3, endColumn: 18 }],
      output: 'FROM node:22 AS build\r\nRUN npm ci\r\nFROM nginx:VERSION\r\nCOPY --from=build /app/dist /usr/share/nginx/html\r\n',
    },
    {
      name: 'image on a continuation line',
      code: 'FROM \\\n  redis:latest \\\n  AS cache\n',
      errors: [{ messageId: 'latest', line: 2, column: 9, endLine: 2, endColumn: 15 }],
      output: 'FROM \\\n  redis:VERSION \\\n  AS cache\n',
    },
    {
      name: '--platform flag before the image',
      code: 'FROM --platform=$BUILDPLATFORM golang AS build\n',
      errors: [{ messageId: 'untagged', line: 1, column: 32, endLine: 1, endColumn: 38 }],
      output: 'FROM --platform=$BUILDPLATFORM golang:VERSION AS build\n',
    },
    {
      name: 'after parser directives and a BOM',
      code: '\uFEFF# syntax=docker/dockerfile:1\nFROM ubuntu\n',
      errors: [{ messageId: 'untagged', line: 2, column: 6, endLine: 2, endColumn: 12 }],
      output: '\uFEFF# syntax=docker/dockerfile:1\nFROM ubuntu:VERSION\n',
    },
  ],
});

it('dockerfile/no-latest-tag: a tag from the same file is a real fix; a guessed version is only a snippet', () => {
  const [finding] = lintWith(rule, 'FROM node AS build\nFROM node:22\n');
  assert.deepEqual(
    finding.fixes.map((f) => [f.title, !!f.snippet, f.edits.map((e) => e.text)]),
    [
      ['Pin node to node:22 (the tag used elsewhere in this file)', false, [':22']],
      ['Pin node to a version…', true, [':${1:VERSION}']],
    ],
  );
});
