import { editDistance } from '../text/distance';
// Typed view of a GitHub Actions workflow (or composite action.yml), built once per parse:
// triggers, permissions, jobs with their steps, and the nodes behind them for exact ranges.
import type { Node, Scalar, YAMLMap } from 'yaml';
import { conditionExpression, findExpressions, type Expression } from './expressions';
import type { Range } from '../types';
import type { SourceFile } from './source';
import type { YamlModel } from './yaml';
import { cachedView } from './yaml';
import { asMap, get, getPair, isMap, isPair, isScalar, isSeq, keyRange, keyString, mapPairs, nodeRange, seqItems, str, type YNode, type YPair } from './yaml-nav';
import { detectStyle, type YamlStyle } from '../fixes/yaml';

export interface WfTrigger {
  /** Event name (`push`, `pull_request_target` …). */
  name: string;
  /** The node naming the event (a key, or an item of `on: [a, b]`, or the `on:` scalar). */
  node: Node;
  range: Range;
  /** The event's configuration map, if any (`on: push: branches: …`). */
  config?: YAMLMap;
}

export interface WfStep {
  job: WfJob;
  node: YAMLMap;
  index: number;
  id?: string;
  idPair?: YPair;
  name?: string;
  uses?: string;
  usesNode?: Scalar;
  /** `owner/repo` (lower case) of a remote action; undefined for `./` and `docker://`. */
  action?: string;
  /** The ref after `@` of a remote action. */
  ref?: string;
  run?: string;
  runNode?: Scalar;
  with?: YAMLMap;
  withPair?: YPair;
  env?: YAMLMap;
  envPair?: YPair;
  if?: Node;
  ifPair?: YPair;
  shell?: string;
  /** Where step-level findings go: `uses`/`run` value, else the item's first key. */
  range: Range;
}

export interface WfNeed {
  name: string;
  node: Scalar;
  range: Range;
}

export interface WfJob {
  id: string;
  pair: YPair;
  keyRange: Range;
  node?: YAMLMap;
  name?: string;
  needs: WfNeed[];
  needsPair?: YPair;
  runsOn?: Node;
  permissionsPair?: YPair;
  environmentPair?: YPair;
  /** `environment: production` or `environment: { name: production }`. */
  environment?: string;
  ifPair?: YPair;
  timeoutPair?: YPair;
  concurrencyPair?: YPair;
  strategy?: YAMLMap;
  matrix?: Node;
  container?: Node;
  services?: YAMLMap;
  env?: YAMLMap;
  envPair?: YPair;
  /** Reusable workflow call (`jobs.<id>.uses`). */
  uses?: string;
  usesNode?: Scalar;
  withPair?: YPair;
  secretsPair?: YPair;
  outputs?: YAMLMap;
  /** `defaults.run.shell` of the job. */
  defaultShell?: string;
  steps: WfStep[];
  stepsNode?: YNode;
  /** True for the pseudo-job holding a composite action's steps. */
  composite?: boolean;
}

export interface WorkflowModel {
  file: SourceFile;
  text: string;
  /** The first document's root map. */
  root?: YAMLMap;
  /** A composite / docker / node `action.yml` rather than a workflow. */
  isAction: boolean;
  /** `runs.using` of an action. */
  using?: string;
  name?: string;
  onPair?: YPair;
  triggers: WfTrigger[];
  permissionsPair?: YPair;
  concurrencyPair?: YPair;
  env?: YAMLMap;
  envPair?: YPair;
  defaultShell?: string;
  jobsPair?: YPair;
  jobs: WfJob[];
  jobById: Map<string, WfJob>;
  style: YamlStyle;
  /** Every step of every job (and of a composite action); the same array on every call. */
  steps(): WfStep[];
  hasTrigger(...names: string[]): boolean;
  /** One walk of the root map, shared by the rules that look at every node (built on first use). */
  scan(): WorkflowScan;
  /** The `${{ }}` expressions in a node's source range (`expressionsIn`), found once per node. */
  expressionsOf(node: { range?: [number, number, number] | null } | null | undefined): Expression[];
  /** The expression of an `if:` value (`conditionExpression`), analysed once per node. */
  conditionOf(node: Scalar): ConditionExpression | undefined;
}

export type ConditionExpression = Expression & { approximate?: boolean };

