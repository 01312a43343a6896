// Automatic checklist items: each proves (or disproves) one practice from the workspace index.
import type { SourceFile } from '../documents/source';
import { k8sModel } from '../documents/k8s';
import { get, getPair, mapPairs, seqMaps, str, keyRange, type YPair } from '../documents/yaml-nav';
import type { WorkspaceView } from '../workspace';
import type { Finding } from '../types';
import type { Evidence, ItemDef } from './types';
import { attr, numValue } from '../documents/hcl';
import { anchorFile, backendOf, dirOf, isRootModule, moduleFiles } from '../documents/terraform';

export interface EvalContext {
  workspace: WorkspaceView;
  /** Findings of the workspace for the given rule ids (after config and suppressions). */
  findings(ruleIds: readonly string[]): { path: string; finding: Finding; file: SourceFile }[];
  /** Ids of the rules the engine has. */
  knownRules: ReadonlySet<string>;
}

export interface EvalResult {
  status: 'pass' | 'fail' | 'unknown';
  evidence: Evidence[];
}

type Evaluator = (ctx: EvalContext, item: ItemDef) => EvalResult;

const line = (file: SourceFile, offset: number) => file.lines.positionAt(offset).line + 1;
const ev = (file: SourceFile, offset: number, message: string): Evidence => ({ file: file.path, line: line(file, offset), message });
const unknown = (message?: string): EvalResult => ({ status: 'unknown', evidence: message ? [{ file: '', line: 0, message }] : [] });
const decide = (pass: Evidence[], fail: Evidence[]): EvalResult => (fail.length ? { status: 'fail', evidence: fail } : { status: 'pass', evidence: pass });

// ---- workflows --------------------------------------------------------------------------

interface Job {
  file: SourceFile;
  id: string;
  pair: YPair;
  text: string;
  needs: string[];
  environment?: string;
  steps: { text: string; offset: number }[];
}

const TEST = /\b(?:(?:npm|yarn|pnpm)(?: run)? test|pytest|go test|mvn\b.*\b(?:test|verify)|gradlew?\b.*\btest|cargo test|make test|dotnet test|jest|vitest|rspec|phpunit|tox)\b/i;
const LINT = /\b(?:lint|eslint|ruff|flake8|pylint|golangci-lint|hadolint|shellcheck|prettier --check|super-linter|actionlint|shipready)\b/i;
const SCAN = /\b(?:trivy|grype|snyk|anchore|codeql|semgrep|docker scout|clair|dependency-review|gitleaks|trufflehog|osv-scanner|checkov|tfsec)\b/i;
const DEPLOY = /\b(?:deploy|kubectl (?:apply|set image|rollout)|helm (?:upgrade|install)|kustomize build|argocd app sync|flux reconcile|terraform apply|gcloud run deploy|aws ecs update-service|az webapp deploy|fly deploy|vercel|netlify deploy|serverless deploy)\b/i;
const SMOKE = /\b(?:smoke|health[- ]?check|healthz|\/health|\/ready|verify deployment|post-deploy|curl\b[^\n]*(?:--fail|-f\b|--retry))/i;
const PROD = /^(?:prod|production|live)(?:[-_].*)?$/i;

function jobsOf(ws: WorkspaceView): Job[] {
  const out: Job[] = [];
  for (const file of ws.files('workflow')) {
    for (const d of file.yaml.docs) {
      for (const { key, pair, value } of mapPairs(get(d.doc.contents, 'jobs'))) {
        const r = value && (value as { range?: number[] }).range;
        const text = r ? file.text.slice(keyRange(pair)?.start ?? r[0], r[2]) : '';
        const needsNode = get(value, 'needs');
        const needs = str(needsNode) !== undefined ? [str(needsNode)!] : seqItemsStr(needsNode);
        const envNode = get(value, 'environment');
        const environment = str(envNode) ?? str(get(envNode, 'name'));
        const steps = seqMaps(get(value, 'steps')).map((s) => ({ text: file.text.slice(s.range?.[0] ?? 0, s.range?.[2] ?? 0), offset: s.range?.[0] ?? 0 }));
        out.push({ file, id: key, pair, text, needs, environment, steps });
      }
    }
  }
  return out;
}

