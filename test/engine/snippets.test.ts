// Every snippet in snippets/*.json, placeholders filled with their defaults, lints clean with the
// full default rule set. The snippets are linted together in one workspace (the Deployment next to
// its Service, PodDisruptionBudget, HPA and NetworkPolicy; each Dockerfile next to a .dockerignore),
// because that is how they are meant to be used and cross-file rules read the neighbours.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initEngine, lint, ResolvedConfig, rules, snippetToText, Workspace } from '../../engine/index';

before(() => initEngine()); // the Terraform parser

const ROOT = resolve(__dirname, '../..');
const SNIPPETS = join(ROOT, 'snippets');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Snippet syntax → the text a user gets by accepting every default. */
export function expandSnippet(body: string[]): string {
  const text = body.join('\n').replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1');
  return snippetToText(text) + '\n';
}

function load(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(SNIPPETS, file), 'utf8'));
}

/** Where each snippet goes in the test workspace. */
const PLACES: Record<string, string> = {
  'docker-node': 'node/Dockerfile',
  'docker-python': 'python/Dockerfile',
  'docker-go': 'go/Dockerfile',
  'k8s-deploy': 'k8s/deployment.yaml',
  'k8s-service': 'k8s/service.yaml',
  'k8s-pdb': 'k8s/pdb.yaml',
  'k8s-hpa': 'k8s/hpa.yaml',
  'k8s-netpol-deny': 'k8s/networkpolicy.yaml',
  'k8s-ingress': 'k8s/ingress.yaml',
  'gha-pipeline': '.github/workflows/pipeline.yml',
  'compose-service': 'compose.yaml',
  // One root module: the terraform block, the provider and a module call in their usual files.
  'tf-backend': 'infra/versions.tf',
  'tf-provider-aws': 'infra/providers.tf',
  'tf-module': 'infra/main.tf',
};

describe('snippets', () => {
  const files = readdirSync(SNIPPETS).filter((f) => f.endsWith('.json'));
  const all = files.flatMap((f) => Object.entries(load(f)).map(([name, s]) => ({ file: f, name, ...s })));

  it('each snippet file is valid and every snippet has a domain prefix, a description and a body', () => {
    assert.deepEqual(files.sort(), ['compose.json', 'dockerfile.json', 'dockerignore.json', 'kubernetes.json', 'terraform.json', 'workflows.json']);
    for (const s of all) {
      assert.match(s.prefix, /^(?:docker|dockerignore|k8s|gha|compose|tf)(?:-[a-z-]+)?$/, s.name);
      assert.ok(s.description.length > 20, s.name);
      assert.ok(Array.isArray(s.body) && s.body.length > 3, s.name);
    }
    const prefixes = all.map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const p of Object.keys(PLACES)) assert.ok(prefixes.includes(p), `snippet ${p} exists`);
  });

  it('package.json contributes every snippet file for its languages', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes.snippets as { language: string; path: string }[]).map((s) => `${s.language} ${s.path}`);
    for (const want of [
      'dockerfile ./snippets/dockerfile.json',
      'ignore ./snippets/dockerignore.json',
      'yaml ./snippets/kubernetes.json',
      'yaml ./snippets/workflows.json',
      'github-actions-workflow ./snippets/workflows.json',
      'yaml ./snippets/compose.json',
      'terraform ./snippets/terraform.json',
      'hcl ./snippets/terraform.json',
    ])
      assert.ok(contributed.includes(want), want);
  });

  // One workspace holding every snippet, each Dockerfile with the .dockerignore snippet beside it.
  const workspace = new Workspace(undefined, true);
  const dockerignore = all.find((s) => s.prefix === 'dockerignore')!;
  for (const dir of ['', 'node/', 'python/', 'go/']) workspace.set(`${dir}.dockerignore`, expandSnippet(dockerignore.body));
  for (const s of all) if (PLACES[s.prefix]) workspace.set(PLACES[s.prefix], expandSnippet(s.body));
  const config = new ResolvedConfig(rules);

  for (const s of all) {
    if (!PLACES[s.prefix]) continue;
    it(`${s.prefix} (${s.file}) lints clean with the default rule set`, () => {
      const file = workspace.get(PLACES[s.prefix])!;
      assert.notEqual(file.kind, 'unknown');
      const result = lint(file, { config, relPath: file.path, workspace });
      assert.deepEqual(result.ruleErrors, []);
      const shown = result.findings.map((f) => `${f.ruleId} @${file.lines.positionAt(f.range.start).line + 1}: ${f.message}`);
      assert.deepEqual(shown, []);
    });
  }
});
