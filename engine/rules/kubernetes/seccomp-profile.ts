import { get, getPath, str } from '../../documents/yaml-nav';
import { mergeInto } from '../../fixes/yaml';
import { defineK8sRule, workloadsOf } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/seccomp-profile',
  type: 'suggestion',
  severity: 'info',
  summary: 'Pods run with a seccomp profile (RuntimeDefault)',
  sources: ['kube-score container-seccomp-profile', 'Polaris linuxHardening'],
  messages: {
    missing: 'No seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault on the pod.',
    unconfined: 'The seccomp profile is Unconfined: use RuntimeDefault.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const w of workloadsOf(k8s)) {
      if (!w.podSpec) continue;
      const psc = get(w.podSpec, 'securityContext');
      const podType = get(get(psc, 'seccompProfile'), 'type');
      const containers = w.containers.filter((c) => c.type !== 'ephemeralContainer');
      const own = containers.map((c) => getPath(c.node, ['securityContext', 'seccompProfile', 'type']));
      for (const t of [podType, ...own]) {
        if (t && str(t) === 'Unconfined' && !k8s.unknown(t)) ctx.report({ range: { start: t.range![0], end: t.range![1] }, messageId: 'unconfined' });
      }
      if (podType) continue;
      if (containers.length && own.every((t) => t !== undefined)) continue;
      if (k8s.has(w.podSpec, 'securityContext') === 'unknown' || k8s.unknown(psc) || k8s.has(psc, 'seccompProfile') === 'unknown') continue;
      if (containers.some((c) => k8s.has(c.node, 'securityContext') === 'unknown' || k8s.unknown(get(c.node, 'securityContext')))) continue;
      const ann = w.podMetadata ? str(get(get(w.podMetadata, 'annotations'), 'seccomp.security.alpha.kubernetes.io/pod')) : undefined;
      if (ann && ann !== 'unconfined') continue;
      ctx.report({
        range: w.object.range,
        messageId: 'missing',
        fixes: [{ title: 'Add seccompProfile RuntimeDefault to the pod securityContext', edits: mergeInto(k8s.text, w.podSpec, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }, { style: k8s.style }) }],
      });
    }
  },
});
