import { get, getPair, keyRange, seqMaps } from '../../documents/yaml-nav';
import { containersOf, defineK8sRule } from '../../documents/k8s';

export default defineK8sRule({
  id: 'kubernetes/secrets-as-files',
  type: 'suggestion',
  severity: 'info',
  preset: 'strict',
  summary: 'Secrets are mounted as files rather than exposed as environment variables',
  sources: ['kube-linter read-secret-from-env-var'],
  messages: {
    env: 'Container "{{name}}" reads a Secret into an environment variable: env vars leak into crash dumps, child processes and debug output. Mount the Secret as a volume.',
  },
  fixable: false,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s)) {
      const name = c.name ?? `#${c.index + 1}`;
      for (const env of seqMaps(get(c.node, 'env'))) {
        const ref = getPair(get(env, 'valueFrom'), 'secretKeyRef');
        if (ref) ctx.report({ range: keyRange(ref)!, messageId: 'env', data: { name } });
      }
      for (const from of seqMaps(get(c.node, 'envFrom'))) {
        const ref = getPair(from, 'secretRef');
        if (ref) ctx.report({ range: keyRange(ref)!, messageId: 'env', data: { name } });
      }
    }
  },
});
