import rule from '../../../../engine/rules/compose/no-duplicate-ports';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports: ["127.0.0.1:8080:80", "127.0.0.2:8080:80", "8080:80/udp"]
`,
  ],
  invalid: [
    {
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports: ["8080:80"]
  admin:
    image: a:1
    ports:
      - "127.0.0.1:8080:80"
      - "9000-9002:9000-9002"
      - "9001:1"
`,
      errors: [
        { messageId: 'duplicate', line: 8, column: 9, endLine: 8, endColumn: 28 },
        { messageId: 'duplicate', line: 10, column: 9, endLine: 10, endColumn: 17 },
      ],
    },
  ],
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, SourceFile } from '../../../../engine/index';

describe('compose/no-duplicate-ports: which service a port without an IP clashes with', () => {
  const messages = (text: string) => lint(new SourceFile('compose.yaml', text), { rules: [rule] }).findings.map((f) => f.message);
  it('names the first service that published the port, on any IP', () => {
    const text = 'services:\n  a:\n    image: a:1\n    ports: ["127.0.0.1:8080:80"]\n  b:\n    image: b:1\n    ports: ["127.0.0.2:8080:80", "9000:1/udp"]\n  c:\n    image: c:1\n    ports: ["8080:80", "9000:2/udp", "9000:3"]\n';
    assert.deepEqual(messages(text), [
      'Host port 8080/tcp is already published by service "a": the second container fails to start.',
      'Host port 9000/udp is already published by service "b": the second container fails to start.',
    ]);
  });
  it('compares whole keys when an IP or a protocol has a | in it', () => {
    const text = 'services:\n  a:\n    image: a:1\n    ports: [{ target: 1, published: "80", protocol: "x|81|tcp" }, "1|2:81:1"]\n  b:\n    image: b:1\n    ports: ["81:1"]\n';
    assert.deepEqual(messages(text), ['Host port 81/tcp is already published by service "a": the second container fails to start.']);
  });
});
