import { bool, get, getPath, seqMaps, str } from '../../documents/yaml-nav';
import { containersOf, defineK8sRule, workloadsOf } from '../../documents/k8s';
import type { Node } from 'yaml';

// The sysctls Kubernetes considers safe (namespaced and isolated), as of 1.29+.
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export default defineK8sRule({
  id: 'kubernetes/no-unsafe-kernel-settings',
  type: 'problem',
  severity: 'error',
  summary: 'Pods use only safe sysctls, the default procMount and no Windows hostProcess',
  sources: ['kube-linter unsafe-sysctls', 'kube-linter unsafe-proc-mount', 'Polaris procMount', 'Polaris hostProcess'],
  messages: {
    sysctl: 'The sysctl {{name}} is not in the safe set: it can affect other pods on the node.',
    procMount: 'Container "{{name}}" sets procMount: Unmasked: /proc is exposed unmasked.',
    hostProcess: 'windowsOptions.hostProcess: true runs the container as a process on the Windows host.',
  },
  fixable: false,
  perDocument: true,
  check(ctx, k8s) {
    const at = (n: Node) => ({ start: n.range![0], end: n.range![1] });
    for (const w of workloadsOf(k8s, { helmTests: true })) {
      for (const s of seqMaps(getPath(w.podSpec, ['securityContext', 'sysctls']))) {
        const n = get(s, 'name');
        const name = str(n);
        if (name && !k8s.unknown(n) && !SAFE_SYSCTLS.has(name)) ctx.report({ range: at(n!), messageId: 'sysctl', data: { name } });
      }
      const hp = getPath(w.podSpec, ['securityContext', 'windowsOptions', 'hostProcess']);
      if (bool(hp) === true) ctx.report({ range: at(hp!), messageId: 'hostProcess' });
    }
    for (const { c } of containersOf(k8s, ['initContainer', 'container', 'ephemeralContainer'], { helmTests: true })) {
      const pm = getPath(c.node, ['securityContext', 'procMount']);
      if (str(pm) === 'Unmasked') ctx.report({ range: at(pm!), messageId: 'procMount', data: { name: c.name ?? `#${c.index + 1}` } });
      const hp = getPath(c.node, ['securityContext', 'windowsOptions', 'hostProcess']);
      if (bool(hp) === true) ctx.report({ range: at(hp!), messageId: 'hostProcess' });
    }
  },
});