function seqItemsStr(node: unknown): string[] {
  const items = (node as { items?: unknown[] })?.items ?? [];
  return items.map((n) => str(n)).filter((s): s is string => !!s);
}

const isDeploy = (j: Job) => /deploy|release|rollout|promote/i.test(j.id) || j.environment !== undefined || j.steps.some((s) => DEPLOY.test(s.text) && !/deploy-?pages|upload-pages-artifact/i.test(s.text));
const jobOffset = (j: Job) => keyRange(j.pair)?.start ?? 0;

/** Jobs a job depends on, transitively (within its workflow file). */
function ancestors(job: Job, jobs: Job[]): Job[] {
  const byId = new Map(jobs.filter((j) => j.file === job.file).map((j) => [j.id, j]));
  const seen = new Set<Job>();
  const stack = [...job.needs];
  while (stack.length) {
    const j = byId.get(stack.pop()!);
    if (!j || seen.has(j)) continue;
    seen.add(j);
    stack.push(...j.needs);
  }
  return [...seen];
}

// ---- the evaluators -----------------------------------------------------------------------

export const evaluators: Record<string, Evaluator> = {
  'dockerfile-exists': ({ workspace }) => {
    const files = workspace.files('dockerfile');
    if (!files.length) return { status: 'fail', evidence: [{ file: '', line: 0, message: 'No Dockerfile in the workspace' }] };
    return { status: 'pass', evidence: files.map((f) => ev(f, f.dockerfile.stages[0]?.from.instruction.range.start ?? 0, 'Dockerfile')) };
  },

  'dockerfile-multi-stage': ({ workspace }) => {
    const files = workspace.files('dockerfile').filter((f) => f.dockerfile.stages.length > 0);
    if (!files.length) return unknown('No Dockerfile in the workspace');
    const pass: Evidence[] = [];
    const fail: Evidence[] = [];
    for (const f of files) {
      const stages = f.dockerfile.stages;
      const last = stages[stages.length - 1];
      if (stages.length > 1) pass.push(ev(f, last.from.instruction.range.start, `${stages.length} stages; ships "${last.from.image}"`));
      else fail.push(ev(f, last.from.instruction.range.start, 'Single-stage build'));
    }
    return decide(pass, fail);
  },

  'health-endpoint': ({ workspace }) => {
    const pass: Evidence[] = [];
    const fail: Evidence[] = [];
    let relevant = 0;
    for (const f of workspace.files('dockerfile')) {
      const final = f.dockerfile.finalStage;
      if (!final) continue;
      relevant++;
      const hc = final.instructions.find((i) => i.keyword === 'HEALTHCHECK' && !/^\s*NONE\b/i.test(i.argsText));
      if (hc) pass.push(ev(f, hc.range.start, 'HEALTHCHECK'));
    }
    for (const f of workspace.files('kubernetes')) {
      for (const w of k8sModel(f).workloads) {
        for (const c of w.containers.filter((x) => x.type === 'container')) {
          relevant++;
          const probe = getPair(c.node, 'readinessProbe') ?? getPair(c.node, 'livenessProbe');
          if (probe) pass.push(ev(f, keyRange(probe)?.start ?? c.range.start, `${keyRangeText(f, probe)} on container ${c.name ?? c.index}`));
          else fail.push(ev(f, c.range.start, `Container ${c.name ?? c.index} of ${w.kind} ${w.object.name ?? ''} has no probe`));
        }
      }
    }
    for (const f of workspace.files('compose')) {
      for (const d of f.yaml.docs) {
        for (const { key, value } of mapPairs(get(d.doc.contents, 'services'))) {
          relevant++;
          const hc = getPair(value, 'healthcheck');
          if (hc) pass.push(ev(f, keyRange(hc)?.start ?? 0, `healthcheck on service ${key}`));
        }
      }
    }
    if (relevant === 0) return unknown('No Dockerfile, Kubernetes workload or Compose service');
    if (pass.length === 0) return { status: 'fail', evidence: fail.length ? fail : [{ file: '', line: 0, message: 'No HEALTHCHECK, probe or Compose healthcheck found' }] };
    return decide(pass, fail);
  },

  'env-example': ({ workspace, findings }) => {
    const name = ['.env.example', '.env.sample', '.env.template'].find((n) => workspace.exists(n));
    if (!name) return { status: 'fail', evidence: [{ file: '', line: 0, message: 'No .env.example at the workspace root' }] };
    const problems = findings(['workspace/env-example']).map((x) => ev(x.file, x.finding.range.start, x.finding.message));
    return decide([{ file: name, line: 1, message: 'documents the environment' }], problems);
  },

  'pipeline-exists': ({ workspace }) => {
    const wf = workspace.files('workflow').filter((f) => !/(?:^|\/)action\.ya?ml$/.test(f.path));
    if (wf.length) return { status: 'pass', evidence: wf.map((f) => ({ file: f.path, line: 1, message: 'GitHub Actions workflow' })) };
    const other = ['.gitlab-ci.yml', 'Jenkinsfile', 'azure-pipelines.yml', '.circleci/config.yml', 'bitbucket-pipelines.yml'].find((p) => workspace.exists(p));
    if (other) return { status: 'pass', evidence: [{ file: other, line: 1, message: 'CI pipeline' }] };
    return { status: 'fail', evidence: [{ file: '', line: 0, message: 'No CI pipeline found' }] };
  },

  'pipeline-test-deploy': ({ workspace }) => {
    const jobs = jobsOf(workspace);
    if (!jobs.length) return { status: 'fail', evidence: [{ file: '', line: 0, message: 'No workflow jobs' }] };
    const test = jobs.find((j) => TEST.test(j.text) || /^test/i.test(j.id));
    const deploy = jobs.find(isDeploy);
    const evidence: Evidence[] = [];
    if (test) evidence.push(ev(test.file, jobOffset(test), `job "${test.id}" runs the tests`));
    if (deploy) evidence.push(ev(deploy.file, jobOffset(deploy), `job "${deploy.id}" deploys`));
    if (test && deploy) return { status: 'pass', evidence };
    const missing = [!test && 'no job runs the tests', !deploy && 'no job deploys'].filter(Boolean).join('; ');
    return { status: 'fail', evidence: [...evidence, { file: jobs[0].file.path, line: 1, message: missing }] };
  },

  'pipeline-gates': ({ workspace }) => {
    const jobs = jobsOf(workspace);
    const deploys = jobs.filter(isDeploy);
    if (!deploys.length) return unknown('No deploy job');
    const pass: Evidence[] = [];
    const fail: Evidence[] = [];
    for (const d of deploys) {
      const before = ancestors(d, jobs);
      // A gate inside the deploy job itself counts only for steps before its deploy step.
      const has = (re: RegExp) => before.some((j) => re.test(j.text) || re.test(j.id)) || stepsBeforeDeploy(d).some((s) => re.test(s));
      const missing = [!has(LINT) && 'lint', !has(TEST) && !before.some((j) => /test/i.test(j.id)) && 'test', !has(SCAN) && 'security scan'].filter(Boolean);
      if (missing.length) fail.push(ev(d.file, jobOffset(d), `deploy job "${d.id}" does not wait for: ${missing.join(', ')}`));
      else pass.push(ev(d.file, jobOffset(d), `deploy job "${d.id}" needs lint, test and a security scan`));
    }
    return decide(pass, fail);
  },

  'pipeline-smoke-test': ({ workspace }) => {
    const jobs = jobsOf(workspace);
    const deploys = jobs.filter(isDeploy);
    if (!deploys.length) return unknown('No deploy job');
    const pass: Evidence[] = [];
    const fail: Evidence[] = [];
    for (const d of deploys) {
      const afterSteps = stepsAfterDeploy(d);
      const inJob = d.steps.find((s) => afterSteps.includes(s.text) && SMOKE.test(s.text));
      const later = jobs.find((j) => j.file === d.file && j.needs.includes(d.id) && SMOKE.test(j.text + j.id));
      if (inJob) pass.push(ev(d.file, inJob.offset, `smoke test after deploying in "${d.id}"`));
      else if (later) pass.push(ev(later.file, jobOffset(later), `job "${later.id}" verifies "${d.id}"`));
      else fail.push(ev(d.file, jobOffset(d), `deploy job "${d.id}" has no smoke test or health check after deploying`));
    }
    return decide(pass, fail);
  },

  'pipeline-prod-environment': ({ workspace }) => {
    const jobs = jobsOf(workspace);
    const deploys = jobs.filter(isDeploy);
    if (!deploys.length) return unknown('No deploy job');
    const prod = deploys.filter((j) => j.environment && PROD.test(j.environment.replace(/\$\{\{.*?\}\}/g, 'production')));
    if (prod.length) return { status: 'pass', evidence: prod.map((j) => ev(j.file, jobOffset(j), `job "${j.id}" deploys to environment "${j.environment}"`)) };
    return { status: 'fail', evidence: deploys.map((j) => ev(j.file, jobOffset(j), `deploy job "${j.id}" has ${j.environment ? `environment "${j.environment}"` : 'no environment'}`)) };
  },

  'deployment-doc': ({ workspace }) => {
    const doc = deploymentDoc(workspace);
    if (!doc) return { status: 'fail', evidence: [{ file: '', line: 0, message: 'No DEPLOYMENT.md' }] };
    const sections: [string, RegExp][] = [
      ['deploy', /deploy|release/i],
      ['roll back', /roll[- ]?back|revert/i],
      ['verify', /verif|smoke|check|validat/i],
    ];
    const pass: Evidence[] = [];
    const missing: string[] = [];
    for (const [name, re] of sections) {
      const h = doc.headings.find((x) => re.test(x.text));
      if (h) pass.push({ file: doc.path, line: h.line, message: `section "${h.text}"` });
      else missing.push(name);
    }
    return missing.length ? { status: 'fail', evidence: [...pass, { file: doc.path, line: 1, message: `no section on how to ${missing.join(', ')}` }] } : { status: 'pass', evidence: pass };
  },

  'rollback-documented': ({ workspace }) => {
    const doc = deploymentDoc(workspace);
    const h = doc?.headings.find((x) => /roll[- ]?back|revert/i.test(x.text));
    if (h) return { status: 'pass', evidence: [{ file: doc!.path, line: h.line, message: `section "${h.text}"` }] };
    const job = jobsOf(workspace).find((j) => /rollback|roll-back/i.test(j.id) || j.steps.some((s) => /rollout undo|helm rollback|rollback/i.test(s.text)));
    if (job) return { status: 'pass', evidence: [ev(job.file, jobOffset(job), `job "${job.id}" rolls back`)] };
    return { status: 'fail', evidence: [{ file: doc?.path ?? '', line: doc ? 1 : 0, message: doc ? 'DEPLOYMENT.md has no rollback section' : 'No rollback procedure (DEPLOYMENT.md or a rollback job)' }] };
  },

  'k8s-probes': ({ workspace }) => {
    const pass: Evidence[] = [];
    const fail: Evidence[] = [];
    for (const f of workspace.files('kubernetes')) {
      for (const w of k8sModel(f).workloads) {
        if (w.kind === 'Job' || w.kind === 'CronJob') continue;
        for (const c of w.containers.filter((x) => x.type === 'container')) {
          const missing = ['readinessProbe', 'livenessProbe'].filter((p) => !getPair(c.node, p));
          if (missing.length) fail.push(ev(f, c.range.start, `container ${c.name ?? c.index} of ${w.kind} ${w.object.name ?? ''} lacks ${missing.join(' and ')}`));
          else pass.push(ev(f, c.range.start, `container ${c.name ?? c.index}: readiness and liveness probes`));
        }
      }
    }
    if (!pass.length && !fail.length) return unknown('No Kubernetes workloads');
    return decide(pass, fail);
  },

  'network-default-deny': ({ workspace }) => {
    let workloads = 0;
    const pass: Evidence[] = [];
    for (const f of workspace.files('kubernetes')) {
      const m = k8sModel(f);
      workloads += m.workloads.length;
      for (const o of m.objects) {
        if (o.kind !== 'NetworkPolicy') continue;
        const spec = get(o.node, 'spec');
        const selector = get(spec, 'podSelector');
        const emptySelector = !selector || (mapPairs(selector).length === 0) || mapPairs(selector).every((p) => mapPairs(p.value).length === 0 && seqItemsStr(p.value).length === 0);
        if (emptySelector) pass.push(ev(f, o.range.start, `NetworkPolicy ${o.name ?? ''} selects every pod${o.namespace ? ` in ${o.namespace}` : ''}`));
      }
    }
    if (!workloads && !pass.length) return unknown('No Kubernetes workloads');
    return pass.length ? { status: 'pass', evidence: pass } : { status: 'fail', evidence: [{ file: '', line: 0, message: 'No default-deny NetworkPolicy (empty podSelector)' }] };
  },

  'tls-ingress': ({ workspace }) => {
    const pass: Evidence[] = [];
    const fail: Evidence[] = [];
    for (const f of workspace.files('kubernetes')) {
      for (const o of k8sModel(f).objects) {
        if (o.kind !== 'Ingress') continue;
        if (seqMaps(get(get(o.node, 'spec'), 'tls')).length) pass.push(ev(f, o.range.start, `Ingress ${o.name ?? ''} terminates TLS`));
        else fail.push(ev(f, o.range.start, `Ingress ${o.name ?? ''} has no tls`));
      }
    }
    if (!pass.length && !fail.length) return unknown('No Ingress objects');
    return decide(pass, fail);
  },

  'dependency-updates': ({ workspace }) => {
    const found = ['.github/dependabot.yml', '.github/dependabot.yaml', 'renovate.json', '.github/renovate.json', 'renovate.json5', '.renovaterc', '.renovaterc.json'].find((p) => workspace.exists(p));
    return found ? { status: 'pass', evidence: [{ file: found, line: 1, message: 'automated dependency updates' }] } : { status: 'fail', evidence: [{ file: '', line: 0, message: 'No Dependabot or Renovate configuration' }] };
  },

  'image-scan': ({ workspace }) => {
    const pass: Evidence[] = [];
    for (const j of jobsOf(workspace)) {
      const step = j.steps.find((s) => SCAN.test(s.text));
      if (step) pass.push(ev(j.file, step.offset, `job "${j.id}" scans`));
    }
    if (pass.length) return { status: 'pass', evidence: pass };
    if (!workspace.files('workflow').length) return unknown('No workflows');
    return { status: 'fail', evidence: [{ file: '', line: 0, message: 'No workflow step runs a scanner (Trivy, Grype, Snyk, CodeQL …)' }] };
  },

  // Terraform: managed databases and their backup retention; problems come from terraform/database-backups.
  'terraform-database-backups': ({ workspace, findings }) => {
    const pass: Evidence[] = [];
    for (const f of workspace.files('terraform')) {
      for (const r of f.terraform.resources) {
        const [type, name] = r.labels.map((l) => l.value);
        if (!/^(?:aws_db_instance|aws_rds_cluster|aws_docdb_cluster|aws_neptune_cluster|google_sql_database_instance)$/.test(type ?? '')) continue;
        if (type === 'aws_db_instance' && attr(r, 'replicate_source_db')) continue;
        const days = attr(r, 'backup_retention_period');
        const value = days ? (numValue(days.value) !== undefined ? `${numValue(days.value)} days` : f.text.slice(days.value.range.start, days.value.range.end)) : 'configured';
        pass.push(ev(f, r.range.start, `${type}.${name}: backups ${value}`));
      }
    }
    if (!pass.length) return unknown('No managed database in the Terraform configuration');
    const fail = findings(['terraform/database-backups']).map((x) => ev(x.file, x.finding.range.start, x.finding.message));
    return decide(pass, fail);
  },

  // Terraform: every root module keeps its state in a locked remote backend.
  'terraform-remote-state': ({ workspace, findings }) => {
    const pass: Evidence[] = [];
    const seen = new Set<string>();
    for (const f of workspace.files('terraform')) {
      const dir = dirOf(f.path);
      if (seen.has(dir) || !/\.tf$/i.test(f.path)) continue;
      seen.add(dir);
      const files = moduleFiles(f, workspace);
      const anchor = anchorFile(files) ?? f;
      if (isRootModule(anchor, workspace) !== true) continue;
      const b = backendOf(files);
      if (b) pass.push(ev(b.file, b.block.range.start, `${dir || '.'}: ${b.block.type === 'cloud' ? 'Terraform Cloud' : `backend "${b.block.labels[0]?.value ?? ''}"`}`));
    }
    const fail = findings(['terraform/remote-backend', 'terraform/state-locking']).map((x) => ev(x.file, x.finding.range.start, x.finding.message));
    if (!pass.length && !fail.length) return unknown('No Terraform root module in the workspace');
    return decide(pass, fail);
  },

  'no-findings': ({ findings, knownRules, workspace }, item) => {
    const ids = (item.rules ?? []).filter((r) => knownRules.has(r));
    if (!ids.length) return unknown('None of the rules behind this item are available');
    const kinds = item.kinds ?? [];
    if (kinds.length && !kinds.some((k) => workspace.files(k as never).length)) return unknown(`No ${kinds.join(' or ')} files`);
    const found = findings(ids);
    if (found.length) return { status: 'fail', evidence: found.map((x) => ev(x.file, x.finding.range.start, `${x.finding.ruleId}: ${x.finding.message}`)) };
    return { status: 'pass', evidence: [{ file: '', line: 0, message: `No findings of ${ids.join(', ')}` }] };
  },
};

