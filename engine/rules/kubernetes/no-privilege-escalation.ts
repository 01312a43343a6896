import { bool } from '../../documents/yaml-nav';
import { containerSecurityFix, containersOf, defineK8sRule, hardenFix, securitySetting } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/no-privilege-escalation',
  type: 'problem',
  severity: 'warning',
  summary: 'Containers set allowPrivilegeEscalation: false',
  sources: ['brief', 'kube-linter privilege-escalation-container', 'Polaris privilegeEscalationAllowed'],
  messages: {
    missing: 'Container "{{name}}" allows privilege escalation (the default): set securityContext.allowPrivilegeEscalation: false.',
    allowed: 'Container "{{name}}" sets allowPrivilegeEscalation: true.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { w, c } of containersOf(k8s, ['initContainer', 'container'])) {
      const name = c.name ?? `#${c.index + 1}`;
      const s = securitySetting(k8s, w, c, 'allowPrivilegeEscalation', false);
      if (s.unknown || bool(s.value) === false) continue;
      const fixes = [containerSecurityFix(k8s, c, { allowPrivilegeEscalation: false }, 'Set allowPrivilegeEscalation: false')];
      if (s.pair && bool(s.value) === true) ctx.report({ range: { start: s.value!.range![0], end: s.value!.range![1] }, messageId: 'allowed', data: { name }, fixes });
      else if (!s.pair) ctx.report({ range: c.range, messageId: 'missing', data: { name }, fixes: [...fixes, hardenFix(k8s, c)] });
    }
  },
});
