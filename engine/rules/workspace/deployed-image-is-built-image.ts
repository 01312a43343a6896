import { defineRule } from '../../define-rule';
import { defineFacts, factsOf, perWorkspace, type WorkspaceView } from '../../workspace';
import { input, pushesImage, str, usesAction, workflowModel, type WfStep, type WorkflowModel } from '../../documents/workflow';
import { commandWords, splitCommands } from '../../documents/shell';
import { containerImageRange, indexedObjects } from '../../documents/k8s';
import { composeModel } from '../../documents/compose';
import { parseImageRef } from '../../documents/image-ref';
import { mapPairs, nodeRange } from '../../documents/yaml-nav';
import type { Range, RelatedLocation } from '../../types';
import type { SourceFile } from '../../documents/source';

// What CI publishes: every image reference a workflow step pushes, with the placeholders of its
// name and tag (`${{ github.sha }}`, `$GITHUB_RUN_NUMBER`, `${{ env.IMAGE }}` …) turned into patterns.
interface Pushed {
  file: SourceFile;
  /** The step that pushes it. */
  stepRange: Range;
  /** As written, after `env:` values are substituted (for messages). */
  text: string;
  repo: RegExp;
  /** The repository path without its registry, when both are literal (`acme/api`). */
  path?: string;
  registry?: string;
  tag: RegExp;
}

// What is deployed: a literal image of a Kubernetes container, a Compose service that does not build
// its own image, or a `kubectl set image` in a workflow.
interface Deployed {
  file: SourceFile;
  range: Range;
  image: string;
  registry: string;
  path: string;
  tag: string;
  /** Set for `kubectl set image` in a workflow: the step reporting it. */
  stepRange?: Range;
}

// Per file, without the file: the facts workers exchange (see defineFacts), so that a worker linting
// some workflows does not parse every workflow, manifest and Compose file of the workspace.
type PushedFact = Omit<Pushed, 'file'>;
type DeployedFact = Omit<Deployed, 'file'>;
const withFile = <T extends object>(file: SourceFile, facts: T[]) => facts.map((f) => ({ file, ...f }));

const WORKFLOW_IMAGES = defineFacts<{ pushed: PushedFact[]; setImage: DeployedFact[]; rewrites: boolean }>({
  key: 'workflow-images',
  kinds: ['workflow'],
  extract: (f) => ({ pushed: pushedOf(f), setImage: setImageOf(f), rewrites: rewritesImages(f) }),
});

const COMPOSE_IMAGES = defineFacts<DeployedFact[]>({
  key: 'compose-images',
  kinds: ['compose'],
  extract(file) {
    const out: DeployedFact[] = [];
    for (const svc of composeModel(file).services) {
      if (svc.buildPair || svc.image === undefined) continue; // Compose builds it: a local image
      const range = nodeRange(svc.imageNode);
      const d = range && deployedRef(range, svc.image);
      if (d) out.push(d);
    }
    return out;
  },
});

const HEX40 = '[0-9a-f]{40}';
const PLACEHOLDER = /\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*/g;
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER.source);

/** The set of strings a placeholder can stand for, as a regex source. */
function placeholderPattern(p: string): string {
  const inner = p.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  if (/^github\.sha$/.test(inner) || /^\$\{?GITHUB_SHA\}?$/.test(p) || /^\$\(git rev-parse (HEAD|@)\)$/.test(p)) return HEX40;
  if (/^\$\{GITHUB_SHA:(0?:)?\d+\}$/.test(p) || /^\$\(git rev-parse --short(=\d+)? (HEAD|@)\)$/.test(p)) return '[0-9a-f]{4,40}';
  if (/^github\.run_(number|id|attempt)$/.test(inner) || /^\$\{?GITHUB_RUN_(NUMBER|ID|ATTEMPT)\}?$/.test(p)) return '[0-9]+';
  return '.*';
}

/** A pattern for a reference that may contain placeholders; undefined when nothing of it is literal. */
function toPattern(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    out += escape(text.slice(last, m.index)) + `(?:${placeholderPattern(m[0])})`;
    last = m.index! + m[0].length;
  }
  return out + escape(text.slice(last));
}

