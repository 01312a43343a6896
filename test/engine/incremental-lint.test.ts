// Re-linting a new version of a multi-document manifest runs the `perDocument` rules only on the
// documents whose text changed and moves the findings of the others: the result is always the one
// a lint from scratch gives (compared after many random edits), and the rule runs are counted.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, lint, rules, ResolvedConfig, SourceFile, type LintResult, type Rule, type RuleContext } from '../../engine/index';
import { SEEDS } from '../fuzz/seeds';
import { deployment, pod, app } from './rules/kubernetes/manifests';

const PATH = 'deploy/all.yaml';
const k8sRules = rules.filter((r) => r.meta.kind === 'kubernetes');

/** Documents that between them make most Kubernetes rules report something (with fixes). */
const EXTRA = [
  app('api', 3, 'prod'),
  deployment('image: nginx\nenv:\n  - name: A\n    value: "1"\n  - name: PASSWORD\n    value: hunter2\n  - name: A\n    value: "2"\nresources:\n  requests: {cpu: 2}\n  limits: {cpu: 1}\n', { name: 'dup', spec: 'replicas: 1\nstrategy: {type: Recreate}\nrevisionHistoryLimit: 0\n' }),
  pod('image: busybox:latest\nsecurityContext:\n  runAsUser: 0\n  procMount: Unmasked\nlivenessProbe: {httpGet: {path: /, port: web}}\nreadinessProbe: {httpGet: {path: /, port: web}}\n', 'hostIPC: true\npriorityClassName: high\n'),
  'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ing\n  namespace: default\nspec:\n  rules:\n    - host: example.com\n',
  'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: hpa}\nspec:\n  scaleTargetRef: {kind: Deployment, name: api}\n  minReplicas: 5\n  maxReplicas: 3\n',
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - apiGroups: [""]\n    resources: [secrets, pods, pods/exec]\n    verbs: [get, create]\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  api_token: abc123\n  bogus: [1, 2\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: svc, labels: {app: "bad value!"}}\nspec:\n  type: NodePort\n  selector: {app: api}\n  ports: [{port: 80, targetPort: 8080}]\n  unknownField: 1\n',
  'apiVersion: batch/v1\nkind: Job\nmetadata: {name: job}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: j\n          image: alpine:3\n',
  '# only a comment\n',
  'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {password: x}\n...\n',
];

function manifest(templated: boolean): string {
  const seeds = SEEDS.kubernetes.filter((s) => templated || !s.includes('{{'));
  return [...seeds, ...EXTRA].map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Deployment', 'StatefulSet', 'Pod', 'Service', 'Job', 'ConfigMap', 'DaemonSet'];

/** One random edit: characters, lines, document splits and joins, kinds, templates, line breaks, copies. */
function edit(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const at = Math.floor(rnd() * (text.length + 1));
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1).filter((i) => i < text.length)];
  const line = pick(lineStarts);
  const r = rnd();
  if (r < 0.25) return text.slice(0, at) + pick([' ', 'a', '1', ':', '\n', '-', '#', '{', '[', '"', '  ', 'x: 1\n']) + text.slice(at);
  if (r < 0.4) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 6));
  if (r < 0.5) return text.slice(0, line) + '---\n' + text.slice(line);
  if (r < 0.6) {
    const seps = [...text.matchAll(/^---\r?\n/gm)];
    if (!seps.length) return text;
    const m = pick(seps);
    return text.slice(0, m.index!) + text.slice(m.index! + m[0].length);
  }
  if (r < 0.7) {
    const kinds = [...text.matchAll(/kind: (\w+)/g)];
    if (!kinds.length) return text;
    const m = pick(kinds);
    return text.slice(0, m.index! + 6) + pick(KINDS) + text.slice(m.index! + m[0].length);
  }
  if (r < 0.78) return text.slice(0, line) + pick(['  replicas: 3\n', '      hostNetwork: true\n', '  namespace: prod\n', '    image: nginx:latest\n', '  - name: A\n    value: b\n']) + text.slice(line);
  if (r < 0.83) {
    // Copy a document: two chunks with the same text.
    const docs = text.split(/^(?=---\r?\n)/m);
    return text + pick(docs).replace(/^(?!---)/, '---\n');
  }
  if (r < 0.87) return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
  if (r < 0.9) return text.slice(0, line) + pick(['{{- if .Values.x }}\n', '  name: {{ .Release.Name }}\n', '{{- end }}\n']) + text.slice(line);
  if (r < 0.95) {
    // Re-indent a line (can change the file's indentation style).
    const end = text.indexOf('\n', line);
    return text.slice(0, line) + '  ' + text.slice(line, end < 0 ? text.length : end + 1) + (end < 0 ? '' : text.slice(end + 1));
  }
  return text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(rnd() * 200)));
}

/** A lint's result with rule errors reduced to their message (stack traces name the runner's frames). */
function comparable(r: LintResult) {
  return { findings: r.findings, ruleErrors: r.ruleErrors.map((e) => ({ ruleId: e.ruleId, error: e.error.split('\n')[0] })), skipped: r.skipped };
}

function fresh(text: string, config: ResolvedConfig) {
  const ws = new Workspace();
  return comparable(lint(ws.set(PATH, text), { config, workspace: ws, timeBudgetMs: Infinity }));
}

