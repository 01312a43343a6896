import { asMap, get, seqMaps, str } from '../../documents/yaml-nav';
import { insertPairs, raw } from '../../fixes/yaml';
import { defineK8sRule } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/ingress-tls',
  type: 'problem',
  severity: 'warning',
  summary: 'Ingresses terminate TLS',
  sources: ['brief (TLS everywhere)', 'Polaris tlsSettingsMissing'],
  messages: {
    missing: 'Ingress "{{name}}" has no tls section: its hosts are served over plain HTTP.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const o of k8s.objects) {
      if (o.kind !== 'Ingress') continue;
      const spec = asMap(get(o.node, 'spec'));
      if (!spec || k8s.has(spec, 'tls') !== 'no' || spec.items.length === 0) continue;
      const hosts = seqMaps(get(spec, 'rules')).map((r) => get(r, 'host')).filter((h) => h && !k8s.unknown(h)).map((h) => str(h)!).filter(Boolean);
      const tls = { hosts: hosts.length ? [...new Set(hosts)] : [raw('${2:example.com}')], secretName: raw(`\${1:${o.name ?? 'ingress'}-tls}`) };
      ctx.report({
        range: o.range,
        messageId: 'missing',
        data: { name: o.displayName },
        fixes: [{ title: 'Add a tls section', snippet: true, edits: [insertPairs(k8s.text, spec, { tls: [tls] }, k8s.style)] }],
      });
    }
  },
});
