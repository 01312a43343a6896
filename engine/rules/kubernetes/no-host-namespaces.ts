import { bool, getPair } from '../../documents/yaml-nav';
import { deletePair } from '../../fixes/yaml';
import { defineK8sRule, workloadsOf } from '../../documents/k8s';
import type { Node } from 'yaml';

export default defineK8sRule({
  id: 'kubernetes/no-host-namespaces',
  type: 'problem',
  severity: 'error',
  summary: 'Pods do not share the host network, PID or IPC namespace',
  sources: ['kube-linter host-network', 'kube-linter host-pid', 'kube-linter host-ipc', 'Polaris hostNetworkSet', 'Polaris hostPIDSet', 'Polaris hostIPCSet'],
  messages: {
    host: 'The pod sets {{field}}: true: it shares the node\'s namespace and escapes pod isolation.',
  },
  fixable: true,
  perDocument: true,
  check(ctx, k8s) {
    for (const w of workloadsOf(k8s, { helmTests: true })) {
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
        const pair = getPair(w.podSpec, field);
        if (!pair || bool(pair.value) !== true || k8s.unknown(pair.value)) continue;
        const v = pair.value as Node;
        ctx.report({ range: { start: v.range![0], end: v.range![1] }, messageId: 'host', data: { field }, fixes: [{ title: `Remove ${field}`, edits: [deletePair(k8s.text, w.podSpec!, pair)] }] });
      }
    }
  },
});