describe('incremental linting', () => {
  for (const [name, templated, seed, config] of [
    ['a manifest', false, 1, new ResolvedConfig(rules)],
    ['a manifest, every rule on', false, 2, new ResolvedConfig(rules, [{ extends: 'all' }])],
    ['a Helm template, every rule on', true, 3, new ResolvedConfig(rules, [{ extends: 'all' }])],
  ] as const) {
    it(`gives what a lint from scratch gives after each of 200 random edits (${name})`, () => {
      const rnd = random(seed);
      const ws = new Workspace();
      let text = manifest(templated);
      const history: string[] = [];
      for (let step = 0; step < 200; step++) {
        const file = ws.set(PATH, text);
        const got = comparable(lint(file, { config, workspace: ws, timeBudgetMs: Infinity }));
        assert.deepStrictEqual(got, fresh(text, config), `step ${step}: ${JSON.stringify(text)}`);
        history.push(text);
        // Mostly edits of the last version, sometimes an undo to an earlier one.
        text = rnd() < 0.05 ? history[Math.floor(rnd() * history.length)] : edit(text, rnd);
        if (text.length > 20000) text = manifest(templated);
      }
    });
  }

  it('the per-document rules give the same findings run per document as on the whole file', () => {
    // The contract of `perDocument`: checked on a file where each document is linted alone too.
    const text = manifest(false);
    const config = new ResolvedConfig(rules, [{ extends: 'all' }]);
    const ws = new Workspace();
    ws.set(PATH, `# v0\n${text}`);
    const file = ws.set(PATH, text); // a new version: per-document runs
    const perDoc = k8sRules.filter((r) => r.meta.perDocument);
    assert.ok(perDoc.length >= 30);
    const got = lint(file, { config, workspace: ws, rules: perDoc, timeBudgetMs: Infinity }).findings;
    const whole = lint(new SourceFile(PATH, text), { config, rules: perDoc, timeBudgetMs: Infinity }).findings;
    assert.ok(whole.length > 50);
    assert.deepStrictEqual(got, whole);
  });

  it('re-runs the per-document rules only on the edited document, and the others on the whole file', () => {
    const runs: { id: string; scope?: number }[] = [];
    const counted: Rule[] = k8sRules.map((r) => ({ meta: r.meta, check: (ctx: RuleContext) => (runs.push({ id: r.meta.id, scope: ctx.scope?.range.start }), r.check(ctx)) }));
    const docs = Array.from({ length: 40 }, (_, i) => app(`app-${i}`, 2));
    const text = (n: number) => docs.map((d, i) => (i === 20 ? d.replace('replicas: 2', `replicas: ${n}`) : d)).join('---\n');
    const ws = new Workspace();
    const config = new ResolvedConfig(rules);
    const relint = (n: number) => {
      runs.length = 0;
      return lint(ws.set(PATH, text(n)), { config, workspace: ws, rules: counted });
    };
    relint(2); // a file opened: every rule that is on, once, on the whole file
    assert.ok(runs.every((r) => r.scope === undefined));
    const isPerDoc = (id: string) => counted.find((r) => r.meta.id === id)!.meta.perDocument;
    const perDoc = runs.filter((r) => isPerDoc(r.id)).length;
    const whole = runs.length - perDoc;
    assert.ok(perDoc > 20 && whole > 5);
    relint(3); // its first edit: the per-document rules on each of the 40 documents
    assert.equal(runs.length, 40 * perDoc + whole);
    const r4 = relint(4); // the next edits: on the edited document only
    assert.equal(runs.length, perDoc + whole);
    const edited = ws.get(PATH)!.yaml.docs[20].range.start;
    assert.deepStrictEqual(new Set(runs.filter((r) => r.scope !== undefined).map((r) => r.scope)), new Set([edited]));
    assert.deepStrictEqual(comparable(r4), fresh(text(4), config));

    // An edit that moves the documents after it: still one document re-run, the others' findings moved.
    runs.length = 0;
    const longer = text(4).replace('name: app-3\n', 'name: app-3-renamed\n');
    const r5 = lint(ws.set(PATH, longer), { config, workspace: ws, rules: counted });
    assert.equal(runs.filter((r) => r.scope !== undefined).length, perDoc);
    assert.deepStrictEqual(comparable(r5), fresh(longer, config));
  });

  it('re-runs every document when an edit changes the indentation the fixes use', () => {
    // Two documents indented by 4 make the file's style 4 spaces; re-indenting them by 2 changes
    // the text the third document's (unchanged) fixes insert.
    const four = (d: string) => d.replace(/^( +)/gm, (m) => m + m);
    const docs = [four(app('a', 2)), four(app('b', 2)), app('c', 2)];
    const config = new ResolvedConfig(rules);
    const ws = new Workspace();
    for (const text of [docs.join('---\n'), `#\n${docs.join('---\n')}`, [app('a', 2), app('b', 2), docs[2]].join('---\n')]) {
      const got = comparable(lint(ws.set(PATH, text), { config, workspace: ws, timeBudgetMs: Infinity }));
      assert.deepStrictEqual(got, fresh(text, config));
    }
  });

  it('runs every rule on the whole file when nothing was linted before (a scan, a new file)', () => {
    const ws = new Workspace();
    const file = ws.set(PATH, manifest(false));
    assert.equal(file.lintMemo, undefined);
  });
});
