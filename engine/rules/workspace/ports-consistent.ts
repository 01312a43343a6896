import { defineRule } from '../../define-rule';
import { indexedObjects, indexedTemplated, portsOf, type Container, type Located } from '../../documents/k8s';
import { get, nodeRange } from '../../documents/yaml-nav';
import { builtImages, COMPOSE_BUILDS, imageName } from './user-consistent';
import { factsOf, perWorkspace, type WorkspaceView } from '../../workspace';
import type { SourceFile } from '../../documents/source';
import type { Range, RelatedLocation } from '../../types';

interface Expected {
  compose: { path: string; name: string; ports: { target: string; range: Range }[] }[];
  k8s: { l: Located; c: Container }[];
}

/** By Dockerfile path: the Compose services built from it and the Kubernetes containers running its image, in index order. */
function expectations(ws: WorkspaceView): Map<string, Expected> {
  return perWorkspace(ws, 'ports-expected', () => {
    const out = new Map<string, Expected>();
    const at = (path: string) => {
      let e = out.get(path);
      if (!e) out.set(path, (e = { compose: [], k8s: [] }));
      return e;
    };
    for (const f of ws.files('compose')) for (const svc of factsOf(ws, COMPOSE_BUILDS, f).services) at(svc.dockerfile).compose.push({ path: f.path, name: svc.name, ports: svc.ports });
    const images = builtImages(ws);
    const templated = new Map<SourceFile, boolean>();
    for (const l of indexedObjects(ws)) {
      const w = l.object.workload;
      if (!w || l.object.partial || l.object.helmTest) continue;
      let t = templated.get(l.file);
      if (t === undefined) templated.set(l.file, (t = indexedTemplated(ws, l.file)));
      if (t) continue;
      for (const c of w.containers) {
        const name = c.image ? imageName(c.image) : undefined;
        const df = name ? images.get(name) : undefined;
        if (df !== undefined) at(df).k8s.push({ l, c });
      }
    }
    return out;
  });
}

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
    // Who expects which Dockerfile to listen where, once per version of the index (was: every
    // Compose service and Kubernetes container of the workspace for every Dockerfile).
    const mine = expectations(ws).get(ctx.file.path);
    for (const e of mine?.compose ?? []) {
      for (const p of e.ports) if (/^\d+$/.test(p.target)) want(Number(p.target), { path: e.path, range: p.range, message: `service ${e.name}: container port ${p.target}` });
    }
    for (const { l, c } of mine?.k8s ?? []) {
      const w = l.object.workload!;
      for (const p of portsOf(c)) {
        const r = nodeRange(get(p.node, 'containerPort'));
        if (p.number !== undefined && r) want(p.number, { path: l.file.path, range: r, message: `${w.kind} ${w.object.displayName}: containerPort ${p.number}` });
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