/** A string scalar under the root map, with its path of keys and sequence indexes (as `walk` gives it). */
export interface WfString {
  node: Scalar & { value: string; range: [number, number, number] };
  path: readonly (string | number)[];
  /** The value contains `${{`. */
  hasExpression: boolean;
}

export interface WorkflowScan {
  /** Every map under the root map, the root included, in `walk` order. */
  maps: YAMLMap[];
  /** The string scalars (with a range) that contain `${{` or are the value of an `if` key, in `walk` order. */
  strings: WfString[];
}

/** The workflow view of a file, built once per parse. */
export const workflowModel: (file: SourceFile) => WorkflowModel = cachedView(build);

export interface UsesSpec {
  readonly owner: string;
  readonly repo: string;
  readonly path?: string;
  readonly ref?: string;
  readonly action: string;
}

const usesCache = new Map<string, UsesSpec | undefined>();

/** `owner/repo[/path]@ref` split; undefined for local and docker uses. One shared answer per string: do not change it. */
export function parseUses(uses: string): UsesSpec | undefined {
  if (usesCache.has(uses)) return usesCache.get(uses);
  const spec = splitUses(uses);
  if (usesCache.size >= 10_000) usesCache.clear();
  usesCache.set(uses, spec);
  return spec;
}

function splitUses(uses: string): UsesSpec | undefined {
  if (uses.startsWith('./') || uses.startsWith('docker://') || uses.startsWith('.\\')) return undefined;
  const at = uses.indexOf('@');
  const spec = at < 0 ? uses : uses.slice(0, at);
  const ref = at < 0 ? undefined : uses.slice(at + 1);
  const parts = spec.split('/');
  if (parts.length < 2 || !parts[0] || !parts[1]) return undefined;
  const path = parts.length > 2 ? parts.slice(2).join('/') : undefined;
  return { owner: parts[0], repo: parts[1], path, ref, action: `${parts[0]}/${parts[1]}`.toLowerCase() };
}

function build(file: SourceFile, yaml: YamlModel): WorkflowModel {
  const text = file.text;
  const root = asMap(yaml.docs[0]?.doc.contents);
  const roots = yaml.docs.map((d) => d.doc.contents);
  const style = detectStyle(text, ...roots);
  const runs = asMap(get(root, 'runs'));
  const isAction = !!runs && !get(root, 'jobs');
  const jobs: WfJob[] = [];
  const jobById = new Map<string, WfJob>();
  let allSteps: WfStep[] | undefined;
  let scanned: WorkflowScan | undefined;
  const expressions = new Map<object, Expression[]>();
  const conditions = new Map<object, ConditionExpression | undefined>();
  const expressionsOf = (node: { range?: [number, number, number] | null } | null | undefined): Expression[] => {
    const r = node?.range;
    if (!r) return [];
    let list = expressions.get(node);
    if (!list) expressions.set(node, (list = findExpressions(text, r[0], r[1])));
    return list;
  };
  const m: WorkflowModel = {
    file,
    text,
    root,
    isAction,
    using: str(get(runs, 'using')),
    name: str(get(root, 'name')),
    onPair: getPair(root, 'on') ?? getPair(root, 'true'),
    triggers: [],
    permissionsPair: getPair(root, 'permissions'),
    concurrencyPair: getPair(root, 'concurrency'),
    env: asMap(get(root, 'env')),
    envPair: getPair(root, 'env'),
    defaultShell: str(get(asMap(get(asMap(get(root, 'defaults')), 'run')), 'shell')),
    jobsPair: getPair(root, 'jobs'),
    jobs,
    jobById,
    style,
    steps: () => (allSteps ??= jobs.flatMap((j) => j.steps)),
    hasTrigger: (...names) => m.triggers.some((t) => names.includes(t.name)),
    scan: () => (scanned ??= scanTree(root)),
    expressionsOf,
    conditionOf: (node) => {
      if (conditions.has(node)) return conditions.get(node);
      const e = conditionExpression(text, node, expressionsOf);
      conditions.set(node, e);
      return e;
    },
  };
  // on: as a key may be read as boolean true by YAML 1.1 tools; the yaml package keeps "on"
  if (m.onPair) m.triggers = triggersOf(m.onPair);
  if (isAction) {
    const pair = getPair(root, 'runs')!;
    const job: WfJob = { id: '(composite)', pair, keyRange: keyRange(pair)!, node: runs, needs: [], steps: [], composite: true };
    job.stepsNode = get(runs, 'steps');
    job.steps = stepsOf(job, job.stepsNode);
    jobs.push(job);
    return m;
  }
  for (const { key, pair, value } of mapPairs(get(root, 'jobs'))) {
    const node = asMap(value);
    const job: WfJob = { id: key, pair, keyRange: keyRange(pair)!, node, needs: [], steps: [] };
    if (node) {
      const pairs = pairIndex(node);
      const value = (key: string) => (pairs.get(key)?.value ?? undefined) as YNode;
      job.name = str(value('name'));
      job.needsPair = pairs.get('needs');
      const needs = job.needsPair?.value;
      for (const n of isSeq(needs) ? seqItems(needs) : needs ? [needs] : []) {
        if (isScalar(n) && typeof n.value === 'string') job.needs.push({ name: n.value, node: n, range: nodeRange(n)! });
      }
      job.runsOn = value('runs-on') ?? undefined;
      job.permissionsPair = pairs.get('permissions');
      job.environmentPair = pairs.get('environment');
      const env = job.environmentPair?.value;
      job.environment = str(env) ?? str(get(env, 'name'));
      job.ifPair = pairs.get('if');
      job.timeoutPair = pairs.get('timeout-minutes');
      job.concurrencyPair = pairs.get('concurrency');
      job.strategy = asMap(value('strategy'));
      job.matrix = get(job.strategy, 'matrix') ?? undefined;
      job.container = value('container') ?? undefined;
      job.services = asMap(value('services'));
      job.env = asMap(value('env'));
      job.envPair = pairs.get('env');
      const uses = value('uses');
      if (isScalar(uses) && typeof uses.value === 'string') {
        job.uses = uses.value;
        job.usesNode = uses;
      }
      job.withPair = pairs.get('with');
      job.secretsPair = pairs.get('secrets');
      job.outputs = asMap(value('outputs'));
      job.defaultShell = str(get(asMap(get(asMap(value('defaults')), 'run')), 'shell'));
      job.stepsNode = value('steps');
      job.steps = stepsOf(job, job.stepsNode);
    }
    jobs.push(job);
    if (!jobById.has(key)) jobById.set(key, job);
  }
  return m;
}

