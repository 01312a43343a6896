// Completion and hover over LSP (stdio, the built dist/server.js): representative cursor positions
// in the four kinds of files return the expected labels and not wrong ones; hovers show schema
// descriptions and, on a diagnostic, the rule's why and good example.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver';
import { TestClient, uri, SERVER } from './lsp-client';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: Always
          ports:
            - containerPort: 8080
`;

const WORKFLOW = `name: ci
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      version: \${{ steps.meta.outputs.version }}
    steps:
      - id: meta
        run: echo "version=1.2.3" >> "$GITHUB_OUTPUT"
      - run: echo done
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ needs.build.outputs.version }} \${{ secrets.DEPLOY_TOKEN }}
`;

const COMPOSE = `services:
  web:
    image: nginx:1.27
    depends_on:
      - db
    restart: unless-stopped
  db:
    image: postgres:16.4
  cache:
    image: redis:7.4
`;

const DOCKERFILE = `FROM golang:1.23-alpine AS build
WORKDIR /src
RUN go build -o /out/app .

FROM alpine:3.20 AS runtime
COPY --from=build /out/app /app
`;

interface Case {
  name: string;
  file: string;
  languageId: string;
  /** The text with `|` at the cursor. */
  text: string;
  expect: string[];
  not?: string[];
}

const K = 'k8s/deploy.yaml';
const W = '.github/workflows/ci.yml';
const C = 'compose.yaml';
const D = 'app/Dockerfile';
const at = (text: string, find: string, replace: string) => {
  assert.ok(text.includes(find), `fixture contains ${find}`);
  return text.replace(find, replace);
};

const CASES: Case[] = [
  // Kubernetes
  { name: 'k8s: apiVersion/kind pairs in an empty manifest', file: K, languageId: 'yaml', text: '|', expect: ['Deployment (apps/v1)', 'Service (v1)', 'PodDisruptionBudget (policy/v1)', 'apiVersion', 'kind'], not: ['spec.replicas'] },
  { name: 'k8s: apiVersion values for a known kind', file: K, languageId: 'yaml', text: 'apiVersion: |\nkind: Deployment\n', expect: ['apps/v1'], not: ['v1', 'batch/v1'] },
  { name: 'k8s: kinds of an apiVersion', file: K, languageId: 'yaml', text: 'apiVersion: batch/v1\nkind: |\n', expect: ['Job', 'CronJob'], not: ['Deployment'] },
  { name: 'k8s: container keys, present ones left out', file: K, languageId: 'yaml', text: at(DEPLOYMENT, '          imagePullPolicy: Always\n', '          reso|\n'), expect: ['resources', 'securityContext', 'readinessProbe', 'livenessProbe', 'env'], not: ['name', 'image', 'ports', 'replicas', 'containers'] },
  { name: 'k8s: best-practice blocks in a container', file: K, languageId: 'yaml', text: at(DEPLOYMENT, '          imagePullPolicy: Always\n', '          |\n'), expect: ['resources (requests and limits)', 'securityContext (restricted)', 'readinessProbe (HTTP /ready)', 'livenessProbe (HTTP /health)'], not: ['topologySpreadConstraints (zones and nodes)'] },
  { name: 'k8s: pod spec keys and the spread block', file: K, languageId: 'yaml', text: at(DEPLOYMENT, '      containers:\n', '      |\n      containers:\n'), expect: ['topologySpreadConstraints (zones and nodes)', 'securityContext (pod, restricted)', 'serviceAccountName', 'volumes'], not: ['containers', 'image', 'replicas'] },
  { name: 'k8s: enum values of imagePullPolicy', file: K, languageId: 'yaml', text: at(DEPLOYMENT, 'imagePullPolicy: Always', 'imagePullPolicy: |'), expect: ['Always', 'IfNotPresent', 'Never'], not: ['true'] },
  { name: 'k8s: enum values of strategy.type', file: K, languageId: 'yaml', text: at(DEPLOYMENT, 'type: RollingUpdate', 'type: |'), expect: ['RollingUpdate', 'Recreate'], not: ['Always'] },
  { name: 'k8s: keys of a sequence item (ports)', file: K, languageId: 'yaml', text: at(DEPLOYMENT, '            - containerPort: 8080\n', '            - containerPort: 8080\n              |\n'), expect: ['name', 'protocol'], not: ['containerPort', 'image'] },
  { name: 'k8s: deployment spec keys', file: K, languageId: 'yaml', text: at(DEPLOYMENT, '  replicas: 2\n', '  replicas: 2\n  |\n'), expect: ['selector', 'revisionHistoryLimit', 'minReadySeconds'], not: ['replicas', 'template', 'containers'] },
  // GitHub Actions
  { name: 'gha: runs-on labels', file: W, languageId: 'yaml', text: at(WORKFLOW, '    runs-on: ubuntu-latest\n    outputs', '    runs-on: |\n    outputs'), expect: ['ubuntu-latest', 'ubuntu-24.04', 'windows-latest', 'macos-latest'], not: ['push'] },
  { name: 'gha: on: events', file: W, languageId: 'yaml', text: at(WORKFLOW, '  push:\n', '  |\n  push:\n'), expect: ['pull_request', 'workflow_dispatch', 'schedule', 'release'], not: ['runs-on'] },
  { name: 'gha: permission scopes', file: W, languageId: 'yaml', text: at(WORKFLOW, '  contents: read\n', '  contents: read\n  |\n'), expect: ['id-token', 'packages', 'pull-requests'], not: ['contents', 'jobs'] },
  { name: 'gha: permission levels', file: W, languageId: 'yaml', text: at(WORKFLOW, 'contents: read', 'contents: |'), expect: ['read', 'write', 'none'] },
  { name: 'gha: job keys', file: W, languageId: 'yaml', text: at(WORKFLOW, '    needs: build\n', '    needs: build\n    |\n'), expect: ['environment', 'timeout-minutes', 'concurrency', 'if'], not: ['needs', 'runs-on', 'steps', 'on'] },
  { name: 'gha: step keys', file: W, languageId: 'yaml', text: at(WORKFLOW, '      - run: echo done\n', '      - run: echo done\n      - |\n'), expect: ['uses', 'run', 'with', 'name', 'id'], not: ['runs-on', 'steps'] },
  { name: 'gha: github. context', file: W, languageId: 'yaml', text: at(WORKFLOW, '${{ secrets.DEPLOY_TOKEN }}', '${{ github.| }}'), expect: ['sha', 'ref', 'repository', 'event_name'], not: ['DEPLOY_TOKEN'] },
  { name: 'gha: secrets. from the workflow', file: W, languageId: 'yaml', text: at(WORKFLOW, 'echo done', 'echo ${{ secrets.| }}'), expect: ['GITHUB_TOKEN', 'DEPLOY_TOKEN'], not: ['sha'] },
  { name: 'gha: needs.<job>.outputs.', file: W, languageId: 'yaml', text: at(WORKFLOW, '${{ needs.build.outputs.version }}', '${{ needs.build.outputs.| }}'), expect: ['version'], not: ['sha'] },
  { name: 'gha: needs. job ids', file: W, languageId: 'yaml', text: at(WORKFLOW, '${{ needs.build.outputs.version }}', '${{ needs.| }}'), expect: ['build'], not: ['deploy'] },
  { name: 'gha: steps.<id>.outputs. from $GITHUB_OUTPUT', file: W, languageId: 'yaml', text: at(WORKFLOW, 'echo done', 'echo ${{ steps.meta.outputs.| }}'), expect: ['version'], not: ['GITHUB_TOKEN'] },
  // Compose
  { name: 'compose: service keys and blocks', file: C, languageId: 'yaml', text: at(COMPOSE, '    restart: unless-stopped\n', '    |\n'), expect: ['healthcheck', 'healthcheck (HTTP)', 'deploy.resources (limits and reservations)', 'environment', 'user', 'read_only'], not: ['image', 'depends_on', 'services'] },
  { name: 'compose: depends_on service names', file: C, languageId: 'yaml', text: at(COMPOSE, '      - db\n', '      - db\n      - |\n'), expect: ['cache'], not: ['web', 'db'] },
  { name: 'compose: depends_on condition values', file: C, languageId: 'yaml', text: at(COMPOSE, '    depends_on:\n      - db\n', '    depends_on:\n      db:\n        condition: |\n'), expect: ['service_healthy', 'service_started', 'service_completed_successfully'] },
  { name: 'compose: deploy keys and the resources block', file: C, languageId: 'yaml', text: at(COMPOSE, '    restart: unless-stopped\n', '    deploy:\n      |\n'), expect: ['resources (limits and reservations)', 'replicas', 'restart_policy'], not: ['image'] },
  { name: 'compose: top-level keys', file: C, languageId: 'yaml', text: COMPOSE + '|', expect: ['volumes', 'networks', 'secrets'], not: ['services', 'image'] },
  // Dockerfile
  { name: 'dockerfile: instructions', file: D, languageId: 'dockerfile', text: DOCKERFILE + 'HE|', expect: ['HEALTHCHECK', 'USER', 'COPY'], not: ['--chown'] },
  { name: 'dockerfile: COPY flags', file: D, languageId: 'dockerfile', text: DOCKERFILE + 'COPY --|', expect: ['--chown', '--from', '--chmod', '--link'], not: ['--mount', 'HEALTHCHECK'] },
  { name: 'dockerfile: --from= stage names', file: D, languageId: 'dockerfile', text: DOCKERFILE + 'COPY --from=|', expect: ['build'], not: ['runtime', 'alpine:3.20'] },
  { name: 'dockerfile: RUN --mount=type=cache', file: D, languageId: 'dockerfile', text: DOCKERFILE + 'RUN --mount=|', expect: ['type=cache', 'type=secret'], not: ['--chown'] },
  { name: 'dockerfile: base images of the workspace', file: D, languageId: 'dockerfile', text: DOCKERFILE + 'FROM |', expect: ['node:22-alpine', 'python:3.12-slim', 'golang:1.23-alpine', 'build', 'runtime'], not: ['HEALTHCHECK'] },
];

function tempWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipready-complete-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const markdown = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

describe('completion and hover over LSP', { skip: !fs.existsSync(SERVER) && 'run npm run build first' }, () => {
  let root: string;
  let client: TestClient;
  const versions = new Map<string, number>();

  before(async () => {
    root = tempWorkspace({
      'web/Dockerfile': 'FROM node:22-alpine AS build\nRUN npm ci\nFROM node:22-alpine\n',
      'worker/Dockerfile': 'FROM python:3.12-slim\n',
      '.github/workflows/release.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.NPM_TOKEN }}\n',
    });
    client = new TestClient({ rootPath: root });
    const init = await client.initialize();
    assert.ok(init.capabilities.completionProvider, 'completionProvider');
    assert.equal(init.capabilities.hoverProvider, true);
    await client.waitFor(uri(path.join(root, 'worker/Dockerfile')));
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function completeAt(file: string, languageId: string, marked: string): Promise<CompletionItem[]> {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const docUri = uri(path.join(root, file));
    const before = text.slice(0, offset).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    const version = (versions.get(file) ?? 0) + 1;
    versions.set(file, version);
    if (version === 1) await client.open(docUri, languageId, text, version);
    else await client.change(docUri, version, text);
    return (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri: docUri }, position })) as CompletionItem[];
  }

  for (const c of CASES) {
    it(c.name, async () => {
      const items = await completeAt(c.file, c.languageId, c.text);
      const labels = items.map((i) => i.label);
      for (const e of c.expect) assert.ok(labels.includes(e), `expected "${e}" in [${labels.slice(0, 40).join(', ')}]`);
      for (const n of c.not ?? []) assert.ok(!labels.includes(n), `did not expect "${n}"`);
    });
  }

  it('covers 20+ positions across the four kinds', () => {
    assert.ok(CASES.length >= 20);
    for (const prefix of ['k8s', 'gha', 'compose', 'dockerfile']) assert.ok(CASES.filter((c) => c.name.startsWith(prefix)).length >= 5, prefix);
  });

  it('a key completion inserts the structure its value needs; a block comes indented', async () => {
    const items = await completeAt('k8s/other.yaml', 'yaml', at(DEPLOYMENT, '          imagePullPolicy: Always\n', '          |\n'));
    const env = items.find((i) => i.label === 'env')!;
    assert.equal((env.textEdit as { newText: string }).newText, 'env:\n            - ');
    assert.match(env.detail!, /EnvVar\[\]/);
    assert.match((env.documentation as MarkupContent).value, /environment variables/i);
    const block = items.find((i) => i.label === 'resources (requests and limits)')!;
    assert.equal(block.insertTextMode, 1, 'asIs: the server indents');
    assert.match((block.textEdit as { newText: string }).newText, /^resources:\n {12}requests:\n {14}cpu: 100m\n/);
  });

  it('hover on a Kubernetes key shows the field description and type', async () => {
    const docUri = uri(path.join(root, 'k8s/hover.yaml'));
    await client.open(docUri, 'yaml', DEPLOYMENT, 1);
    const line = DEPLOYMENT.split('\n').findIndex((l) => l.includes('imagePullPolicy'));
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: { line, character: 14 } })) as Hover;
    assert.match(markdown(h), /\*\*imagePullPolicy\*\* `string`/);
    assert.match(markdown(h), /Image pull policy\. One of Always, Never, IfNotPresent/);
    assert.deepEqual(h.range, { start: { line, character: 10 }, end: { line, character: 25 } });
  });

  it('hover on a Compose key shows the spec description', async () => {
    const docUri = uri(path.join(root, 'compose.hover.yaml'));
    await client.open(docUri, 'yaml', COMPOSE, 1);
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 3, character: 6 } })) as Hover;
    assert.match(markdown(h), /Express dependency between services/);
  });

  it('hover on a workflow key shows GitHub\'s description', async () => {
    const docUri = uri(path.join(root, '.github/workflows/hover.yml'));
    await client.open(docUri, 'yaml', WORKFLOW, 1);
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 8, character: 6 } })) as Hover;
    assert.match(markdown(h), /runs-on/);
    assert.match(markdown(h), /machine to run the job on/);
  });

  it('hover on a diagnostic shows why the rule exists and its good example', async () => {
    const docUri = uri(path.join(root, 'svc/Dockerfile'));
    const text = 'FROM node:latest\nCMD ["node", "server.js"]\n';
    const since = client.published.length;
    await client.open(docUri, 'dockerfile', text, 1);
    const p = await client.waitFor(docUri, (x) => x.version === 1, since);
    const d = p.diagnostics.find((x) => x.code === 'dockerfile/no-latest-tag');
    assert.ok(d, 'no-latest-tag reported');
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: d.range.start })) as Hover;
    const md = markdown(h);
    assert.match(md, /\*\*dockerfile\/no-latest-tag\*\*/);
    assert.match(md, /\*\*Why:\*\* `latest` is not a version/);
    assert.match(md, /\*\*Good example:\*\*\n\n```dockerfile\nFROM node:22\.11-bookworm-slim/);
    assert.deepEqual(h.range, d.range);
  });
});
