import { defineRule } from '../../define-rule';
import { FULL_SHA, workflowModel, type WfStep } from '../../documents/workflow';
import { existsOptional, readOptional } from '../../documents/compose';
import { defineFacts, factsOf, perWorkspace, type WorkspaceView } from '../../workspace';
import type { Range } from '../../types';

/** Files that configure Dependabot or Renovate. */
const CONFIGS = [
  '.github/dependabot.yml',
  '.github/dependabot.yaml',
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
];

/** Manifest files of the ecosystems Dependabot updates, at the repository root. */
const ECOSYSTEMS: [string, string[]][] = [
  ['npm', ['package.json']],
  ['pip', ['requirements.txt', 'pyproject.toml', 'Pipfile', 'setup.py']],
  ['gomod', ['go.mod']],
  ['cargo', ['Cargo.toml']],
  ['bundler', ['Gemfile']],
  ['composer', ['composer.json']],
  ['maven', ['pom.xml']],
  ['gradle', ['build.gradle', 'build.gradle.kts']],
  ['nuget', ['packages.config', 'Directory.Packages.props']],
];

/** A `uses:` pinned to a full commit SHA. */
function shaPinned(s: WfStep): boolean {
  return !!s.action && !!s.ref && FULL_SHA.test(s.ref);
}

function hasConfig(ws: WorkspaceView): boolean {
  if (CONFIGS.some((p) => existsOptional(ws, p))) return true;
  const pkg = readOptional(ws, 'package.json');
  return !!pkg && /"renovate"\s*:/.test(pkg);
}

/** Does a workflow pin an action to a SHA, a Dockerfile a base image to a digest? */
const PINS = defineFacts<boolean>({
  key: 'dependency-pinned',
  kinds: ['workflow', 'dockerfile'],
  extract: (f) => (f.kind === 'workflow' ? workflowModel(f).steps().some(shaPinned) : f.dockerfile.stages.some((s) => !!s.from.ref?.digest)),
});

/** The workflow (first by path) that pins an action to a SHA, and the Dockerfiles pinned by digest. */
function pins(ws: WorkspaceView): { workflow?: string; dockerDirs: string[] } {
  let workflow: string | undefined;
  for (const f of ws.files('workflow')) {
    if (f.path.startsWith('.github/workflows/') && factsOf(ws, PINS, f) && (workflow === undefined || f.path < workflow)) workflow = f.path;
  }
  const dockerDirs = new Set<string>();
  for (const f of ws.files('dockerfile')) {
    if (factsOf(ws, PINS, f)) dockerDirs.add(f.path.includes('/') ? `/${f.path.slice(0, f.path.lastIndexOf('/'))}` : '/');
  }
  return { workflow, dockerDirs: [...dockerDirs].sort() };
}

function dependabotYaml(ws: WorkspaceView, dockerDirs: string[]): string {
  const entry = (ecosystem: string, dirs: string[]) =>
    `  - package-ecosystem: ${ecosystem}\n${dirs.length > 1 ? `    directories:\n${dirs.map((d) => `      - "${d}"\n`).join('')}` : `    directory: "${dirs[0]}"\n`}    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n`;
  const parts = [entry('github-actions', ['/'])];
  if (dockerDirs.length) parts.push(entry('docker', dockerDirs));
  for (const [eco, files] of ECOSYSTEMS) if (files.some((f) => existsOptional(ws, f))) parts.push(entry(eco, ['/']));
  return `# Keeps the pinned SHAs and digests up to date; cooldown waits a week before proposing a new release.\nversion: 2\nupdates:\n${parts.join('')}`;
}

export default defineRule({
  id: 'workspace/dependency-update-automation',
  kind: 'workflow',
  type: 'suggestion',
  severity: 'info',
  crossFile: true,
  summary: 'A repository that pins actions to SHAs or images to digests has Dependabot or Renovate keep them up to date',
  sources: ['zizmor dependabot-cooldown', 'beyond (pinning without an update bot freezes known vulnerabilities in place)'],
  messages: {
    noAutomation: 'Actions are pinned to commit SHAs{{docker}} but the repository has no Dependabot or Renovate configuration: the pins never move, and security fixes in the pinned versions are never picked up.',
  },
  fixable: true,
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws.complete) return;
    // one finding per repository: on the first SHA pin of the first workflow that has one
    const p = perWorkspace(ws, 'dependency-pins', () => pins(ws));
    if (p.workflow !== ctx.file.path) return;
    const first = workflowModel(ctx.file).steps().find(shaPinned);
    if (!first?.usesNode?.range) return;
    if (perWorkspace(ws, 'dependency-update-config', () => hasConfig(ws))) return;
    const range: Range = { start: first.usesNode.range[0], end: first.usesNode.range[1] };
    const up = '../'.repeat(ctx.file.path.split('/').length - 2);
    ctx.report({
      range,
      messageId: 'noAutomation',
      data: { docker: p.dockerDirs.length ? ' and base images to digests' : '' },
      fixes: [{ title: 'Create .github/dependabot.yml', edits: [], fileEdits: [{ path: `${up}dependabot.yml`, create: dependabotYaml(ws, p.dockerDirs) }] }],
    });
  },
});
