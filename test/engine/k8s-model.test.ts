import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../engine/documents/source';
import { lint, ruleById, ResolvedConfig } from '../../engine/index';
import { k8sModel, selectorMatches, selectorIsEmpty } from '../../engine/documents/k8s';
import { get, getPath } from '../../engine/documents/yaml-nav';

const model = (text: string, path = 'k8s/app.yaml') => k8sModel(new SourceFile(path, text));

describe('k8s model', () => {
  it('is built once per parse', () => {
    const f = new SourceFile('a.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n');
    assert.equal(k8sModel(f), k8sModel(f));
  });

  it('reads objects, metadata and skips non-Kubernetes documents', () => {
    const m = model(`apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: prod
  labels: { app: web }
  annotations:
    shipready.dev/ignore: "kubernetes/schema, no-latest-tag"
---
just: data
---
`);
    assert.equal(m.objects.length, 1);
    const o = m.objects[0];
    assert.deepEqual([o.apiVersion, o.group, o.version, o.kind, o.name, o.namespace], ['v1', '', 'v1', 'ConfigMap', 'cfg', 'prod']);
    assert.deepEqual(o.labels, { app: 'web' });
    assert.ok(o.ignored.has('kubernetes/schema') && o.ignored.has('kubernetes/no-latest-tag'));
  });

  it('expands List objects', () => {
    const m = model(`apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: a }
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: b }
    spec:
      selector: { matchLabels: { app: b } }
      template:
        metadata: { labels: { app: b } }
        spec:
          containers: [{ name: b, image: "b:1" }]
`);
    assert.deepEqual(m.objects.map((o) => `${o.kind}/${o.name}/${o.inList}`), ['Service/a/true', 'Deployment/b/true']);
    assert.equal(m.workloads.length, 1);
    assert.equal(m.workloads[0].containers[0].image, 'b:1');
  });

  it('finds pod templates of every workload kind, with all container lists', () => {
    const pod = 'spec:\n  initContainers: [{ name: i, image: "i:1" }]\n  containers: [{ name: c, image: "c:1" }]\n  ephemeralContainers: [{ name: e, image: "e:1" }]\n';
    const ind = (s: string, n: number) => s.replace(/^/gm, ' '.repeat(n));
    const cases: [string, string, string[]][] = [
      ['v1', 'Pod', []],
      ['apps/v1', 'Deployment', ['spec', 'template']],
      ['apps/v1', 'StatefulSet', ['spec', 'template']],
      ['apps/v1', 'DaemonSet', ['spec', 'template']],
      ['apps/v1', 'ReplicaSet', ['spec', 'template']],
      ['v1', 'ReplicationController', ['spec', 'template']],
      ['batch/v1', 'Job', ['spec', 'template']],
      ['batch/v1', 'CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
    ];
    for (const [api, kind, path] of cases) {
      let body = pod;
      for (let i = path.length - 1; i >= 0; i--) body = `${path[i]}:\n${ind(body, 2)}`;
      const text = `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  name: x\n${body}`.replace(/spec:\n {2}selector/, 'spec:\n  selector');
      const m = model(text);
      const w = m.workloads[0];
      assert.ok(w, kind);
      assert.deepEqual(w.podSpecPath, [...path, 'spec'], kind);
      assert.deepEqual(w.containers.map((c) => `${c.type}:${c.name}`), ['initContainer:i', 'container:c', 'ephemeralContainer:e'], kind);
    }
  });

  it('marks kustomize patches as partial', () => {
    const m = model(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ldap
spec:
  replicas: 6
  template:
    spec:
      containers:
        - name: ldap
          resources: { limits: { cpu: 1 } }
`);
    assert.equal(m.objects[0].partial, true);
  });

  it('knows what Helm templates leave open', () => {
    const m = model(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "x.fullname" . }}
  labels:
    {{- include "x.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      app: x
  template:
    spec:
      containers:
        - name: app
          image: "{{ .Values.image }}"
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- with .Values.probes }}
          {{- toYaml . | nindent 10 }}
          {{- end }}
        - name: side
          image: busybox:1.36
          ports: []
`);
    const [o] = m.objects;
    assert.equal(o.name, undefined);
    assert.equal(o.labelsKnown, false);
    assert.equal(o.partial, false);
    const w = o.workload!;
    assert.equal(w.replicas, undefined);
    assert.equal(w.effectiveReplicas, undefined);
    const [app, side] = w.containers;
    assert.equal(app.image, undefined);
    assert.equal(m.unknown(get(app.node, 'resources')), true);
    assert.equal(m.has(app.node, 'livenessProbe'), 'unknown');
    assert.equal(m.has(side.node, 'livenessProbe'), 'no');
    assert.equal(m.open(getPath(o.node, ['spec'])), false);
  });
});

describe('selectors', () => {
  const sel = (text: string) => model(`apiVersion: v1\nkind: X\nmetadata: {name: a}\nsel:\n${text}`).objects[0].node.get('sel', true);
  it('matchLabels and matchExpressions', () => {
    const s = sel('  matchLabels: { app: web }\n  matchExpressions:\n    - { key: tier, operator: In, values: [a, b] }\n    - { key: canary, operator: DoesNotExist }\n');
    assert.equal(selectorMatches(s, { app: 'web', tier: 'a' }), true);
    assert.equal(selectorMatches(s, { app: 'web', tier: 'c' }), false);
    assert.equal(selectorMatches(s, { app: 'web', tier: 'a', canary: 'y' }), false);
    assert.equal(selectorIsEmpty(s), false);
    assert.equal(selectorIsEmpty(sel('  {}\n')), true);
  });
  it('plain Service selectors', () => {
    const s = sel('  app: web\n');
    assert.equal(selectorMatches(s, { app: 'web', x: 'y' }, true), true);
    assert.equal(selectorMatches(s, { app: 'api' }, true), false);
  });
});

describe('Helm template tolerance (engine/documents/yaml.ts)', () => {
  it('leaves Grafana and Prometheus placeholders alone, also across lines', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dash\ndata:\n  d.json: "{\\"legendFormat\\":\\"{{\n    source_workload }} {{pod}}\\"}"\n';
    const f = new SourceFile('k8s/dash.yaml', text);
    assert.deepEqual(f.yaml.errors, []);
    assert.equal(f.yaml.templated, false);
    assert.match(String(getPath(k8sModel(f).objects[0].node, ['data', 'd.json'])?.toJSON()), /\{\{ source_workload \}\} \{\{pod\}\}/);
  });

  it('template lines inside a block scalar are not YAML errors', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: {{ include "x.fullname" . }}
spec:
  containers:
    - name: app
      image: busybox:1.36
      args:
        - |
          {{- if .Values.extra }}
          echo extra
          {{- end }}
          exec app
`;
    const f = new SourceFile('chart/templates/pod.yaml', text);
    assert.deepEqual(f.yaml.errors, []);
    assert.equal(f.yaml.templated, true);
    assert.equal(k8sModel(f).workloads[0].containers[0].image, 'busybox:1.36');
  });

  it('a template line less indented than its block scalar still parses', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  run.sh: |\n    echo a\n{{- if .Values.b }}\n    echo b\n{{- end }}\n';
    const f = new SourceFile('chart/templates/cm.yaml', text);
    assert.deepEqual(f.yaml.errors, []);
  });
});

describe('kustomize', () => {
  it('kustomization files are not Kubernetes objects', () => {
    const m = k8sModel(new SourceFile('k8s/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\nnamespace: shop\n'));
    assert.equal(m.objects.length, 0);
  });
});

describe('annotations of other linters', () => {
  const withAnnotation = (a: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    ${a}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n`;
  const lintRule = (id: string, text: string) => {
    const rule = ruleById.get(id)!;
    return lint(new SourceFile('k8s/p.yaml', text), { rules: [rule], config: new ResolvedConfig([rule], [{ extends: 'none', rules: { [id]: 'warning' } }]) }).findings.length;
  };
  it('are honoured through the rule sources', () => {
    assert.equal(lintRule('kubernetes/run-as-non-root', withAnnotation('x: y')), 1);
    assert.equal(lintRule('kubernetes/run-as-non-root', withAnnotation('ignore-check.kube-linter.io/run-as-non-root: "tested"')), 0);
    assert.equal(lintRule('kubernetes/run-as-non-root', withAnnotation('polaris.fairwinds.com/runAsRootAllowed-exempt: "true"')), 0);
    assert.equal(lintRule('kubernetes/resources-requests-limits', withAnnotation('kube-score/ignore: container-resources,pod-probes')), 0);
    assert.equal(lintRule('kubernetes/resources-requests-limits', withAnnotation('kube-linter.io/ignore-all: "legacy"')), 0);
    assert.equal(lintRule('kubernetes/resources-requests-limits', withAnnotation('shipready.dev/ignore: "resources-requests-limits"')), 0);
    assert.equal(lintRule('kubernetes/resources-requests-limits', withAnnotation('ignore-check.kube-linter.io/run-as-non-root: "x"')), 1);
  });
});
