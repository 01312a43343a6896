import { get, nodeRange, seqMaps, str } from '../../documents/yaml-nav';
import { deleteItem } from '../../fixes/yaml';
import { containersOf, defineK8sRule } from '../../documents/k8s';
import type { YAMLMap, YAMLSeq } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/no-duplicate-env',
  type: 'problem',
  severity: 'warning',
  summary: 'A container does not define the same environment variable twice',
  sources: ['kube-linter duplicate-env-var', 'kube-score environment-variable-key-duplication'],
  messages: {
    duplicate: 'Environment variable {{name}} is defined again in container "{{container}}": the earlier definition (line {{line}}) is silently overridden.',
  },
  fixable: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s, ['initContainer', 'container', 'ephemeralContainer'], { helmTests: true })) {
      const list = get(c.node, 'env') as YAMLSeq | undefined;
      const seen = new Map<string, YAMLMap>();
      for (const env of seqMaps(list)) {
        const nameNode = get(env, 'name');
        const name = str(nameNode);
        if (!name || k8s.unknown(nameNode)) continue;
        const earlier = seen.get(name);
        seen.set(name, env);
        if (!earlier) continue;
        ctx.report({
          range: nodeRange(nameNode)!,
          messageId: 'duplicate',
          data: { name, container: c.name ?? `#${c.index + 1}`, line: ctx.file.lines.positionAt(earlier.range![0]).line + 1 },
          // The last definition wins in Kubernetes; removing the earlier one keeps what runs today.
          fixes: [{ title: `Remove the earlier ${name} (the one that has no effect)`, edits: [deleteItem(k8s.text, list!, earlier)] }],
        });
      }
    }
  },
});