/** The nodes `walk(root, …)` visits, collected in one pass for every rule that used to walk the tree. */
function scanTree(root: YAMLMap | undefined): WorkflowScan {
  const maps: YAMLMap[] = [];
  const strings: WfString[] = [];
  // The pairs and sequence indexes down to the current node: key strings are read only for the
  // scalars that are kept.
  const trail: (YPair | number)[] = [];
  const visit = (node: unknown) => {
    if (node === null || node === undefined || isPair(node)) return;
    if (isMap(node)) {
      maps.push(node);
      for (const item of node.items) {
        if (!isPair(item) || item.value === null || item.value === undefined) continue;
        trail.push(item);
        visit(item.value);
        trail.pop();
      }
    } else if (isSeq(node)) {
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        trail.push(i);
        visit(items[i]);
        trail.pop();
      }
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const hasExpression = node.value.includes('${{');
      const last = trail[trail.length - 1];
      if (hasExpression || (typeof last === 'object' && keyString(last) === 'if')) {
        strings.push({ node: node as WfString['node'], path: trail.map((t) => (typeof t === 'number' ? t : keyString(t) ?? '')), hasExpression });
      }
    }
  };
  visit(root);
  return { maps, strings };
}

function triggersOf(onPair: YPair): WfTrigger[] {
  const v = onPair.value as YNode;
  const out: WfTrigger[] = [];
  if (isScalar(v) && typeof v.value === 'string') out.push({ name: v.value, node: v, range: nodeRange(v)! });
  else if (isSeq(v)) {
    for (const item of seqItems(v)) if (isScalar(item) && typeof item.value === 'string') out.push({ name: item.value, node: item, range: nodeRange(item)! });
  } else if (isMap(v)) {
    for (const { key, pair, value } of mapPairs(v)) out.push({ name: key, node: pair.key as Node, range: keyRange(pair)!, config: asMap(value) });
  }
  return out;
}

