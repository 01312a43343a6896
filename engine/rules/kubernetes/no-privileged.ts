import { bool } from '../../documents/yaml-nav';
import { replaceScalar } from '../../fixes/yaml';
import { containersOf, defineK8sRule, securitySetting } from '../../documents/k8s';
import type { Scalar } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/no-privileged',
  type: 'problem',
  severity: 'error',
  summary: 'Containers do not run privileged',
  sources: ['kube-linter privileged-container', 'kube-score container-security-context-privileged', 'Polaris runAsPrivileged'],
  messages: {
    privileged: 'Container "{{name}}" runs privileged: it has every capability and access to all host devices.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { w, c } of containersOf(k8s, ['initContainer', 'container', 'ephemeralContainer'], { helmTests: true })) {
      const s = securitySetting(k8s, w, c, 'privileged', false);
      if (s.unknown || bool(s.value) !== true) continue;
      const v = s.value as Scalar;
      ctx.report({
        range: { start: v.range![0], end: v.range![1] },
        messageId: 'privileged',
        data: { name: c.name ?? `#${c.index + 1}` },
        fixes: [{ title: 'Set privileged: false', edits: [replaceScalar(k8s.text, v, false)] }],
      });
    }
  },
});
