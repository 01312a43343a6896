import { mergeInto, raw } from '../../fixes/yaml';
import { containersOf, defineK8sRule, isBatch, probeFix } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/liveness-probe',
  type: 'problem',
  severity: 'warning',
  summary: 'Long-running containers have a liveness probe',
  sources: ['brief', 'kube-linter no-liveness-probe', 'Polaris livenessProbeMissing'],
  messages: {
    missing: 'Container "{{name}}" has no livenessProbe: a hung process is never restarted.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { w, c } of containersOf(k8s, ['container'])) {
      if (isBatch(w) || k8s.has(c.node, 'livenessProbe') !== 'no') continue;
      const fix = probeFix(k8s, c, 'livenessProbe', '/health') ?? {
        title: 'Add a livenessProbe (exec)',
        snippet: true,
        edits: mergeInto(k8s.text, c.node, { livenessProbe: { exec: { command: [raw('${1:/bin/healthcheck}')] }, periodSeconds: raw('${2:10}') } }, { style: k8s.style }),
      };
      ctx.report({ range: c.range, messageId: 'missing', data: { name: c.name ?? `#${c.index + 1}` }, fixes: [fix] });
    }
  },
});
