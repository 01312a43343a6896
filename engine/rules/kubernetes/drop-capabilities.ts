import { get, isEmpty, seqItems, str } from '../../documents/yaml-nav';
import { containerSecurityFix, containersOf, defineK8sRule, hardenFix } from '../../documents/k8s';

const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'NET_RAW', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SETFCAP']);

export default defineK8sRule({
  id: 'kubernetes/drop-capabilities',
  type: 'problem',
  severity: 'warning',
  summary: 'Containers drop all Linux capabilities and add back only harmless ones',
  sources: ['brief', 'kube-linter drop-net-raw-capability', 'Polaris dangerousCapabilities', 'Polaris insecureCapabilities'],
  messages: {
    notDropped: 'Container "{{name}}" keeps the default capabilities (incl. NET_RAW): add securityContext.capabilities.drop: [ALL].',
    dangerous: 'Container "{{name}}" adds the dangerous capability {{cap}}.',
  },
  fixable: true,
  perDocument: true,
  options: { type: 'object', properties: { allowedCapabilities: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
  check(ctx, k8s) {
    const allowed = new Set(((ctx.options.allowedCapabilities as string[] | undefined) ?? []).map((c) => c.toUpperCase().replace(/^CAP_/, '')));
    for (const { c } of containersOf(k8s, ['initContainer', 'container'])) {
      const name = c.name ?? `#${c.index + 1}`;
      const sc = get(c.node, 'securityContext');
      const caps = get(sc, 'capabilities');
      const drop = get(caps, 'drop');
      for (const item of seqItems(get(caps, 'add'))) {
        const cap = str(item)?.toUpperCase().replace(/^CAP_/, '');
        if (cap && DANGEROUS.has(cap) && !allowed.has(cap) && !k8s.unknown(item)) ctx.report({ range: { start: item.range![0], end: item.range![1] }, messageId: 'dangerous', data: { name, cap } });
      }
      if (k8s.has(c.node, 'securityContext') === 'unknown' || k8s.unknown(sc) || k8s.has(sc, 'capabilities') === 'unknown' || k8s.unknown(caps) || k8s.unknown(drop)) continue;
      const dropped = seqItems(drop).map((i) => str(i)?.toUpperCase());
      if (dropped.includes('ALL')) continue;
      if (!isEmpty(drop) && dropped.includes('NET_RAW') && dropped.length > 0) continue;
      ctx.report({ range: c.range, messageId: 'notDropped', data: { name }, fixes: [containerSecurityFix(k8s, c, { capabilities: { drop: ['ALL'] } }, 'Drop all capabilities'), hardenFix(k8s, c)] });
    }
  },
});
