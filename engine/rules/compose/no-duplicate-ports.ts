import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';

function expand(published: string): number[] {
  const mm = /^(\d+)(?:-(\d+))?$/.exec(published.trim());
  if (!mm) return [];
  const a = Number(mm[1]);
  const b = mm[2] ? Number(mm[2]) : a;
  const out: number[] = [];
  for (let i = a; i <= b && out.length < 1000; i++) out.push(i);
  return out;
}

export default defineRule({
  id: 'compose/no-duplicate-ports',
  kind: 'compose',
  type: 'problem',
  severity: 'error',
  summary: 'A host port is published only once',
  sources: ['dclint no-duplicate-exported-ports'],
  messages: {
    duplicate: 'Host port {{port}}/{{protocol}} is already published by service "{{other}}": the second container fails to start.',
  },
  fixable: false,
  check(ctx) {
    const m = composeModel(ctx.file);
    const seen = new Map<string, string>();
    // `|port|protocol` → the service of the first key with that ending (keys are never overwritten),
    // so that a port without an IP does not scan every key; exact while no IP or protocol has a `|`.
    const byEnding = new Map<string, string>();
    let odd = false;
    for (const s of m.services) {
      // profiles: services of different profiles may reuse a port on purpose
      if (s.get('profiles') !== undefined) continue;
      for (const p of s.ports) {
        if (!p.published || p.published.includes('$')) continue;
        for (const port of expand(p.published)) {
          const ip = p.hostIp ?? '';
          const keys = [`${ip}|${port}|${p.protocol}`];
          if (ip) keys.push(`|${port}|${p.protocol}`);
          const ending = `|${port}|${p.protocol}`;
          if (p.protocol.includes('|')) odd = true;
          const clash = keys.map((k) => seen.get(k)).find((x) => x !== undefined) ?? (!ip ? (odd ? [...seen.keys()].filter((k) => k.endsWith(ending)).map((k) => seen.get(k))[0] : byEnding.get(ending)) : undefined);
          if (clash !== undefined) {
            ctx.report({ range: p.range, messageId: 'duplicate', data: { port, protocol: p.protocol, other: clash } });
            break;
          }
          seen.set(keys[0], s.name);
          if (ip.includes('|')) odd = true;
          if (!byEnding.has(ending)) byEnding.set(ending, s.name);
        }
      }
    }
  },
});