function stepsOf(job: WfJob, node: YNode): WfStep[] {
  const out: WfStep[] = [];
  seqItems(node).forEach((item, index) => {
    if (!isMap(item)) return;
    const step: WfStep = { job, node: item, index, range: nodeRange(item)! };
    const pairs = pairIndex(item);
    const value = (key: string) => (pairs.get(key)?.value ?? undefined) as YNode;
    const idPair = pairs.get('id');
    if (idPair) {
      step.idPair = idPair;
      step.id = str(idPair.value);
    }
    step.name = str(value('name'));
    const uses = value('uses');
    if (isScalar(uses) && typeof uses.value === 'string') {
      step.uses = uses.value.trim();
      step.usesNode = uses;
      const p = parseUses(step.uses);
      if (p) {
        step.action = p.path ? `${p.action}/${p.path}`.toLowerCase() : p.action;
        step.ref = p.ref;
      }
    }
    const run = value('run');
    if (isScalar(run) && run.value !== null && run.value !== undefined) {
      step.run = String(run.value);
      step.runNode = run;
    }
    step.withPair = pairs.get('with');
    step.with = asMap(step.withPair?.value);
    step.envPair = pairs.get('env');
    step.env = asMap(step.envPair?.value);
    step.ifPair = pairs.get('if');
    step.if = (step.ifPair?.value ?? undefined) as Node | undefined;
    step.shell = str(value('shell')) ?? job.defaultShell;
    const first = item.items[0] as YPair | undefined;
    step.range = nodeRange(step.usesNode) ?? nodeRange(step.runNode) ?? (first ? keyRange(first) : undefined) ?? step.range;
    out.push(step);
  });
  return out;
}

/** The pairs of a map by key, the last of duplicate keys winning (what `getPair` finds), in one pass. */
function pairIndex(map: YAMLMap): Map<string, YPair> {
  const out = new Map<string, YPair>();
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = keyString(item);
    if (key !== undefined) out.set(key, item);
  }
  return out;
}

/** A `with:` input's value as a string. */
export function input(step: WfStep, name: string): string | undefined {
  return str(get(step.with, name));
}

/** Does a step use this action (`owner/repo`, or `owner/repo/path`), ignoring case? */
export function usesAction(step: WfStep, ...actions: string[]): boolean {
  const action = step.action;
  if (!action) return false;
  // `startsWith(a + '/')` without building that string for every step and rule.
  for (const a of actions) if (action === a || (action.length > a.length && action.charCodeAt(a.length) === 47 && action.startsWith(a))) return true;
  return false;
}

const MAJOR_REF = /^v?(\d+)(?:\.\d+)*$/;

/** The major version of a ref like `v4`, `v4.1.2`, `4`; undefined for SHAs and branches. */
export function majorOf(ref: string | undefined): number | undefined {
  const m = MAJOR_REF.exec(ref ?? '');
  return m ? Number(m[1]) : undefined;
}

export const FULL_SHA = /^[0-9a-f]{40}$/i;

/** Text of the whole job (for keyword heuristics): id, name, step names, uses and runs. */
export function jobText(job: WfJob): string {
  return [job.id, job.name ?? '', ...job.steps.flatMap((s) => [s.name ?? '', s.uses ?? '', s.run ?? ''])].join('\n');
}

// --- Pipeline stage heuristics shared by the pipeline rules -------------------------------------

const DEPLOY_CMD = /\b(kubectl\s+(apply|set\s+image|rollout\s+restart|replace|create)|helm\s+(upgrade|install)|helmfile\s+(apply|sync)|kustomize\s+build\b[^\n]*\|\s*kubectl|aws\s+ecs\s+update-service|aws\s+deploy\s+create-deployment|aws\s+lambda\s+update-function-code|gcloud\s+run\s+deploy|gcloud\s+app\s+deploy|az\s+webapp\s+(deploy|config\s+container\s+set)|az\s+containerapp\s+update|flyctl\s+deploy|fly\s+deploy|vercel\s+(deploy\s+)?--prod|netlify\s+deploy|serverless\s+deploy|sls\s+deploy|cdk\s+deploy|terraform\s+apply|pulumi\s+up|argocd\s+app\s+sync|docker\s+stack\s+deploy|heroku\s+container:release|railway\s+up|kamal\s+deploy|cap\s+\w+\s+deploy|ansible-playbook\b[^\n]*deploy)/i;
const DEPLOY_ACTION = /^(azure\/webapps-deploy|azure\/k8s-deploy|azure\/functions-action|aws-actions\/amazon-ecs-deploy-task-definition|google-github-actions\/deploy-cloudrun|google-github-actions\/deploy-appengine|appleboy\/ssh-action|superfly\/flyctl-actions|amondnet\/vercel-action|cloudflare\/wrangler-action|peaceiris\/actions-gh-pages|actions\/deploy-pages|azure\/static-web-apps-deploy|akhileshns\/heroku-deploy|deliverybot\/helm|wahyd4\/kubectl-helm-action|helm\/chart-releaser-action)/i;

