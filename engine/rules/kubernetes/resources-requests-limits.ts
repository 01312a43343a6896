import { get, getPair, isEmpty } from '../../documents/yaml-nav';
import { mergeInto, raw, type YamlObject } from '../../fixes/yaml';
import { containersOf, defineK8sRule } from '../../documents/k8s';

const DEFAULTS: Record<string, string> = { 'requests.cpu': '100m', 'requests.memory': '128Mi', 'limits.cpu': '500m', 'limits.memory': '256Mi' };

export default defineK8sRule({
  id: 'kubernetes/resources-requests-limits',
  type: 'problem',
  severity: 'warning',
  summary: 'Every container sets CPU and memory requests and limits',
  sources: ['brief', 'kube-linter unset-cpu-requirements', 'kube-linter unset-memory-requirements', 'kube-score container-resources', 'Polaris cpuRequestsMissing', 'Polaris memoryLimitsMissing'],
  messages: {
    noResources: 'Container "{{name}}" sets no resources: set CPU and memory requests and limits.',
    missing: 'Container "{{name}}" does not set {{missing}}.',
  },
  fixable: true,
  perDocument: true,
  options: {
    type: 'object',
    properties: { requireCpuLimit: { type: 'boolean', description: 'Also require limits.cpu (default true; set false if you avoid CPU throttling).' } },
    additionalProperties: false,
  },
  check(ctx, k8s) {
    const requireCpuLimit = ctx.options.requireCpuLimit !== false;
    const wanted = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'].filter((k) => requireCpuLimit || k !== 'limits.cpu');
    for (const { c } of containersOf(k8s, ['initContainer', 'container'])) {
      const name = c.name ?? `#${c.index + 1}`;
      const resources = get(c.node, 'resources');
      if (k8s.has(c.node, 'resources') === 'unknown' || k8s.unknown(resources)) continue;
      const missing = wanted.filter((w) => {
        const [section, key] = w.split('.');
        const s = get(resources, section);
        if (k8s.has(resources, section) === 'unknown' || k8s.unknown(s) || k8s.has(s, key) === 'unknown') return false;
        return !getPair(s, key) || isEmpty(get(s, key));
      });
      if (missing.length === 0) continue;
      const entries: YamlObject = {};
      let n = 1;
      for (const m of missing) {
        const [section, key] = m.split('.');
        ((entries[section] ??= {}) as YamlObject)[key] = raw(`\${${n++}:${DEFAULTS[m]}}`);
      }
      const none = !getPair(c.node, 'resources') || isEmpty(resources) || missing.length === wanted.length;
      ctx.report({
        range: c.range,
        messageId: none ? 'noResources' : 'missing',
        data: { name, missing: missing.join(', ') },
        fixes: [{ title: none ? 'Add resource requests and limits' : `Add ${missing.join(', ')}`, snippet: true, edits: mergeInto(k8s.text, c.node, { resources: entries }, { style: k8s.style }) }],
      });
    }
  },
});
