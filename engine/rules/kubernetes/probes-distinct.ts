import { get, getPair, getPath, keyRange, seqItems, str } from '../../documents/yaml-nav';
import { containersOf, defineK8sRule } from '../../documents/k8s';
import type { Node } from 'yaml';

/** What a probe checks: `http <port> <path>`, `tcp <port>`, `grpc <port> <service>` or `exec <cmd>`. */
function endpoint(probe: unknown): string | undefined {
  const http = get(probe, 'httpGet');
  if (http) return `http ${str(get(http, 'port'))} ${str(get(http, 'path')) ?? '/'}`;
  const tcp = get(probe, 'tcpSocket');
  if (tcp) return `tcp ${str(get(tcp, 'port'))}`;
  const grpc = get(probe, 'grpc');
  if (grpc) return `grpc ${str(get(grpc, 'port'))} ${str(get(grpc, 'service')) ?? ''}`;
  const exec = get(probe, 'exec');
  if (exec) return `exec ${seqItems(get(exec, 'command')).map((i) => str(i)).join(' ')}`;
  return undefined;
}

export default defineK8sRule({
  id: 'kubernetes/probes-distinct',
  type: 'problem',
  severity: 'warning',
  summary: 'Readiness and liveness probes check different endpoints',
  sources: ['brief', 'kube-score pod-probes-identical'],
  messages: {
    same: 'Container "{{name}}": the livenessProbe checks the same endpoint as the readinessProbe ({{endpoint}}). A slow dependency then restarts the pod instead of taking it out of rotation: use e.g. /health for liveness and /ready for readiness.',
  },
  fixable: false,
  perDocument: true,
  check(ctx, k8s) {
    for (const { c } of containersOf(k8s, ['container'], { helmTests: true })) {
      const live = getPair(c.node, 'livenessProbe');
      const ready = get(c.node, 'readinessProbe');
      if (!live || !ready || k8s.unknown(live.value) || k8s.unknown(ready)) continue;
      const a = endpoint(live.value);
      const b = endpoint(ready);
      if (!a || a !== b) continue;
      // the same exec script may check different things; only flag network endpoints and identical probes
      if (a.startsWith('exec') && k8s.text.slice((live.value as Node).range![0], (live.value as Node).range![1]) !== k8s.text.slice((ready as Node).range![0], (ready as Node).range![1])) continue;
      if ([getPath(live.value, ['httpGet', 'port']), getPath(live.value, ['httpGet', 'path'])].some((n) => k8s.unknown(n))) continue;
      ctx.report({ range: keyRange(live)!, messageId: 'same', data: { name: c.name ?? `#${c.index + 1}`, endpoint: a } });
    }
  },
});
