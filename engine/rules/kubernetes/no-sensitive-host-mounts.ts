import { trimSlashes } from '../../text/line-index';
import { bool, get, seqMaps, str } from '../../documents/yaml-nav';
import { defineK8sRule, volumesOf, workloadsOf } from '../../documents/k8s';

// Paths that give control of the node (runtime sockets, credentials, host configuration) even read-only.
const SENSITIVE = [/^\/$/, /^\/etc(\/|$)/, /^\/root(\/|$)/, /^\/boot(\/|$)/, /^\/dev(\/|$)/, /^\/var\/run\/docker\.sock$/, /^\/run\/docker\.sock$/, /^\/var\/run\/containerd/, /^\/run\/containerd/, /^\/var\/run\/crio/, /^\/var\/lib\/kubelet(\/|$)/, /^\/etc\/kubernetes/, /^\/var\/run\/secrets/];
// Paths that node agents (log shippers, exporters) read: reported only when mounted writable.
const SENSITIVE_WRITABLE = [/^\/proc(\/|$)/, /^\/sys(\/|$)/, /^\/var\/lib\/docker(\/|$)/];

export default defineK8sRule({
  id: 'kubernetes/no-sensitive-host-mounts',
  type: 'problem',
  severity: 'error',
  summary: 'Pods do not mount sensitive host paths, nor host paths writable',
  sources: ['kube-linter sensitive-host-mounts', 'kube-linter docker-sock', 'kube-linter writable-host-mount', 'Polaris hostPathSet'],
  messages: {
    sensitive: 'Volume "{{volume}}" mounts the host path {{path}}: a container with it can take over the node.',
    writable: 'Host path {{path}} (volume "{{volume}}") is mounted writable in container "{{container}}": set readOnly: true.',
  },
  fixable: false,
  perDocument: true,
  check(ctx, k8s) {
    for (const w of workloadsOf(k8s, { helmTests: true })) {
      const volumes = volumesOf(w);
      for (const [volume, v] of volumes) {
        const hp = get(v, 'hostPath');
        const pathNode = get(hp, 'path');
        const path = str(pathNode);
        if (!path || k8s.unknown(pathNode)) continue;
        const normalized = trimSlashes(path) || '/';
        const writableSomewhere = w.containers.some((c) => seqMaps(get(c.node, 'volumeMounts')).some((m) => str(get(m, 'name')) === volume && bool(get(m, 'readOnly')) !== true));
        if (SENSITIVE.some((re) => re.test(normalized)) || (writableSomewhere && SENSITIVE_WRITABLE.some((re) => re.test(normalized)))) {
          ctx.report({ range: { start: pathNode!.range![0], end: pathNode!.range![1] }, messageId: 'sensitive', data: { volume, path } });
          continue;
        }
        if (SENSITIVE_WRITABLE.some((re) => re.test(normalized))) continue;
        for (const c of w.containers) {
          for (const m of seqMaps(get(c.node, 'volumeMounts'))) {
            if (str(get(m, 'name')) !== volume || bool(get(m, 'readOnly')) === true) continue;
            const at = get(m, 'name')!;
            ctx.report({ range: { start: at.range![0], end: at.range![1] }, messageId: 'writable', data: { volume, path, container: c.name ?? `#${c.index + 1}` } });
          }
        }
      }
    }
  },
});