function escape(s: string): string {
  return s.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `registry/path` with Docker's defaults (`nginx` → `docker.io/library/nginx`). */
function normalise(name: string): { registry: string; path: string } {
  const lower = name.toLowerCase();
  const registry = parseImageRef(lower)?.registry;
  if (registry) return { registry: registry === 'index.docker.io' ? 'docker.io' : registry, path: lower.slice(registry.length + 1) };
  return { registry: 'docker.io', path: lower.includes('/') ? lower : `library/${lower}` };
}

/** Substitute `${{ env.X }}`, `$X` and `${X}` from literal `env:` maps of the step, its job and the workflow. */
function withEnv(text: string, m: WorkflowModel, step: WfStep): string {
  const env = new Map<string, string>();
  for (const map of [m.env, step.job.env, step.env]) for (const { key, value } of mapPairs(map)) if (str(value) !== undefined) env.set(key, str(value)!);
  let out = text;
  for (let i = 0; i < 3 && /\$/.test(out); i++) {
    out = out.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, a, b, c) => env.get(a ?? b ?? c) ?? all);
  }
  return out;
}

/** The references a step pushes (`docker/build-push-action` tags, `docker push`, `buildx build --push -t`). */
function pushedRefs(m: WorkflowModel, step: WfStep): string[] {
  if (!pushesImage(step)) return [];
  if (usesAction(step, 'docker/build-push-action')) {
    const tags = input(step, 'tags') ?? '';
    // tags from docker/metadata-action: its `images` with any tag
    const meta = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}$/.exec(tags.trim());
    if (meta) {
      const metaStep = step.job.steps.find((s) => s.id === meta[1] && usesAction(s, 'docker/metadata-action'));
      const images = metaStep ? input(metaStep, 'images') ?? '' : '';
      return images
        .split(/[\n]+/)
        .map((l) => l.trim().replace(/^name=/, '').split(',')[0].trim())
        .filter(Boolean)
        .map((i) => `${i}:\${{ steps.${meta[1]}.outputs.version }}`);
    }
    return tags.split(/[\n,]+/).map((t) => t.trim()).filter((t) => t && !t.startsWith('#'));
  }
  if (!step.run) return [];
  const out: string[] = [];
  for (const cmd of splitCommands(step.run)) {
    const w = commandWords(cmd).map((x) => x.value);
    const bin = w[0]?.slice(w[0].lastIndexOf('/') + 1);
    if (bin !== 'docker' && bin !== 'podman' && bin !== 'buildah') continue;
    const sub = w[1] === 'buildx' || w[1] === 'image' ? w[2] : w[1];
    if (sub === 'push') {
      const ref = w.slice(w.indexOf('push') + 1).find((x) => !x.startsWith('-'));
      if (ref) out.push(w.includes('--all-tags') || w.includes('-a') ? `${ref}:\${{ any }}` : ref);
    } else if (sub === 'build' && (w.includes('--push') || w.some((x) => x === '--output=type=registry' || /^--output=.*push=true/.test(x)))) {
      for (let i = 0; i < w.length; i++) {
        if (w[i] === '-t' || w[i] === '--tag') out.push(w[i + 1] ?? '');
        else if (w[i].startsWith('--tag=')) out.push(w[i].slice(6));
      }
    }
  }
  return out.filter(Boolean);
}