/**
 * Answers about one job or step, computed once: the model's jobs and steps do not change after it
 * is built, and several rules ask the same question (six rules ask whether each job deploys).
 */
function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const v = compute(key);
    cache.set(key, v);
    return v;
  };
}

/** Is this job a deployment (by id/name, environment, deploy commands or deploy actions)? */
export const isDeployJob: (job: WfJob) => boolean = memo(deploys);

function deploys(job: WfJob): boolean {
  if (job.composite || job.uses) return /deploy/i.test(job.id) || /deploy/i.test(job.name ?? '');
  const label = `${job.id} ${job.name ?? ''}`;
  // GitHub Pages publishing is not an application deployment
  if (job.environment === 'github-pages' || job.steps.some((s) => s.action === 'actions/deploy-pages' || s.action === 'peaceiris/actions-gh-pages' || s.action === 'jamesives/github-pages-deploy-action')) return false;
  if (/deploy|release-to-|promote/i.test(label) && !/pages|docs/i.test(job.id)) return true;
  // test jobs install charts or manifests into a throwaway cluster (kind, minikube, k3d)
  if (/test|lint|check|verify|validate|e2e|smoke/i.test(label)) return false;
  if (job.steps.some((s) => /\b(kind|minikube|k3d|k3s)\b/i.test(`${s.uses ?? ''} ${s.run ?? ''}`) || /kind-action|setup-minikube|k3d-action/i.test(s.uses ?? ''))) return false;
  return job.steps.some((s) => (s.run && DEPLOY_CMD.test(s.run)) || (s.action && DEPLOY_ACTION.test(s.action) && !/chart-releaser|gh-pages|deploy-pages/.test(s.action)));
}

/** The index of the first deploying step of a job, or -1. */
export function deployStepIndex(job: WfJob): number {
  return job.steps.findIndex((s) => (s.run && DEPLOY_CMD.test(s.run)) || (s.action && DEPLOY_ACTION.test(s.action)) || /deploy/i.test(s.name ?? ''));
}

const SCANNERS = /(aquasecurity\/trivy-action|anchore\/scan-action|anchore\/sbom-action|snyk\/actions|docker\/scout-action|github\/codeql-action|aquasecurity\/setup-trivy|crazy-max\/ghaction-container-scan|sysdiglabs\/scan-action|lacework\/lw-scanner-action|azure\/container-scan|neuvector\/scan-action|prisma-cloud|checkmarx|stackhawk|ossf\/scorecard-action|google\/osv-scanner-action|aquasecurity\/tfsec|bridgecrewio\/checkov-action|sonarsource\/|zaproxy\/|returntocorp\/semgrep|semgrep\/|gitleaks\/|trufflesecurity\/)/i;
const SCAN_CMD = /\b(trivy\s+(image|fs|repo|config|rootfs|sbom)|trivy\b|grype\b|snyk\s+(test|container|monitor)|docker\s+scout\s+(cves|quickview|recommendations)|osv-scanner|clair(ctl)?\b|syft\b|govulncheck|npm\s+audit|pip-audit|safety\s+check|bundle[- ]audit|cargo\s+audit|dependency-check|semgrep\b|gosec\b|bandit\b|checkov\b|tfsec\b|kubescape|kube-score|hadolint|docker\s+scan\b)/i;
const IMAGE_SCAN_CMD = /\b(trivy\s+(image|fs|rootfs|sbom|repo)|trivy\b|grype\b|snyk\s+container|docker\s+scout\s+(cves|quickview|recommendations)|clair(ctl)?\b|docker\s+scan\b|osv-scanner)/i;
const IMAGE_SCANNERS = /(aquasecurity\/trivy-action|aquasecurity\/setup-trivy|anchore\/scan-action|snyk\/actions\/docker|docker\/scout-action|crazy-max\/ghaction-container-scan|sysdiglabs\/scan-action|lacework\/lw-scanner-action|azure\/container-scan|neuvector\/scan-action)/i;

/** Does the step run a security scanner (images, dependencies or code)? */
export const isScanStep: (s: WfStep) => boolean = memo((s: WfStep) => (!!s.action && SCANNERS.test(s.action)) || (!!s.run && SCAN_CMD.test(s.run)));

