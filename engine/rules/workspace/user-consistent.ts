import { bool, nodeRange } from '../../documents/yaml-nav';
import { containersOf, defineK8sRule, securitySetting } from '../../documents/k8s';
import { composeModel, dockerfilePath } from '../../documents/compose';
import { parseImageRef } from '../../documents/image-ref';
import { input, workflowModel, type WfStep } from '../../documents/workflow';
import { defineFacts, factsOf, perWorkspace, type WorkspaceView } from '../../workspace';
import type { DfInstruction, DockerfileModel } from '../../documents/dockerfile';
import type { Range } from '../../types';
import type { SourceFile } from '../../documents/source';

// --- Which Dockerfile of the repository builds an image (shared by the cross-file image rules) ---

/** An image name without tag or digest, lower-case, without `docker.io/` and `library/`. */
export function imageName(ref: string): string | undefined {
  const name = parseImageRef(ref.trim())?.name.toLowerCase();
  if (!name || /[${}\s]/.test(name)) return undefined;
  return name.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '') || undefined;
}

function normPath(...parts: string[]): string | undefined {
  const out: string[] = [];
  for (const p of parts.join('/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

/** `docker build` command lines of a run script: tags and Dockerfile. */
function dockerBuilds(run: string): { tags: string[]; dockerfile?: string }[] {
  const out: { tags: string[]; dockerfile?: string }[] = [];
  for (const line of run.replace(/\\\r?\n/g, ' ').split(/\r?\n|&&|;/)) {
    const m = /\b(?:docker|podman)\s+(?:buildx\s+)?build\b(.*)$/.exec(line);
    if (!m) continue;
    const words = m[1].trim().split(/\s+/).filter(Boolean);
    const tags: string[] = [];
    let file: string | undefined;
    let context: string | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const eq = /^(--tag|-t|--file|-f)=(.*)$/.exec(w);
      const flag = eq ? eq[1] : w;
      const value = eq ? eq[2] : words[i + 1];
      if (flag === '-t' || flag === '--tag') {
        if (value) tags.push(value.replace(/^["']|["']$/g, ''));
        if (!eq) i++;
      } else if (flag === '-f' || flag === '--file') {
        file = value?.replace(/^["']|["']$/g, '');
        if (!eq) i++;
      } else if (/^--?[a-z]/.test(w)) {
        // flags with a value: skip it (boolean flags are rare before the context)
        if (!w.includes('=') && !['--push', '--load', '--pull', '--no-cache', '-q', '--quiet', '--rm'].includes(w)) i++;
      } else context = w.replace(/^["']|["']$/g, '');
    }
    if (context === undefined || /[$]/.test(context) || (file && /[$]/.test(file))) continue;
    const df = file ? normPath(file) : normPath(context, 'Dockerfile');
    out.push({ tags, dockerfile: df });
  }
  return out;
}

function stepBuilds(s: WfStep): { tags: string[]; dockerfile?: string }[] {
  if (s.action === 'docker/build-push-action') {
    const tags = (input(s, 'tags') ?? '').split(/[\n,]/).map((t) => t.trim()).filter(Boolean);
    const context = input(s, 'context') ?? '.';
    const file = input(s, 'file');
    if (/[$]/.test(context) || (file && /[$]/.test(file))) return [];
    return [{ tags, dockerfile: file ? normPath(file) : normPath(context, 'Dockerfile') }];
  }
  return s.run ? dockerBuilds(s.run) : [];
}

/**
 * What a Compose file builds: its services' images with their Dockerfile (`build:` and `image:`),
 * and every service's Dockerfile with its container ports (for workspace/ports-consistent).
 */
export const COMPOSE_BUILDS = defineFacts<{ images: [string, string | null][]; services: { name: string; dockerfile: string; ports: { target: string; range: Range }[] }[] }>({
  key: 'compose-builds',
  kinds: ['compose'],
  extract(f) {
    const images: [string, string | null][] = [];
    const services: { name: string; dockerfile: string; ports: { target: string; range: Range }[] }[] = [];
    for (const svc of composeModel(f).services) {
      const dockerfile = dockerfilePath(f.path, svc);
      if (svc.image && svc.buildPair) images.push([svc.image, dockerfile ?? null]);
      if (dockerfile !== undefined) services.push({ name: svc.name, dockerfile, ports: svc.ports.filter((p) => p.target !== undefined).map((p) => ({ target: p.target!, range: p.range })) });
    }
    return { images, services };
  },
});

/** Image tags a workflow builds, each with the Dockerfile it builds from. */
const WORKFLOW_BUILDS = defineFacts<[string, string | null][]>({
  key: 'workflow-builds',
  kinds: ['workflow'],
  extract(f) {
    const out: [string, string | null][] = [];
    for (const s of workflowModel(f).steps()) for (const b of stepBuilds(s)) for (const t of b.tags) out.push([t, b.dockerfile ?? null]);
    return out;
  },
});

/**
 * Image names the repository builds, each with the Dockerfile that builds it: from Compose services
 * with both `build:` and `image:`, and from CI steps that build with `-t`/`tags:`. A name built from
 * two different Dockerfiles maps to undefined (unsure).
 */
export function builtImages(ws: WorkspaceView): Map<string, string | undefined> {
  return perWorkspace(ws, 'built-images', () => {
    const out = new Map<string, string | undefined>();
    const put = (ref: string, dockerfile: string | null) => {
      const name = imageName(ref);
      if (!name || !dockerfile || ws.get(dockerfile)?.kind !== 'dockerfile') return;
      if (out.has(name) && out.get(name) !== dockerfile) out.set(name, undefined);
      else out.set(name, dockerfile);
    };
    for (const f of ws.files('compose')) for (const [image, dockerfile] of factsOf(ws, COMPOSE_BUILDS, f).images) put(image, dockerfile);
    for (const f of ws.files('workflow')) for (const [tag, dockerfile] of factsOf(ws, WORKFLOW_BUILDS, f)) put(tag, dockerfile);
    return out;
  });
}

/** The Dockerfile that builds an image reference, when the repository clearly builds it. */
export function dockerfileFor(ws: WorkspaceView, image: string | undefined): SourceFile | undefined {
  const name = image ? imageName(image) : undefined;
  const path = name ? builtImages(ws).get(name) : undefined;
  return path ? ws.get(path) : undefined;
}

/** The last instruction with this keyword in the stages that end up in the image. */
export function lastShipped(df: DockerfileModel, keyword: string): DfInstruction | undefined {
  let last: DfInstruction | undefined;
  for (const s of [...df.shippedStages].sort((a, b) => a.index - b.index)) for (const i of s.instructions) if (i.keyword === keyword) last = i;
  return last;
}

// --- The rule ------------------------------------------------------------------------------------

export default defineK8sRule({
  id: 'workspace/user-consistent',
  type: 'problem',
  severity: 'info',
  summary: 'An image built in the repository runs as a numeric non-root USER when its manifest requires runAsNonRoot',
  sources: ['hadolint DL3066 (related)', 'beyond (kubelet refuses runAsNonRoot for root or named users)'],
  messages: {
    root: 'runAsNonRoot is true but {{dockerfile}} ends with USER {{user}} and no runAsUser is set here: the kubelet refuses to start the container ("image will run as root").',
    named: 'runAsNonRoot is true but {{dockerfile}} ends with USER {{user}}, a name, and no runAsUser is set here: the kubelet cannot verify a name and refuses to start the container. Use a numeric USER in the Dockerfile or set runAsUser.',
  },
  fixable: false,
  crossFile: true,
  check(ctx, k8s) {
    if (!ctx.workspace.complete || k8s.templated) return;
    for (const { w, c } of containersOf(k8s, ['container', 'initContainer'], { helmTests: true })) {
      if (!c.image || (c.imageNode && k8s.unknown(c.imageNode))) continue;
      const df = dockerfileFor(ctx.workspace, c.image);
      if (!df) continue;
      const nonRoot = securitySetting(k8s, w, c, 'runAsNonRoot', true);
      if (nonRoot.unknown || bool(nonRoot.value) !== true) continue;
      const runAsUser = securitySetting(k8s, w, c, 'runAsUser', true);
      if (runAsUser.unknown || runAsUser.level !== 'none') continue;
      const user = lastShipped(df.dockerfile, 'USER');
      const value = user?.args[0]?.value.split(':')[0];
      if (!user || !value || value.includes('$')) continue;
      const root = value === 'root' || /^0+$/.test(value);
      if (!root && /^\d+$/.test(value)) continue;
      const range = nodeRange(nonRoot.value);
      if (!range) continue;
      ctx.report({
        range,
        messageId: root ? 'root' : 'named',
        data: { dockerfile: df.path, user: value },
        related: [{ path: df.path, range: user.range, message: `USER ${value}` }],
      });
    }
  },
});