function keyRangeText(f: SourceFile, pair: YPair): string {
  const r = keyRange(pair);
  return r ? f.text.slice(r.start, r.end) : 'probe';
}

function stepsBeforeDeploy(job: Job): string[] {
  const i = job.steps.findIndex((s) => DEPLOY.test(s.text));
  return i < 0 ? [] : job.steps.slice(0, i).map((s) => s.text);
}

function stepsAfterDeploy(job: Job): string[] {
  let last = -1;
  job.steps.forEach((s, i) => {
    if (DEPLOY.test(s.text) && !SMOKE.test(s.text)) last = i;
  });
  return last < 0 ? job.steps.map((s) => s.text) : job.steps.slice(last + 1).map((s) => s.text);
}

/** DEPLOYMENT.md (root or docs/) with its Markdown headings. */
function deploymentDoc(ws: WorkspaceView): { path: string; headings: { text: string; line: number }[] } | undefined {
  for (const p of ['DEPLOYMENT.md', 'docs/DEPLOYMENT.md', 'deploy/DEPLOYMENT.md', 'Deployment.md', 'docs/deployment.md']) {
    const text = ws.readFile(p);
    if (text === undefined) continue;
    const headings: { text: string; line: number }[] = [];
    let fenced = false;
    text.split(/\r\n|\r|\n/).forEach((l, i) => {
      if (/^\s*(```|~~~)/.test(l)) fenced = !fenced;
      const m = !fenced && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(l);
      if (m) headings.push({ text: m[1], line: i + 1 });
    });
    return { path: p, headings };
  }
  return undefined;
}
