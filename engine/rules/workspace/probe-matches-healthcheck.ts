import { containersOf, defineK8sRule } from '../../documents/k8s';
import { get, getPath, nodeRange, str } from '../../documents/yaml-nav';
import { dockerfileFor, lastShipped } from './user-consistent';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** The path of a `http://host:port/path` URL in a HEALTHCHECK command. */
function healthPath(cmd: string): string | undefined {
  const urls = [...cmd.matchAll(/https?:\/\/[^/\s"'\]]+(\/[^\s"'?#\]]*)?/g)];
  if (urls.length !== 1) return undefined;
  const p = urls[0][1] ?? '/';
  return /[$]/.test(p) ? undefined : p;
}

const norm = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export default defineK8sRule({
  id: 'workspace/probe-matches-healthcheck',
  type: 'suggestion',
  severity: 'info',
  summary: "Kubernetes HTTP probes use the health endpoint of the image's Dockerfile HEALTHCHECK",
  sources: ['brief (probes)', 'beyond (one health endpoint per image)'],
  messages: {
    differs: 'The Dockerfile of this image ({{dockerfile}}) checks health at {{health}}, but none of this container\'s HTTP probes uses it (they use {{probes}}): one of them is probably stale.',
  },
  fixable: false,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete || k8s.templated) return;
    for (const { c } of containersOf(k8s, ['container'])) {
      if (!c.image) continue;
      const probes = PROBES.map((k) => getPath(c.node, [k, 'httpGet', 'path'])).filter((n) => n != null);
      if (probes.length === 0 || probes.some((n) => k8s.unknown(n) || str(n) === undefined)) continue;
      const df = dockerfileFor(ctx.workspace, c.image);
      if (!df) continue;
      const hc = lastShipped(df.dockerfile, 'HEALTHCHECK');
      if (!hc || /^\s*NONE\b/i.test(hc.argsText)) continue;
      const health = healthPath(hc.argsText);
      if (!health) continue;
      const paths = probes.map((n) => norm(str(n)!));
      if (paths.includes(norm(health))) continue;
      const target = get(getPath(c.node, ['livenessProbe', 'httpGet']), 'path') ?? probes[0];
      const range = nodeRange(target);
      if (!range) continue;
      ctx.report({
        range,
        messageId: 'differs',
        data: { dockerfile: df.path, health, probes: [...new Set(paths)].join(', ') },
        related: [{ path: df.path, range: hc.range, message: `HEALTHCHECK on ${health}` }],
      });
    }
  },
});