/** Does the step scan a container image (Trivy, Grype, Snyk container, Docker Scout …)? */
export const isImageScanStep: (s: WfStep) => boolean = memo((s: WfStep) => (!!s.action && IMAGE_SCANNERS.test(s.action)) || (!!s.run && IMAGE_SCAN_CMD.test(s.run)));

const BUILD_IMAGE_CMD = /\b(docker\s+(buildx\s+)?build|docker\s+compose\s+build|podman\s+build|buildah\s+(bud|build)|kaniko|ko\s+(build|publish)|jib(Build)?\b|pack\s+build|nerdctl\s+build)/i;
const PUSH_IMAGE_CMD = /\b(docker\s+push|docker\s+(buildx\s+)?build\b[^\n]*--push|podman\s+push|buildah\s+push|ko\s+(build|publish)|crane\s+(push|copy|cp)|skopeo\s+copy|docker\s+compose\s+push|jib\b)/i;

/** Does the step build a container image? */
export const buildsImage: (s: WfStep) => boolean = memo(
  (s: WfStep) => usesAction(s, 'docker/build-push-action', 'redhat-actions/buildah-build', 'mr-smithers-excellent/docker-build-push', 'docker/bake-action') || (!!s.run && BUILD_IMAGE_CMD.test(s.run)),
);

const TRUE_WORD = /^true$/i;
const HAS_EXPRESSION = /\$\{\{/;

/** Does the step push a container image to a registry? */
export function pushesImage(s: WfStep): boolean {
  if (usesAction(s, 'docker/build-push-action', 'docker/bake-action')) {
    const push = input(s, 'push') ?? '';
    return TRUE_WORD.test(push) || HAS_EXPRESSION.test(push);
  }
  if (usesAction(s, 'redhat-actions/push-to-registry', 'mr-smithers-excellent/docker-build-push')) return true;
  return !!s.run && PUSH_IMAGE_CMD.test(s.run);
}

const STAGE_WORDS: Record<'lint' | 'test' | 'build' | 'scan', RegExp> = {
  lint: /\b(lint|eslint|golangci|flake8|ruff|pylint|hadolint|actionlint|shellcheck|prettier|stylelint|rubocop|checkstyle|ktlint|clippy|fmt|format|static[- ]?check|vet)\b|lint/i,
  test: /\b(tests?|pytest|jest|vitest|mocha|unit|e2e|integration|go\s+test|npm\s+test|cargo\s+test|mvn\s+(-\S+\s+)*(test|verify)|gradlew?\s+test|check)\b|test/i,
  build: /\b(build|compile|package|docker|image|bundle)\b|build/i,
  scan: /\b(scan|security|trivy|grype|snyk|codeql|audit|vuln|sast|cve|scout|semgrep|osv)\b|scan|secur/i,
};

/** The pipeline stages a job performs (by its id/name, and for scans by its steps); one set per job, not to be changed. */
export const jobStages: (job: WfJob) => ReadonlySet<'lint' | 'test' | 'build' | 'scan'> = memo(stagesOf);

function stagesOf(job: WfJob): Set<'lint' | 'test' | 'build' | 'scan'> {
  const out = new Set<'lint' | 'test' | 'build' | 'scan'>();
  const label = `${job.id} ${job.name ?? ''}`;
  for (const k of ['lint', 'test', 'build', 'scan'] as const) if (STAGE_WORDS[k].test(label)) out.add(k);
  if (job.steps.some(isScanStep)) out.add('scan');
  if (job.steps.some(buildsImage)) out.add('build');
  return out;
}

/** Triggered by a release or by tag pushes only. */
export function isReleaseWorkflow(m: WorkflowModel): boolean {
  if (m.hasTrigger('release')) return true;
  const push = m.triggers.find((t) => t.name === 'push');
  if (push?.config && push.config.has('tags') && !push.config.has('branches')) return true;
  return false;
}

/** A job named release/publish. */
export function isReleaseJob(job: WfJob): boolean {
  return /(^|[-_\s])(release|publish|deploy-release)([-_\s]|$)/i.test(`${job.id} ${job.name ?? ''}`);
}

/** The jobs a job needs, directly or through other jobs. */
export function transitiveNeeds(model: WorkflowModel, job: WfJob): Set<string> {
  const seen = new Set<string>();
  const stack = job.needs.map((n) => n.name);
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const d of model.jobById.get(n)?.needs ?? []) stack.push(d.name);
  }
  return seen;
}

