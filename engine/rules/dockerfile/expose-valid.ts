import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';
import type { Fix } from '../../types';

export default defineRule({
  id: 'dockerfile/expose-valid',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'error',
  summary: 'EXPOSE lists valid ports (1–65535, optional range and lowercase tcp/udp/sctp), without host addresses or mappings',
  sources: ['hadolint DL3011', 'BuildKit ExposeProtoCasing', 'BuildKit ExposeInvalidFormat', 'dockerfile-utils INVALID_PORT', 'dockerfile-utils INVALID_PROTO', 'Trivy DS-0008'],
  messages: {
    port: 'EXPOSE {{value}}: {{port}} is not a valid port (1–65535).',
    range: 'EXPOSE {{value}}: the range start is greater than its end.',
    proto: 'EXPOSE {{value}}: protocol "{{proto}}" is not tcp, udp or sctp.',
    protoCase: 'EXPOSE {{value}}: write the protocol in lowercase ({{lower}}).',
    mapping: 'EXPOSE {{value}}: EXPOSE documents container ports only; host addresses and host-port mappings belong to docker run -p or Compose.',
    format: 'EXPOSE {{value}} is not a port, a port range or port/protocol.',
  },
  fixable: true,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'EXPOSE')) {
      for (const arg of ins.args) {
        const value = arg.value;
        if (value.includes('$')) continue;
        const m = /^(?:(.*):)?(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(value);
        if (!m) {
          ctx.report({ range: arg.range, messageId: 'format', data: { value } });
          continue;
        }
        const [, host, from, to, proto] = m;
        const fixes: Fix[] = [];
        if (host !== undefined) {
          const containerPart = value.slice(host.length + 1);
          ctx.report({ range: arg.range, messageId: 'mapping', data: { value }, fixes: [{ title: `Expose only the container port ${containerPart.toLowerCase()}`, edits: [{ range: arg.range, text: containerPart.toLowerCase() }] }] });
          continue;
        }
        const bad = [from, to].find((p) => p !== undefined && (Number(p) < 1 || Number(p) > 65535));
        if (bad !== undefined) {
          ctx.report({ range: arg.range, messageId: 'port', data: { value, port: bad } });
          continue;
        }
        if (to !== undefined && Number(to) < Number(from)) {
          ctx.report({ range: arg.range, messageId: 'range', data: { value } });
          continue;
        }
        if (proto !== undefined) {
          const lower = proto.toLowerCase();
          if (!/^(?:tcp|udp|sctp)$/.test(lower)) ctx.report({ range: arg.range, messageId: 'proto', data: { value, proto } });
          else if (lower !== proto) {
            const at = arg.range.end - proto.length;
            fixes.push({ title: `Use ${lower}`, edits: [{ range: { start: at, end: arg.range.end }, text: lower }] });
            ctx.report({ range: arg.range, messageId: 'protoCase', data: { value, lower: value.toLowerCase() }, fixes });
          }
        }
      }
    }
  },
});