function pushedOf(file: SourceFile): PushedFact[] {
  const m = workflowModel(file);
  if (m.isAction) return [];
  const out: PushedFact[] = [];
  for (const step of m.steps()) {
    for (const raw of pushedRefs(m, step)) {
      const text = withEnv(raw, m, step);
      // split name and tag outside placeholders (`${GITHUB_SHA::7}` has colons of its own)
      const masked = text.replace(PLACEHOLDER, (p) => '_'.repeat(p.length));
      if (masked.includes('@')) continue; // pushed by digest: nothing to compare
      const slash = masked.lastIndexOf('/');
      const colon = masked.lastIndexOf(':');
      const name = colon > slash ? text.slice(0, colon) : text;
      const tag = colon > slash ? text.slice(colon + 1) : 'latest';
      // the image's own name must be literal: `ghcr.io/${{ github.repository }}` could be any repository
      const last = name.slice(name.lastIndexOf('/') + 1);
      if (!last || HAS_PLACEHOLDER.test(last)) continue;
      const n = HAS_PLACEHOLDER.test(name) ? undefined : normalise(name);
      const repoSource = n ? escape(`${n.registry}/${n.path}`) : nameWithDefaults(name);
      out.push({ stepRange: step.range, text, repo: new RegExp(`^${repoSource}$`), path: n?.path, registry: n?.registry, tag: new RegExp(`^${toPattern(tag)}$`) });
    }
  }
  return out;
}

/** The pattern of a name with placeholders; `owner/app` without a registry means Docker Hub. */
function nameWithDefaults(name: string): string {
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost' || HAS_PLACEHOLDER.test(first));
  return hasRegistry ? toPattern(name) : `docker\\.io/${name.includes('/') ? '' : 'library/'}${toPattern(name)}`;
}

function deployedRef(range: Range, image: string): DeployedFact | undefined {
  if (/[$}{]/.test(image) || !image.trim()) return undefined; // a template or a variable: the value is not known here
  const ref = parseImageRef(image.trim());
  if (!ref || ref.digest) return undefined; // pinned by digest: nothing to compare with a tag
  return { range, image: image.trim(), ...normalise(ref.name), tag: ref.tag ?? 'latest' };
}

/** Image references deployed by manifests and Compose files of the workspace, and by `kubectl set image` in workflows. */
function deployedOf(ws: WorkspaceView, overridden: boolean): Deployed[] {
  const out: Deployed[] = [];
  if (!overridden) {
    for (const { file, object } of indexedObjects(ws)) {
      const w = object.workload;
      if (!w || object.templated || object.partial) continue;
      for (const c of w.containers) {
        const range = c.image !== undefined ? containerImageRange(c) : undefined;
        const d = range && deployedRef(range, c.image!);
        if (d) out.push({ file, ...d });
      }
    }
  }
  for (const file of ws.files('compose')) out.push(...withFile(file, factsOf(ws, COMPOSE_IMAGES, file)));
  for (const file of ws.files('workflow')) out.push(...withFile(file, factsOf(ws, WORKFLOW_IMAGES, file).setImage));
  return out;
}

/** `kubectl set image` in a workflow's steps. */
function setImageOf(file: SourceFile): DeployedFact[] {
  const out: DeployedFact[] = [];
  for (const step of workflowModel(file).steps()) {
    if (!step.run || !/\bkubectl\b[^\n]*\bset\s+image\b/.test(step.run)) continue;
    for (const cmd of splitCommands(step.run)) {
      const w = commandWords(cmd).map((x) => x.value);
      const at = w.indexOf('set');
      if (!/kubectl$/.test(w[0] ?? '') || at < 0 || w[at + 1] !== 'image') continue;
      for (const arg of w.slice(at + 2)) {
        const eq = arg.indexOf('=');
        if (arg.startsWith('-') || eq < 0) continue;
        const d = deployedRef(step.range, arg.slice(eq + 1));
        if (d) out.push({ ...d, stepRange: step.range });
      }
    }
  }
  return out;
}

const REWRITE = /\bkubectl\b[^\n]*\bset\s+image\b|\bkustomize\s+edit\s+set\s+image\b|--set(-string)?\s+[\w.-]*image|\byq\b[^\n]*image|\bsed\b[^\n]*image:|\bargocd\s+app\s+set\b[^\n]*image|\bkubectl\s+patch\b[^\n]*image|\bhelm\s+(upgrade|install)\b/i;

/** Does a workflow rewrite manifest images at deploy time? */
function rewritesImages(f: SourceFile): boolean {
  return workflowModel(f).steps().some((s) => (s.run !== undefined && REWRITE.test(s.run)) || /kustomize|argocd|helm|flux|images?[-_]?updater/i.test(s.action ?? ''));
}

