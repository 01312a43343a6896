import { bool } from '../../documents/yaml-nav';
import { containerSecurityFix, containersOf, defineK8sRule, hardenFix, securitySetting } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/read-only-root-fs',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Containers mount their root filesystem read-only (readOnlyRootFilesystem: true)',
  sources: ['brief', 'kube-linter no-read-only-root-fs', 'kube-score container-security-context-readonlyrootfilesystem', 'Polaris notReadOnlyRootFilesystem'],
  messages: {
    missing: 'Container "{{name}}" has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true (mount an emptyDir where it must write, e.g. /tmp).',
    disabled: 'Container "{{name}}" sets readOnlyRootFilesystem: false.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const { w, c } of containersOf(k8s, ['initContainer', 'container'])) {
      const name = c.name ?? `#${c.index + 1}`;
      const s = securitySetting(k8s, w, c, 'readOnlyRootFilesystem', false);
      if (s.unknown || bool(s.value) === true) continue;
      const fixes = [containerSecurityFix(k8s, c, { readOnlyRootFilesystem: true }, 'Set readOnlyRootFilesystem: true')];
      if (s.pair) ctx.report({ range: { start: s.value!.range![0], end: s.value!.range![1] }, messageId: 'disabled', data: { name }, fixes });
      else ctx.report({ range: c.range, messageId: 'missing', data: { name }, fixes: [...fixes, hardenFix(k8s, c)] });
    }
  },
});
