import { getPair, nodeRange, str } from '../../documents/yaml-nav';
import { defineK8sRule, workloadsOf } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/priority-class',
  type: 'suggestion',
  severity: 'info',
  preset: 'strict',
  summary: 'Pods set a priorityClassName (from an allowed list, when configured)',
  sources: ['Polaris priorityClassNotSet', 'kube-linter priority-class-name'],
  messages: {
    missing: '{{kind}} "{{name}}" sets no priorityClassName: under resource pressure its pods are preempted like any other.',
    notAllowed: 'priorityClassName "{{value}}" is not one of the allowed classes ({{allowed}}).',
  },
  fixable: false,
  perDocument: true,
  options: {
    type: 'object',
    properties: { allowed: { type: 'array', items: { type: 'string' }, description: 'Allowed priority class names.' } },
    additionalProperties: false,
  },
  check(ctx, k8s) {
    const allowed = ctx.options.allowed as string[] | undefined;
    for (const w of workloadsOf(k8s)) {
      if (!w.podSpec) continue;
      const pair = getPair(w.podSpec, 'priorityClassName');
      if (!pair) {
        if (k8s.has(w.podSpec, 'priorityClassName') === 'no') ctx.report({ range: w.object.range, messageId: 'missing', data: { kind: w.kind, name: w.object.displayName } });
        continue;
      }
      const v = str(pair.value);
      if (allowed && v && !k8s.unknown(pair.value) && !allowed.includes(v)) ctx.report({ range: nodeRange(pair.value)!, messageId: 'notAllowed', data: { value: v, allowed: allowed.join(', ') } });
    }
  },
});