/** Does a workflow rewrite manifest images at deploy time? Then their tags in git are placeholders. */
function overridesManifestImages(ws: WorkspaceView): boolean {
  if (ws.files('workflow').some((f) => factsOf(ws, WORKFLOW_IMAGES, f).rewrites)) return true;
  // kustomize `images:` overrides, Argo CD Image Updater or Flux image automation
  return [...ws.files('yaml'), ...ws.files('kubernetes')].some(
    (f) => (/(^|\/)kustomization\.ya?ml$/i.test(f.path) && /^images:/m.test(f.text)) || /argocd-image-updater|ImageUpdateAutomation|\bImagePolicy\b/.test(f.text),
  );
}

interface Mismatch {
  deployed: Deployed;
  kind: 'tagNeverPushed' | 'otherRegistry';
  pushed: Pushed[];
}

function mismatches(ws: WorkspaceView): Mismatch[] {
  const pushed = ws.files('workflow').flatMap((f) => withFile(f, factsOf(ws, WORKFLOW_IMAGES, f).pushed));
  if (!pushed.length) return [];
  const out: Mismatch[] = [];
  for (const d of deployedOf(ws, overridesManifestImages(ws))) {
    const repo = `${d.registry}/${d.path}`;
    const same = pushed.filter((p) => p.repo.test(repo));
    if (same.length) {
      if (!same.some((p) => p.tag.test(d.tag))) out.push({ deployed: d, kind: 'tagNeverPushed', pushed: same });
      continue;
    }
    const elsewhere = pushed.filter((p) => p.path !== undefined && p.path === d.path && p.registry !== d.registry);
    if (elsewhere.length) out.push({ deployed: d, kind: 'otherRegistry', pushed: elsewhere });
  }
  return out;
}

export default defineRule({
  id: 'workspace/deployed-image-is-built-image',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  crossFile: true,
  summary: 'Manifests, Compose files and deploy steps run the image that CI builds and pushes',
  sources: ['brief (build the artifact once and promote the same image through environments)'],
  messages: {
    tagNeverPushed: '{{where}} deploys {{image}}, but CI never pushes that tag (it pushes {{pushed}}): what runs is not the image this pipeline built and tested.',
    otherRegistry: '{{where}} deploys {{image}} from {{registry}}, but CI pushes {{pushed}}: the deployment pulls an image this pipeline never built.',
  },
  fixable: false,
  check(ctx) {
    if (!ctx.workspace.complete) return;
    const all = perWorkspace(ctx.workspace, 'deployed-image-mismatches', () => mismatches(ctx.workspace));
    // A candidate text (fix preview) is not in the index: judge only the file the index holds.
    if (ctx.workspace.get(ctx.file.path) !== ctx.file) return;
    for (const mm of all) {
      const d = mm.deployed;
      const reportAt = d.stepRange ? (d.file === ctx.file ? d.stepRange : undefined) : firstPush(mm.pushed)?.file === ctx.file ? firstPush(mm.pushed)!.stepRange : undefined;
      if (!reportAt) continue;
      const pushedList = [...new Set(mm.pushed.map((p) => p.text))].slice(0, 3).join(', ');
      const related: RelatedLocation[] = d.stepRange ? mm.pushed.slice(0, 3).map((p) => ({ path: p.file.path, range: p.stepRange, message: `pushes ${p.text}` })) : [{ path: d.file.path, range: d.range, message: `deploys ${d.image}` }];
      ctx.report({
        range: reportAt,
        messageId: mm.kind,
        data: { where: d.stepRange ? 'This step' : d.file.path, image: d.image, registry: d.registry, pushed: pushedList },
        related,
      });
    }
  },
});

/** Findings about a manifest go on the first step that pushes the image (first workflow by path). */
function firstPush(pushed: Pushed[]): Pushed | undefined {
  return pushed.reduce<Pushed | undefined>((a, p) => (!a || p.file.path < a.file.path ? p : a), undefined);
}
