import { defineRule } from '../../define-rule';
import { composeModel } from '../../documents/compose';
import { bool, get, nodeRange, seqItems, str, isMap, isScalar, type YPair } from '../../documents/yaml-nav';
import { deletePair } from '../../fixes/yaml';
import type { Fix } from '../../types';

const DANGEROUS_CAPS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'SYS_RAWIO', 'SYS_BOOT', 'BPF', 'PERFMON']);

export default defineRule({
  id: 'compose/no-privileged',
  kind: 'compose',
  type: 'problem',
  severity: 'error',
  summary: 'Services do not run privileged, share host namespaces, mount the Docker socket or add dangerous capabilities',
  sources: ['beyond (mirrors the kubernetes privileged/host-namespace rules)', 'Docker security documentation'],
  messages: {
    privileged: 'Service "{{service}}" runs privileged: it has every capability and every host device; escaping to the host is trivial.',
    host: 'Service "{{service}}" shares the host\'s {{what}} namespace ({{key}}: host): it sees and can reach host processes or interfaces.',
    socket: 'Service "{{service}}" mounts the Docker socket: whoever controls the container controls the host (":ro" does not change that).',
    cap: 'Service "{{service}}" adds capability {{cap}}, which is close to root on the host.',
  },
  fixable: true,
  check(ctx) {
    const m = composeModel(ctx.file);
    const text = ctx.file.text;
    for (const s of m.services) {
      if (!s.node) continue;
      const del = (pair: YPair): Fix[] => (s.node!.items.includes(pair as never) && !s.node!.flow ? [{ title: `Remove ${String((pair.key as { value?: unknown }).value)}`, edits: [deletePair(text, s.node!, pair)] }] : []);
      const priv = s.pairOf('privileged');
      if (priv && bool(priv.value) === true) ctx.report({ range: nodeRange(priv.value)!, messageId: 'privileged', data: { service: s.name }, fixes: del(priv) });
      for (const [key, what] of [['network_mode', 'network'], ['pid', 'process'], ['ipc', 'IPC'], ['userns_mode', 'user'], ['uts', 'UTS']] as const) {
        const p = s.pairOf(key);
        if (p && str(p.value) === 'host') ctx.report({ range: nodeRange(p.value)!, messageId: 'host', data: { service: s.name, what, key }, fixes: key === 'network_mode' ? [] : del(p) });
      }
      for (const v of seqItems(s.get('volumes'))) {
        const src = isScalar(v) ? String(v.value ?? '').split(':')[0] : isMap(v) ? str(get(v, 'source')) : undefined;
        if (src && /^\/?(var\/)?run\/docker\.sock$|^\/\/\.\/pipe\/docker_engine$/.test(src)) ctx.report({ range: nodeRange(v)!, messageId: 'socket', data: { service: s.name } });
      }
      for (const c of seqItems(s.get('cap_add'))) {
        const cap = str(c)?.toUpperCase().replace(/^CAP_/, '');
        if (cap && DANGEROUS_CAPS.has(cap)) ctx.report({ range: nodeRange(c)!, messageId: 'cap', data: { service: s.name, cap } });
      }
    }
  },
});