/** The shell a `run:` step uses (explicit, job/workflow default, or the runner's default). */
export function shellOf(model: WorkflowModel, step: WfStep): string {
  const s = step.shell ?? model.defaultShell;
  if (s) return s.split(/\s+/)[0].toLowerCase();
  const runsOn = step.job.runsOn;
  const label = isScalar(runsOn) ? String(runsOn.value) : isSeq(runsOn) ? seqItems(runsOn).map(str).join(' ') : '';
  return /windows/i.test(label) ? 'pwsh' : 'bash';
}

/** The range of a step's `- ` item start (for inserting before or after it). */
export function stepItemRange(step: WfStep): Range {
  return nodeRange(step.node)!;
}

export { asMap, get, getPair, str };

/** Edit distance (Levenshtein), case-insensitive. */
export function editDistanceIgnoringCase(a: string, b: string): number {
  return editDistance(a.toLowerCase(), b.toLowerCase());
}

/** The single candidate closest to `word` (distance ≤ max, and no tie), if any. */
export function closest(word: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const c of candidates) {
    const d = editDistanceIgnoringCase(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best !== undefined && bestD > 0 && bestD <= max && !tie ? best : undefined;
}

// --- Built-in table of popular actions (offline data; unknown actions are never judged) ---------

export interface KnownAction {
  /** Every input any supported major version accepts. */
  inputs?: string[];
  /** Inputs without a default that the action needs (from `minMajor` on, if given). */
  required?: { name: string; sinceMajor?: number; placeholder: string }[];
  deprecated?: Record<string, string>;
  /** Majors below this run on a retired runtime or a shut-down service. */
  minMajor?: number;
  /** Why older majors are outdated. */
  outdatedReason?: string;
  /** Known-vulnerable versions: majors below `fixedMajor`. */
  advisory?: { id: string; fixedMajor: number; summary: string };
}

const NODE = 'runs on a Node.js runtime GitHub has retired';
export const KNOWN_ACTIONS: Record<string, KnownAction> = {
  'actions/checkout': { minMajor: 4, outdatedReason: NODE, inputs: ['repository', 'ref', 'token', 'ssh-key', 'ssh-known-hosts', 'ssh-strict', 'ssh-user', 'persist-credentials', 'path', 'clean', 'filter', 'sparse-checkout', 'sparse-checkout-cone-mode', 'fetch-depth', 'fetch-tags', 'show-progress', 'lfs', 'submodules', 'set-safe-directory', 'github-server-url', 'reference'] },
  'actions/setup-node': { minMajor: 4, outdatedReason: NODE, inputs: ['always-auth', 'node-version', 'node-version-file', 'architecture', 'check-latest', 'registry-url', 'scope', 'token', 'cache', 'cache-dependency-path', 'mirror', 'mirror-token', 'package-manager-cache', 'version'], deprecated: { version: 'use node-version' } },
  'actions/setup-python': { minMajor: 5, outdatedReason: NODE, inputs: ['python-version', 'python-version-file', 'cache', 'architecture', 'check-latest', 'token', 'cache-dependency-path', 'update-environment', 'allow-prereleases', 'freethreaded', 'pip-version', 'pip-install', 'ignore-platform-version'] },
  'actions/setup-go': { minMajor: 4, outdatedReason: NODE, inputs: ['go-version', 'go-version-file', 'check-latest', 'token', 'cache', 'cache-dependency-path', 'architecture', 'stable', 'go-download-base-url'], deprecated: { stable: 'use go-version with check-latest' } },
  'actions/setup-java': { minMajor: 4, outdatedReason: NODE, required: [{ name: 'distribution', sinceMajor: 2, placeholder: 'temurin' }] },
  'actions/cache': { minMajor: 4, outdatedReason: 'uses the cache service GitHub shut down in 2025', inputs: ['path', 'key', 'restore-keys', 'upload-chunk-size', 'enableCrossOsArchive', 'fail-on-cache-miss', 'lookup-only', 'save-always'], required: [{ name: 'path', placeholder: 'PATH' }, { name: 'key', placeholder: 'KEY' }], deprecated: { 'save-always': 'it does not work as documented; use actions/cache/save with if: always()' } },
  'actions/cache/restore': { inputs: ['path', 'key', 'restore-keys', 'enableCrossOsArchive', 'fail-on-cache-miss', 'lookup-only'], required: [{ name: 'path', placeholder: 'PATH' }, { name: 'key', placeholder: 'KEY' }] },
  'actions/cache/save': { inputs: ['path', 'key', 'upload-chunk-size', 'enableCrossOsArchive'], required: [{ name: 'path', placeholder: 'PATH' }, { name: 'key', placeholder: 'KEY' }] },
  'actions/upload-artifact': { minMajor: 4, outdatedReason: 'uses the artifact service GitHub shut down in 2025', inputs: ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files'], required: [{ name: 'path', placeholder: 'PATH' }] },
  'actions/download-artifact': { minMajor: 4, outdatedReason: 'uses the artifact service GitHub shut down in 2025' },
  'actions/github-script': { minMajor: 7, outdatedReason: NODE, inputs: ['script', 'github-token', 'debug', 'user-agent', 'previews', 'result-encoding', 'retries', 'retry-exempt-status-codes', 'base-url'], required: [{ name: 'script', placeholder: '// your script' }] },
  'actions/upload-pages-artifact': { minMajor: 3, outdatedReason: 'depends on the retired artifact service' },
  'actions/deploy-pages': { minMajor: 4, outdatedReason: 'depends on the retired artifact service' },
  'actions/stale': { minMajor: 9, outdatedReason: NODE },
  'docker/login-action': { minMajor: 3, outdatedReason: NODE, inputs: ['registry', 'username', 'password', 'ecr', 'logout', 'scope', 'registry-auth'] },
  'docker/setup-buildx-action': { minMajor: 3, outdatedReason: NODE, inputs: ['version', 'driver', 'driver-opts', 'buildkitd-flags', 'buildkitd-config', 'buildkitd-config-inline', 'install', 'use', 'name', 'endpoint', 'platforms', 'append', 'keep-state', 'cache-binary', 'cleanup', 'config', 'config-inline'] },
  'docker/setup-qemu-action': { minMajor: 3, outdatedReason: NODE, inputs: ['image', 'platforms', 'cache-image'] },
  'docker/build-push-action': { minMajor: 5, outdatedReason: NODE, inputs: ['add-hosts', 'allow', 'annotations', 'attests', 'build-args', 'build-contexts', 'builder', 'cache-from', 'cache-to', 'call', 'cgroup-parent', 'context', 'file', 'labels', 'load', 'network', 'no-cache', 'no-cache-filters', 'outputs', 'platforms', 'provenance', 'pull', 'push', 'sbom', 'secrets', 'secret-envs', 'secret-files', 'shm-size', 'ssh', 'tags', 'target', 'ulimit', 'github-token'] },
  'docker/metadata-action': { minMajor: 5, outdatedReason: NODE, inputs: ['images', 'tags', 'flavor', 'labels', 'annotations', 'sep-tags', 'sep-labels', 'sep-annotations', 'bake-target', 'github-token', 'context'] },
  'github/codeql-action': { minMajor: 3, outdatedReason: 'is a CodeQL Action version GitHub no longer supports' },
  'aws-actions/configure-aws-credentials': { minMajor: 4, outdatedReason: NODE, required: [{ name: 'aws-region', placeholder: 'us-east-1' }] },
  'azure/login': { minMajor: 2, outdatedReason: NODE },
  'peter-evans/create-pull-request': { minMajor: 6, outdatedReason: NODE },
  'aquasecurity/trivy-action': {},
  'tj-actions/changed-files': { advisory: { id: 'CVE-2025-30066', fixedMajor: 46, summary: 'its tags were rewritten to leak CI secrets into logs (March 2025)' } },
};

/** The table entry for a step's action (`owner/repo`, or `owner/repo/path` when listed). */
export function knownAction(step: WfStep): { key: string; info: KnownAction } | undefined {
  if (!step.action) return undefined;
  if (KNOWN_ACTIONS[step.action]) return { key: step.action, info: KNOWN_ACTIONS[step.action] };
  const base = step.action.split('/').slice(0, 2).join('/');
  if (step.action !== base && KNOWN_ACTIONS[base] && base !== 'actions/cache') return { key: base, info: { ...KNOWN_ACTIONS[base], inputs: undefined, required: undefined } };
  return KNOWN_ACTIONS[base] && step.action === base ? { key: base, info: KNOWN_ACTIONS[base] } : undefined;
}
