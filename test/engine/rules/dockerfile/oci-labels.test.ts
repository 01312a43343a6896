import rule from '../../../../engine/rules/dockerfile/oci-labels';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
LABEL org.opencontainers.image.source="https://github.com/o/r" \\
      org.opencontainers.image.description="App" \\
      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \\
      org.opencontainers.image.created="2024-05-01T10:00:00Z" \\
      org.opencontainers.image.revision="0123abc"`,
    { code: `FROM alpine:3.20
LABEL maintainer=me`, options: {"required":[]}, name: "nothing required" },
    { code: `FROM alpine:3.20
ARG VERSION
LABEL org.opencontainers.image.version=$VERSION`, options: {"required":["org.opencontainers.image.version"],"schema":{"org.opencontainers.image.version":"semver"}} },
  ],
  invalid: [
    {
      code: `FROM alpine:3.20`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 17 }],
      output: `FROM alpine:3.20
LABEL org.opencontainers.image.source="https://github.com/OWNER/REPO" \\
      org.opencontainers.image.description="What this image runs" \\
      org.opencontainers.image.licenses="MIT"`,
    },
    {
      code: `FROM alpine:3.20
LABEL org.opencontainers.image.created="yesterday" org.opencontainers.image.source=github.com/o/r`,
      options: {"required":[]},
      errors: [
        { messageId: 'invalid', line: 2, column: 40, endLine: 2, endColumn: 51 },
        { messageId: 'invalid', line: 2, column: 84, endLine: 2, endColumn: 98 },
      ],
      output: null,
    },
    {
      code: `FROM alpine:3.20
LABEL com.docker.thing=1 My.Label=2 org.opencontainers.image.version=1.2`,
      options: {"required":[],"schema":{"org.opencontainers.image.version":"semver"}},
      errors: [
        { messageId: 'badKey', line: 2, column: 7, endLine: 2, endColumn: 23 },
        { messageId: 'badKey', line: 2, column: 26, endLine: 2, endColumn: 34 },
        { messageId: 'invalid', line: 2, column: 70, endLine: 2, endColumn: 73 },
      ],
      output: null,
    },
  ],
});
