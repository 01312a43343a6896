// Each automatic checklist item on a passing and a failing in-memory workspace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  Workspace,
  evaluateChecklists,
  lint,
  rules,
  parseTeamChecklist,
  validateDefs,
  mergeDefs,
  parseManualState,
  serializeManualState,
  setManual,
  checklistMarkdown,
  upsertSection,
  emptyManualState,
  type ChecklistReport,
} from '../../engine/index';
import builtin from '../../engine/checklist/checklists.json';

/** A workspace from a map of files; infrastructure files are indexed, the rest are readable. */
function workspace(files: Record<string, string>) {
  const ws = new Workspace({ exists: (p) => p in files || Object.keys(files).some((f) => f.startsWith(`${p}/`)), readFile: (p) => files[p] });
  for (const [p, t] of Object.entries(files)) {
    const f = ws.set(p, t);
    if (f.kind === 'unknown' || f.kind === 'yaml') ws.delete(p);
  }
  return ws;
}

function evaluate(files: Record<string, string>, extra: Partial<Parameters<typeof evaluateChecklists>[0]> = {}): ChecklistReport {
  const ws = workspace(files);
  const results = [...ws.all()].map((file) => ({ file, findings: lint(file, { workspace: ws }).findings }));
  return evaluateChecklists({
    workspace: ws,
    knownRules: new Set(rules.map((r) => r.meta.id)),
    findings: (ids) => results.flatMap((r) => r.findings.filter((f) => ids.includes(f.ruleId)).map((finding) => ({ path: r.file.path, finding, file: r.file }))),
    manual: emptyManualState(),
    ...extra,
  });
}

function status(report: ChecklistReport, list: string, item: string) {
  const i = report.lists.find((l) => l.id === list)!.items.find((x) => x.id === item);
  assert.ok(i, `${list}/${item} exists`);
  return i!;
}

const GOOD_DOCKERFILE = 'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nUSER 1000:1000\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/health || exit 1\nCMD ["node", "dist/server.js"]\n';
const BAD_DOCKERFILE = 'FROM node:22-alpine\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n';
const DEPLOYMENT = '# Deployment\n\n## Deploy\ntext\n\n## Rollback\ntext\n\n## Verify\ntext\n';
const PIPELINE = `name: ci
on: [push]
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: npm run lint
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: aquasecurity/trivy-action@0.28.0
  deploy:
    needs: [lint, test, scan]
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: kubectl apply -f k8s/
      - name: Smoke test
        run: curl --fail --retry 5 https://example.com/health
`;
const WEAK_PIPELINE = `on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
`;
const DEPLOY_WITH_PROBES = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: api:1.0.0
          readinessProbe: { httpGet: { path: /ready, port: 3000 } }
          livenessProbe: { httpGet: { path: /health, port: 3000 } }
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            runAsGroup: 10001
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: api }
spec:
  tls: [{ hosts: [api.example.com], secretName: api-tls }]
  rules: []
`;
const DEPLOY_NO_PROBES = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1.0.0\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: api }\nspec:\n  rules: []\n';

describe('checklist definitions', () => {
  it('the built-in lists validate against schemas/checklist.schema.json and use known checks', () => {
    assert.deepEqual(validateDefs(builtin), []);
    assert.deepEqual(mergeDefs().map((l) => l.id), ['mvp', 'production', 'pre-deploy', 'security', 'critical']);
  });

  it('a team file adds items and lists, overrides titles and turns items off', () => {
    const { defs, errors } = parseTeamChecklist(`lists:
  - id: mvp
    title: MVP
    items:
      - id: backups
        title: Nightly snapshots of the orders database
      - id: on-call
        title: An on-call rota exists
  - id: launch
    title: Launch day
    includes: [critical]
    items:
      - id: status-page
        title: Status page announced
