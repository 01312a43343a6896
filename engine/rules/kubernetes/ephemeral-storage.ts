import { get } from '../../documents/yaml-nav';
import { mergeInto, raw, type YamlObject } from '../../fixes/yaml';
import { containersOf, defineK8sRule } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/ephemeral-storage',
  type: 'suggestion',
  severity: 'warning',
  preset: 'strict',
  summary: 'Containers set an ephemeral-storage request and limit',
  sources: ['kube-score container-ephemeral-storage-request-and-limit'],
  messages: {
    missing: 'Container "{{name}}" does not set {{missing}}: a runaway log or temp file can fill the node\'s disk.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s, ['initContainer', 'container'])) {
      const resources = get(c.node, 'resources');
      if (k8s.has(c.node, 'resources') === 'unknown' || k8s.unknown(resources)) continue;
      const missing = ['requests', 'limits'].filter((s) => k8s.has(get(resources, s), 'ephemeral-storage') === 'no' && !k8s.unknown(get(resources, s)) && k8s.has(resources, s) !== 'unknown');
      if (!missing.length) continue;
      const entries: YamlObject = {};
      missing.forEach((s, i) => (entries[s] = { 'ephemeral-storage': raw(`\${${i + 1}:${s === 'requests' ? '256Mi' : '1Gi'}}`) }));
      ctx.report({
        range: c.range,
        messageId: 'missing',
        data: { name: c.name ?? `#${c.index + 1}`, missing: missing.map((s) => `${s}.ephemeral-storage`).join(', ') },
        fixes: [{ title: 'Add ephemeral-storage request and limit', snippet: true, edits: mergeInto(k8s.text, c.node, { resources: entries }, { style: k8s.style }) }],
      });
    }
  },
});
