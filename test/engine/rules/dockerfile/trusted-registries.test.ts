import rule from '../../../../engine/rules/dockerfile/trusted-registries';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM node:22
FROM ghcr.io/org/x:1
FROM eu.gcr.io/p/x:1
FROM us-docker.pkg.dev/p/r/x:1`,
    { code: `FROM evil.example.com/node:22`, options: {"registries":[]}, name: "empty list" },
    { code: `FROM node:22
FROM ghcr.io/my-org/base:1
FROM eu.gcr.io/p/x:1 AS x
FROM x`, options: {"registries":["docker.io","ghcr.io/my-org","*.gcr.io"]}, name: "allowed" },
  ],
  invalid: [
    {
      code: `FROM dockerhub.example.net/library/node:22`,
      errors: [{ messageId: 'untrusted', line: 1, column: 6, endLine: 1, endColumn: 43 }],
      output: null,
    },
    {
      code: `FROM quay.io/org/app:1
FROM ghcr.io/other/x:1
COPY --from=registry.example.com/tools:1 /bin/t /bin/`,
      options: {"registries":["docker.io","ghcr.io/my-org"]},
      errors: [
        { messageId: 'untrusted', line: 1, column: 6, endLine: 1, endColumn: 23 },
        { messageId: 'untrusted', line: 2, column: 6, endLine: 2, endColumn: 23 },
        { messageId: 'untrusted', line: 3, column: 13, endLine: 3, endColumn: 41 },
      ],
      output: null,
    },
  ],
});
