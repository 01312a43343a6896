import { get, mapPairs, nodeRange, str } from '../../documents/yaml-nav';
import { mergeInto, raw, type YamlObject } from '../../fixes/yaml';
import { defineK8sRule } from '../../documents/k8s';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export default defineK8sRule({
  id: 'kubernetes/recommended-labels',
  type: 'style',
  severity: 'info',
  preset: 'strict',
  summary: 'Objects carry the recommended app.kubernetes.io labels, with valid label values',
  sources: ['Polaris metadataAndInstanceMismatched', 'kube-score label-values', 'kube-linter required-label-owner', 'Kubernetes recommended labels'],
  messages: {
    missing: '{{kind}} "{{name}}" lacks the label(s) {{labels}}.',
    invalid: 'Label value "{{value}}" is not valid: at most 63 characters, alphanumeric at both ends, with - _ . inside.',
  },
  fixable: true,
  perDocument: true,
  options: {
    type: 'object',
    properties: { required: { type: 'array', items: { type: 'string' }, description: 'Labels every object must have.' } },
    additionalProperties: false,
  },
  check(ctx, k8s) {
    const required = (ctx.options.required as string[] | undefined) ?? ['app.kubernetes.io/name', 'app.kubernetes.io/instance'];
    for (const o of k8s.objects) {
      if (!o.metadata || o.partial) continue;
      for (const { value } of mapPairs(get(o.metadata, 'labels'))) {
        const v = str(value);
        if (v !== undefined && !k8s.unknown(value) && (v.length > 63 || !LABEL_VALUE.test(v))) ctx.report({ range: nodeRange(value)!, messageId: 'invalid', data: { value: v } });
      }
      if (!o.labelsKnown) continue;
      const missing = required.filter((l) => !(l in o.labels));
      if (!missing.length) continue;
      const add: YamlObject = {};
      missing.forEach((l, i) => (add[l] = raw(`\${${i + 1}:${l.endsWith('/name') || l.endsWith('/instance') ? o.name ?? 'app' : 'value'}}`)));
      ctx.report({
        range: o.range,
        messageId: 'missing',
        data: { kind: o.kind, name: o.displayName, labels: missing.join(', ') },
        fixes: [{ title: `Add ${missing.join(', ')}`, snippet: true, edits: mergeInto(k8s.text, o.metadata, { labels: add }, { style: k8s.style }) }],
      });
    }
  },
});