disable: [production/rate-limiting, structured-logging]
`);
    assert.deepEqual(errors, []);
    const report = evaluate({}, { team: defs });
    assert.equal(status(report, 'mvp', 'backups').title, 'Nightly snapshots of the orders database');
    assert.equal(status(report, 'mvp', 'on-call').kind, 'manual');
    const launch = report.lists.find((l) => l.id === 'launch')!;
    assert.deepEqual(launch.items.map((i) => i.id).slice(-1), ['status-page']);
    assert.ok(launch.items.some((i) => i.id === 'tls'), 'includes the critical list');
    const prod = report.lists.find((l) => l.id === 'production')!.items.map((i) => i.id);
    assert.ok(!prod.includes('rate-limiting') && !prod.includes('structured-logging'));
  });

  it('rejects an invalid team file with a clear error', () => {
    const r = parseTeamChecklist('lists:\n  - id: Bad Id\n    title: x\n    items:\n      - { id: a, title: b, check: no-such-check }\n');
    assert.ok(r.errors.some((e) => /must match pattern/.test(e)), r.errors.join('\n'));
    const r2 = parseTeamChecklist('lists:\n  - id: x\n    title: x\n    items:\n      - { id: a, title: b, check: no-such-check }\n');
    assert.deepEqual(r2.errors, ['/x/a: unknown check "no-such-check"']);
  });
});

describe('automatic items', () => {
  const good = evaluate({ Dockerfile: GOOD_DOCKERFILE, 'DEPLOYMENT.md': DEPLOYMENT, '.env.example': 'PORT=3000\n', '.github/workflows/ci.yml': PIPELINE, 'k8s/app.yaml': DEPLOY_WITH_PROBES, '.github/dependabot.yml': 'version: 2\n' });
  const bad = evaluate({ Dockerfile: BAD_DOCKERFILE, '.github/workflows/ci.yml': WEAK_PIPELINE, 'k8s/app.yaml': DEPLOY_NO_PROBES, 'DEPLOYMENT.md': '# Deployment\n\n## Deploy\nkubectl apply\n' });
  const empty = evaluate({});

  // [list, item, the workspace where it fails (default: the weak one)]
  const cases: [string, string, ChecklistReport?][] = [
    ['mvp', 'dockerfile', empty],
    ['mvp', 'health-endpoint'],
    ['mvp', 'env-documented'],
    ['mvp', 'pipeline', evaluate({ '.github/workflows/ci.yml': 'on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run build\n' })],
    ['production', 'multi-stage'],
    ['production', 'non-root'],
    ['production', 'probes'],
    ['production', 'pipeline-gates'],
    ['production', 'smoke-test'],
    ['production', 'prod-environment'],
    ['production', 'deployment-doc'],
    ['production', 'rollback'],
    ['security', 'network-segmentation'],
    ['security', 'encryption'],
    ['security', 'patching'],
    ['security', 'scanning'],
    ['critical', 'pipeline', empty],
  ];
  for (const [list, item, failing] of cases) {
    it(`${list}/${item}: passes on a ready workspace, fails on one that is not`, () => {
      const g = status(good, list, item);
      const b = status(failing ?? bad, list, item);
      assert.equal(g.kind, 'auto');
      assert.equal(g.status, 'pass', JSON.stringify(g.evidence));
      assert.equal(b.status, 'fail', JSON.stringify(b.evidence));
      assert.ok(b.evidence.length > 0, 'a failing item says why');
      for (const e of [...g.evidence, ...b.evidence]) if (e.file) assert.ok(e.line >= 1, `evidence ${e.file} has a line`);
    });
  }

  it('points evidence at the file and line that decides the item', () => {
    const multi = status(bad, 'production', 'multi-stage');
    assert.deepEqual(multi.evidence, [{ file: 'Dockerfile', line: 1, message: 'Single-stage build' }]);
    const gates = status(bad, 'production', 'pipeline-gates');
    assert.deepEqual(gates.evidence, [{ file: '.github/workflows/ci.yml', line: 7, message: 'deploy job "deploy" does not wait for: lint, security scan' }]);
    const doc = status(bad, 'production', 'deployment-doc');
    assert.ok(doc.evidence.some((e) => e.message === 'no section on how to roll back, verify'));
  });

  it('says "unknown" where the workspace cannot decide', () => {
    assert.equal(status(empty, 'production', 'probes').status, 'unknown');
    assert.equal(status(empty, 'security', 'encryption').status, 'unknown');
    assert.equal(status(empty, 'production', 'pipeline-gates').status, 'unknown');
    assert.equal(status(empty, 'production', 'non-root').status, 'unknown');
    assert.equal(status(empty, 'mvp', 'dockerfile').status, 'fail');
  });

  it('counts ready items per list', () => {
    const mvp = good.lists.find((l) => l.id === 'mvp')!;
    assert.equal(mvp.total, 5);
    assert.equal(mvp.ready, 4, 'backups is manual and not ticked');
  });
});

describe('manual items', () => {
  it('ticks are kept in a stable, reviewable file and shown as done', () => {
    let state = parseManualState(undefined);
    state = setManual(state, 'mvp/backups', true, 'ana', '2026-11-25T10:00:00.000Z');
    state = setManual(state, 'pre-deploy/reviewed', true);
    state = setManual(state, 'pre-deploy/reviewed', false);
    const text = serializeManualState(state);
    assert.equal(text, '{\n  "version": 1,\n  "items": {\n    "mvp/backups": {\n      "done": true,\n      "by": "ana",\n      "at": "2026-11-25T10:00:00.000Z"\n    }\n  }\n}\n');
    const report = evaluate({}, { manual: parseManualState(text) });
    const item = status(report, 'mvp', 'backups');
    assert.equal(item.status, 'done');
    assert.equal(item.doneBy, 'ana');
    // The production list includes MVP: the same tick shows there.
    assert.equal(status(report, 'production', 'backups').status, 'done');
    assert.equal(status(report, 'pre-deploy', 'reviewed').status, 'todo');
  });

  it('an unreadable state file counts as no ticks', () => {
    assert.deepEqual(parseManualState('{not json'), emptyManualState());
  });
});

describe('markdown export', () => {
  it('renders task lists and updates its own section in place', () => {
    const report = evaluate({ Dockerfile: BAD_DOCKERFILE });
    const md = checklistMarkdown(report);
    assert.match(md, /### MVP \(1\/5 ready\)/);
    assert.match(md, /- \[x\] A working Dockerfile _\(auto\)_/);
    assert.match(md, /- \[ \] Multi-stage Docker build _\(auto\)_ — ✗ — Dockerfile:1/);
    const doc = '# Deployment\n\nIntro.\n';
    const once = upsertSection(doc, md);
    const twice = upsertSection(once, md.replace('1/5', '2/5'));
    assert.ok(once.startsWith('# Deployment\n\nIntro.\n\n<!-- shipready:checklist:start -->'));
    assert.equal(twice.split('shipready:checklist:start').length, 2, 'one section, replaced');
    assert.match(twice, /2\/5 ready/);
  });
});
