import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { keyRange, mapPairs } from '../../documents/yaml-nav';

const TOP = ['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models'];
const SERVICE = ['image', 'build', 'container_name', 'depends_on', 'volumes', 'volumes_from', 'configs', 'secrets', 'environment', 'env_file', 'ports', 'networks', 'network_mode', 'extra_hosts', 'command', 'entrypoint', 'working_dir', 'restart', 'healthcheck', 'logging', 'labels', 'user', 'isolation'];

export default defineRule({
  id: 'compose/ordering',
  kind: 'compose',
  type: 'style',
  severity: 'info',
  preset: 'strict',
  summary: 'Top-level keys, services and service keys follow one canonical order',
  sources: ['dclint top-level-properties-order, services-alphabetical-order, service-keys-order'],
  messages: {
    top: 'Top-level key "{{key}}" should come before "{{before}}" ({{order}}).',
    services: 'Service "{{key}}" should come before "{{before}}" (alphabetical order).',
    serviceKey: 'Key "{{key}}" should come before "{{before}}" in service "{{service}}".',
  },
  fixable: false,
  check(ctx) {
    const m = composeModel(ctx.file);
    const check = (pairs: ReturnType<typeof mapPairs>, rank: (k: string) => number, report: (key: string, before: string, r: { start: number; end: number }) => void) => {
      let maxKey: string | undefined;
      let max = -Infinity;
      for (const p of pairs) {
        const r = rank(p.key);
        if (r === Infinity) continue;
        if (r < max && maxKey) {
          report(p.key, maxKey, keyRange(p.pair)!);
          return;
        }
        if (r > max) {
          max = r;
          maxKey = p.key;
        }
      }
    };
    check(mapPairs(m.root).filter((p) => !p.key.startsWith('x-')), (k) => (TOP.includes(k) ? TOP.indexOf(k) : Infinity), (key, before, range) => ctx.report({ range, messageId: 'top', data: { key, before, order: TOP.join(', ') } }));
    const names = m.services.map((s) => s.name);
    const sorted = [...names].sort();
    const firstOff = names.findIndex((n, i) => n !== sorted[i]);
    if (firstOff >= 0) {
      const s = m.services.find((x) => x.name === sorted[firstOff])!;
      ctx.report({ range: s.keyRange, messageId: 'services', data: { key: s.name, before: names[firstOff] } });
    }
    for (const s of m.services) {
      check(mapPairs(s.node), (k) => (SERVICE.includes(k) ? SERVICE.indexOf(k) : Infinity), (key, before, range) => ctx.report({ range, messageId: 'serviceKey', data: { key, before, service: s.name } }));
    }
  },
});
