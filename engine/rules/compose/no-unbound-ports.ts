import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import type { Fix } from '../../types';
import { isScalar } from '../../documents/yaml-nav';

const PUBLIC = new Set(['80', '443']);

export default defineRule({
  id: 'compose/no-unbound-ports',
  kind: 'compose',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Published ports name the interface they bind to instead of every interface of the host',
  sources: ['dclint no-unbound-port-interfaces'],
  messages: {
    unbound: 'Port {{port}} is published on every interface of the host (and Docker bypasses host firewalls such as ufw). Bind it to 127.0.0.1 unless it must be reachable from outside.',
  },
  fixable: true,
  options: {
    type: 'object',
    properties: { publicPorts: { type: 'array', items: { type: ['string', 'number'] }, description: 'Host ports that are meant to be public (default 80 and 443).' } },
    additionalProperties: false,
  },
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    const pub = new Set([...PUBLIC, ...((ctx.options.publicPorts as (string | number)[] | undefined) ?? []).map(String)]);
    for (const s of m.services) {
      for (const p of s.ports) {
        if (!p.published || p.hostIp !== undefined || p.published.includes('$') || pub.has(p.published)) continue;
        const fixes: Fix[] = [];
        if (!p.long && isScalar(p.node) && p.node.range) {
          const src = text.slice(p.node.range[0], p.node.range[1]);
          const q = src.startsWith('"') || src.startsWith("'") ? 1 : 0;
          const at = p.node.range[0] + q;
          fixes.push({ title: 'Bind to 127.0.0.1', edits: q ? [{ range: { start: at, end: at }, text: '127.0.0.1:' }] : [{ range: { start: p.node.range[0], end: p.node.range[1] }, text: `"127.0.0.1:${src}"` }] });
        }
        ctx.report({ range: p.range, messageId: 'unbound', data: { port: p.published }, fixes });
      }
    }
  },
});
