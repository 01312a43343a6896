import { containersOf, defineK8sRule, isBatch, portsOf, probeFix } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/readiness-probe',
  type: 'problem',
  severity: 'warning',
  summary: 'Serving containers (those that declare ports) have a readiness probe',
  sources: ['brief', 'kube-linter no-readiness-probe', 'kube-score pod-probes', 'Polaris readinessProbeMissing'],
  messages: {
    missing: 'Container "{{name}}" serves on a port but has no readinessProbe: it gets traffic before it is ready and during shutdown.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { w, c } of containersOf(k8s, ['container'])) {
      if (isBatch(w) || portsOf(c).length === 0) continue;
      if (k8s.has(c.node, 'readinessProbe') !== 'no') continue;
      const fix = probeFix(k8s, c, 'readinessProbe', '/ready');
      ctx.report({ range: c.range, messageId: 'missing', data: { name: c.name ?? `#${c.index + 1}` }, fixes: fix ? [fix] : [] });
    }
  },
});
