import rule from '../../../../engine/rules/dockerfile/no-curl-pipe-shell';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20
RUN curl -fsSL https://example.com/x.tgz | tar xz`,
    `FROM alpine:3.20
RUN curl -fsSLo install.sh https://example.com/install.sh && sha256sum -c sums && sh install.sh`,
    `FROM alpine:3.20
RUN echo "curl x | sh"`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
RUN curl -fsSL https://example.com/install.sh | sh`,
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 51 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN wget -qO- https://example.com/install.sh | sudo bash -s -- --yes`,
      errors: [{ messageId: 'pipe', line: 2, column: 5, endLine: 2, endColumn: 69 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN apk add curl && \\
    curl -fsSL https://example.com/i | tee /tmp/i | sh`,
      errors: [{ messageId: 'pipe', line: 3, column: 5, endLine: 3, endColumn: 55 }],
      output: null,
    },
    {
      code: `FROM alpine:3.20
RUN sh -c "$(curl -fsSL https://example.com/install.sh)"`,
      errors: [{ messageId: 'substitution', line: 2, column: 5, endLine: 2, endColumn: 57 }],
      output: null,
    },
    {
      code: `FROM debian:12
RUN bash <(curl -fsSL https://example.com/install.sh)`,
      errors: [{ messageId: 'substitution', line: 2, column: 5, endLine: 2, endColumn: 54 }],
      output: null,
    },
  ],
});
