import { bool, num } from '../../documents/yaml-nav';
import { containerSecurityFix, containersOf, defineK8sRule, hardenFix, securitySetting } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/run-as-non-root',
  type: 'problem',
  severity: 'warning',
  summary: 'Containers run as a non-root user (runAsNonRoot: true, non-zero runAsUser and runAsGroup)',
  sources: ['brief', 'kube-linter run-as-non-root', 'kube-score container-security-context-user-group-id', 'Polaris runAsRootAllowed'],
  messages: {
    missing: 'Container "{{name}}" may run as root: set securityContext.runAsNonRoot: true.',
    disabled: 'Container "{{name}}" sets runAsNonRoot: false: it may run as root.',
    rootId: 'Container "{{name}}" runs with {{field}}: 0 (root).',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { w, c } of containersOf(k8s)) {
      const name = c.name ?? `#${c.index + 1}`;
      for (const field of ['runAsUser', 'runAsGroup']) {
        const s = securitySetting(k8s, w, c, field, true);
        if (!s.unknown && s.pair && num(s.value) === 0) ctx.report({ range: { start: s.value!.range![0], end: s.value!.range![1] }, messageId: 'rootId', data: { name, field } });
      }
      const s = securitySetting(k8s, w, c, 'runAsNonRoot', true);
      if (s.unknown) continue;
      const v = bool(s.value);
      if (v === true) continue;
      // a non-zero runAsUser also keeps the container off root
      const user = securitySetting(k8s, w, c, 'runAsUser', true);
      if (v === undefined && !user.unknown && (num(user.value) ?? 0) > 0) continue;
      if (v === false) {
        ctx.report({ range: { start: s.value!.range![0], end: s.value!.range![1] }, messageId: 'disabled', data: { name }, fixes: [containerSecurityFix(k8s, c, { runAsNonRoot: true }, 'Set runAsNonRoot: true')] });
      } else {
        ctx.report({ range: c.range, messageId: 'missing', data: { name }, fixes: [containerSecurityFix(k8s, c, { runAsNonRoot: true }, 'Add runAsNonRoot: true'), hardenFix(k8s, c)] });
      }
    }
  },
});
