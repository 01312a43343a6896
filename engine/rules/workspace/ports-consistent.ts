import { defineRule } from '../../define-rule';
import { composeModel, dockerfilePath } from '../../documents/compose';
import { k8sModel, portsOf, workloadsOf } from '../../documents/k8s';
import { get, nodeRange } from '../../documents/yaml-nav';
import { builtImages, imageName } from './user-consistent';
import type { RelatedLocation } from '../../types';

export default defineRule({
  id: 'workspace/ports-consistent',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'info',
  crossFile: true,
  summary: 'Container ports in Compose and Kubernetes match the ports the Dockerfile EXPOSEs',
  sources: ['beyond (EXPOSE, containerPort and Compose ports drift apart)'],
  messages: {
    mismatch: 'This image EXPOSEs {{exposed}}, but {{where}} expects the container to listen on port {{port}}: one of them is stale.',
  },
  fixable: false,
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws.complete) return;
    const df = ctx.doc;
    const exposes = df.instructions.filter((i) => i.keyword === 'EXPOSE' && i.stage && df.shippedStages.has(i.stage));
    if (exposes.length === 0) return;
    const exposed = new Set<number>();
    for (const e of exposes) {
      for (const a of e.args) {
        const m = /^(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(a.value);
        if (!m) return; // variables and ranges: unsure
        exposed.add(Number(m[1]));
      }
    }
    const wanted = new Map<number, RelatedLocation[]>();
    const want = (port: number, loc: RelatedLocation) => {
      if (exposed.has(port)) return;
      wanted.set(port, [...(wanted.get(port) ?? []), loc]);
    };
    for (const f of ws.files('compose')) {
      for (const svc of composeModel(f).services) {
        if (dockerfilePath(f.path, svc) !== ctx.file.path) continue;
        for (const p of svc.ports) if (p.target && /^\d+$/.test(p.target)) want(Number(p.target), { path: f.path, range: p.range, message: `service ${svc.name}: container port ${p.target}` });
      }
    }
    const images = builtImages(ws);
    for (const f of ws.files('kubernetes')) {
      const k8s = k8sModel(f);
      if (k8s.templated) continue;
      for (const w of workloadsOf(k8s)) {
        for (const c of w.containers) {
          const name = c.image ? imageName(c.image) : undefined;
          if (!name || images.get(name) !== ctx.file.path) continue;
          for (const p of portsOf(c)) {
            const r = nodeRange(get(p.node, 'containerPort'));
            if (p.number !== undefined && r) want(p.number, { path: f.path, range: r, message: `${w.kind} ${w.object.displayName}: containerPort ${p.number}` });
          }
        }
      }
    }
    const first = exposes[0];
    const range = { start: first.keywordRange.start, end: first.argsRange?.end ?? first.keywordRange.end };
    const list = [...exposed].join(', ');
    for (const [port, related] of [...wanted].sort((a, b) => a[0] - b[0])) {
      const where = related.map((r) => `${r.path} (${r.message.split(':')[0]})`).join(', ');
      ctx.report({ range, messageId: 'mismatch', data: { exposed: list, where, port }, related });
    }
  },
});
