import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse, parseAllDocuments, type YAMLMap, type YAMLSeq, type Scalar } from 'yaml';
import { applyEdits } from '../../engine/fixes/apply';
import {
  appendDocument,
  appendItems,
  deletePair,
  detectStyle,
  ensurePath,
  indentBlock,
  insertPairs,
  mergeInto,
  raw,
  replaceScalar,
  scalarText,
  setValue,
} from '../../engine/fixes/yaml';
import { get, getPair, getPath, str, num, bool, seqMaps, mapPairs, keyRange, pairRange, contentEnd, isEmpty } from '../../engine/documents/yaml-nav';
import type { TextEdit } from '../../engine/types';

function docs(text: string) {
  return parseAllDocuments(text, { keepSourceTokens: true }) as unknown as { contents: unknown; errors: unknown[]; toJS(): unknown }[];
}

/** Apply, then check the result parses without errors and return it. */
function apply(text: string, edits: TextEdit | TextEdit[]): string {
  const out = applyEdits(text, Array.isArray(edits) ? edits : [edits]);
  for (const d of docs(out)) assert.deepEqual(d.errors, [], `parses:\n${out}`);
  return out;
}

const CONTAINER_2 = `spec:
  containers:
    - name: app   # main
      image: nginx:1.27
      ports:
        - containerPort: 80
    - name: side
      image: busybox:1.36
`;

const CONTAINER_4_FLUSH = `spec:
    containers:
    - name: app
      image: nginx:1.27
      args:
      - --port=80
`;

describe('yaml-nav', () => {
  const d = docs(CONTAINER_2)[0];
  it('walks paths and reads scalars', () => {
    assert.equal(str(getPath(d.contents, ['spec', 'containers', 0, 'image'])), 'nginx:1.27');
    assert.equal(num(getPath(d.contents, ['spec', 'containers', 0, 'ports', 0, 'containerPort'])), 80);
    assert.equal(getPath(d.contents, ['spec', 'nope', 0]), undefined);
    assert.equal(seqMaps(getPath(d.contents, ['spec', 'containers'])).length, 2);
    assert.deepEqual(mapPairs(getPath(d.contents, ['spec', 'containers', 1])).map((p) => p.key), ['name', 'image']);
  });
  it('gives key, pair and content ranges', () => {
    const c = getPath(d.contents, ['spec', 'containers', 0]);
    const p = getPair(c, 'image')!;
    assert.equal(CONTAINER_2.slice(keyRange(p)!.start, keyRange(p)!.end), 'image');
    const pr = pairRange(p)!;
    assert.equal(CONTAINER_2.slice(pr.start, pr.end), 'image: nginx:1.27');
    assert.equal(CONTAINER_2.slice(0, contentEnd(c)).endsWith('containerPort: 80'), true);
  });
  it('reads booleans, numbers as strings, empty values', () => {
    const m = docs('a: "true"\nb: false\nc: "3"\nd:\ne: ~\n')[0].contents;
    assert.equal(bool(get(m, 'a')), true);
    assert.equal(bool(get(m, 'b')), false);
    assert.equal(num(get(m, 'c')), 3);
    assert.equal(isEmpty(get(m, 'd')), true);
    assert.equal(isEmpty(get(m, 'e')), true);
    assert.equal(isEmpty(get(m, 'x')), true);
  });
});

describe('detectStyle', () => {
  it('2 spaces, indented sequences', () => {
    assert.deepEqual(detectStyle(CONTAINER_2, docs(CONTAINER_2)[0].contents), { indent: 2, seqIndent: 2, eol: '\n' });
  });
  it('4 spaces, flush sequences', () => {
    assert.deepEqual(detectStyle(CONTAINER_4_FLUSH, docs(CONTAINER_4_FLUSH)[0].contents), { indent: 4, seqIndent: 0, eol: '\n' });
  });
  it('CRLF and defaults', () => {
    assert.deepEqual(detectStyle('a: 1\r\n'), { indent: 2, seqIndent: 2, eol: '\r\n' });
  });
});

describe('insertPairs / mergeInto', () => {
  const resources = { resources: { requests: { cpu: raw('100m'), memory: raw('128Mi') }, limits: { memory: raw('128Mi') } } };

  it('inserts a block after the last pair of a sequence item, keeping comments', () => {
    const d = docs(CONTAINER_2)[0];
    const c = getPath(d.contents, ['spec', 'containers', 0]) as YAMLMap;
    const out = apply(CONTAINER_2, insertPairs(CONTAINER_2, c, resources, detectStyle(CONTAINER_2, d.contents)));
    assert.equal(
      out,
      `spec:
  containers:
    - name: app   # main
      image: nginx:1.27
      ports:
        - containerPort: 80
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          memory: 128Mi
    - name: side
      image: busybox:1.36
`,
    );
  });

  it('4-space indentation and flush sequences', () => {
    const d = docs(CONTAINER_4_FLUSH)[0];
    const c = getPath(d.contents, ['spec', 'containers', 0]) as YAMLMap;
    const out = apply(CONTAINER_4_FLUSH, mergeInto(CONTAINER_4_FLUSH, c, { securityContext: { capabilities: { drop: ['ALL'] } } }));
    assert.equal(
      out,
      `spec:
    containers:
    - name: app
      image: nginx:1.27
      args:
      - --port=80
      securityContext:
          capabilities:
              drop:
              - ALL
`,
    );
  });

  it('last line without a line break', () => {
    const text = 'metadata:\n  name: web';
    const m = getPath(docs(text)[0].contents, ['metadata']) as YAMLMap;
    assert.equal(apply(text, insertPairs(text, m, { namespace: 'prod' })), 'metadata:\n  name: web\n  namespace: prod');
  });

  it('CRLF line breaks', () => {
    const text = 'metadata:\r\n  name: web\r\nspec: {}\r\n';
    const d = docs(text)[0];
    const m = getPath(d.contents, ['metadata']) as YAMLMap;
    assert.equal(apply(text, insertPairs(text, m, { labels: { app: 'web' } }, detectStyle(text, d.contents))), 'metadata:\r\n  name: web\r\n  labels:\r\n    app: web\r\nspec: {}\r\n');
  });

  it('flow maps get `, key: value`', () => {
    const text = 'metadata: { name: web }\n';
    const m = getPath(docs(text)[0].contents, ['metadata']) as YAMLMap;
    assert.equal(apply(text, insertPairs(text, m, { labels: { app: 'web' } })), 'metadata: { name: web, labels: { app: web } }\n');
    const multi = 'metadata: {\n  name: web,\n}\n';
    const m2 = getPath(docs(multi)[0].contents, ['metadata']) as YAMLMap;
    assert.equal(apply(multi, insertPairs(multi, m2, { namespace: 'x' })), 'metadata: {\n  name: web, namespace: x,\n}\n');
  });

  it('empty values and `{}` become blocks', () => {
    const text = 'spec:\n  securityContext:\n  other: 1\n';
    const spec = getPath(docs(text)[0].contents, ['spec']) as YAMLMap;
    assert.equal(apply(text, mergeInto(text, spec, { securityContext: { runAsNonRoot: true } })), 'spec:\n  securityContext:\n    runAsNonRoot: true\n  other: 1\n');
    const flow = 'spec:\n  securityContext: {}\n  other: 1\n';
    const spec2 = getPath(docs(flow)[0].contents, ['spec']) as YAMLMap;
    assert.equal(apply(flow, mergeInto(flow, spec2, { securityContext: { runAsNonRoot: true } })), 'spec:\n  securityContext:\n    runAsNonRoot: true\n  other: 1\n');
    const commented = 'spec:\n  securityContext: # todo\n  other: 1\n';
    const spec3 = getPath(docs(commented)[0].contents, ['spec']) as YAMLMap;
    assert.equal(apply(commented, mergeInto(commented, spec3, { securityContext: { runAsNonRoot: true } })), 'spec:\n  securityContext: # todo\n    runAsNonRoot: true\n  other: 1\n');
  });

  it('merges into existing maps, overwriting scalars and keeping quote style', () => {
    const text = `c:
  securityContext:
    allowPrivilegeEscalation: "true"
    capabilities:
      add: [NET_ADMIN]
  image: x
`;
    const c = getPath(docs(text)[0].contents, ['c']) as YAMLMap;
    const edits = mergeInto(text, c, { securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } } }, { overwrite: true });
    assert.equal(
      apply(text, edits),
      `c:
  securityContext:
    allowPrivilegeEscalation: false
    capabilities:
      add: [NET_ADMIN]
      drop:
        - ALL
    runAsNonRoot: true
  image: x
`,
    );
  });

  it('joins insertions that land on the same offset', () => {
    const text = 'c:\n  image: x\n  securityContext:\n    runAsUser: 1000\n';
    const c = getPath(docs(text)[0].contents, ['c']) as YAMLMap;
    const edits = mergeInto(text, c, { securityContext: { runAsNonRoot: true }, resources: {} });
    assert.equal(edits.length, 1);
    assert.equal(apply(text, edits), 'c:\n  image: x\n  securityContext:\n    runAsUser: 1000\n    runAsNonRoot: true\n  resources: {}\n');
  });

  it('block scalars as last value', () => {
    const text = 'c:\n  command: |\n    echo hi\n    exit 0\n\nd: 1\n';
    const c = getPath(docs(text)[0].contents, ['c']) as YAMLMap;
    assert.equal(apply(text, insertPairs(text, c, { tty: true })), 'c:\n  command: |\n    echo hi\n    exit 0\n  tty: true\n\nd: 1\n');
  });

  it('only touches its own document of a multi-document file', () => {
    const text = 'a:\n  b: 1\n---\na:\n  b: 2\n';
    const second = getPath(docs(text)[1].contents, ['a']) as YAMLMap;
    assert.equal(apply(text, insertPairs(text, second, { c: 3 })), 'a:\n  b: 1\n---\na:\n  b: 2\n  c: 3\n');
    const first = getPath(docs(text)[0].contents, ['a']) as YAMLMap;
    assert.equal(apply(text, insertPairs(text, first, { c: 3 })), 'a:\n  b: 1\n  c: 3\n---\na:\n  b: 2\n');
  });

  it('inserts after a named key', () => {
    const text = 'c:\n  name: a\n  image: b\n  ports: []\n';
    const c = getPath(docs(text)[0].contents, ['c']) as YAMLMap;
    assert.equal(apply(text, insertPairs(text, c, { imagePullPolicy: 'IfNotPresent' }, undefined, 'image')), 'c:\n  name: a\n  image: b\n  imagePullPolicy: IfNotPresent\n  ports: []\n');
  });

  it('ensurePath creates the missing part of a path', () => {
    const text = 'spec:\n  template:\n    spec:\n      containers: []\n';
    const spec = getPath(docs(text)[0].contents, ['spec']) as YAMLMap;
    const out = apply(text, ensurePath(text, spec, ['template', 'spec', 'securityContext'], { seccompProfile: { type: 'RuntimeDefault' } }));
    assert.equal(out, 'spec:\n  template:\n    spec:\n      containers: []\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n');
  });

  it('document root maps, at column 0, with trailing comments', () => {
    const text = 'apiVersion: v1\nkind: Service # svc\n# trailing\n';
    const root = docs(text)[0].contents as YAMLMap;
    assert.equal(apply(text, insertPairs(text, root, { spec: { type: 'ClusterIP' } })), 'apiVersion: v1\nkind: Service # svc\nspec:\n  type: ClusterIP\n# trailing\n');
  });
});

describe('setValue / replaceScalar / deletePair / appendItems', () => {
  it('replaces scalars keeping quotes', () => {
    const text = "a: 'x:latest'\nb: \"y\"\nc: z\nd: 1\n";
    const m = docs(text)[0].contents as YAMLMap;
    const e = [
      replaceScalar(text, get(m, 'a') as Scalar, 'x:1.2'),
      replaceScalar(text, get(m, 'b') as Scalar, 'it\'s'),
      replaceScalar(text, get(m, 'c') as Scalar, 'true'),
      replaceScalar(text, get(m, 'd') as Scalar, 2),
    ];
    assert.equal(apply(text, e), 'a: \'x:1.2\'\nb: "it\'s"\nc: "true"\nd: 2\n');
  });
  it('sets a scalar to a block and a block to a scalar', () => {
    const text = 'a: 1 # one\nb:\n  c: 2\nd: 3\n';
    const m = docs(text)[0].contents as YAMLMap;
    assert.equal(apply(text, setValue(text, getPair(m, 'a')!, { x: 1 })), 'a:\n  x: 1 # one\nb:\n  c: 2\nd: 3\n');
    assert.equal(apply(text, setValue(text, getPair(m, 'b')!, 'none')), 'a: 1 # one\nb: none\nd: 3\n');
  });
  it('deletes pairs in block maps, sequence items and flow maps', () => {
    const text = 'spec:\n  replicas: 3   # many\n  selector:\n    app: x\n  hostNetwork: true\n';
    const spec = get(docs(text)[0].contents, 'spec') as YAMLMap;
    assert.equal(apply(text, deletePair(text, spec, getPair(spec, 'replicas')!)), 'spec:\n  selector:\n    app: x\n  hostNetwork: true\n');
    assert.equal(apply(text, deletePair(text, spec, getPair(spec, 'selector')!)), 'spec:\n  replicas: 3   # many\n  hostNetwork: true\n');
    const item = 'ports:\n  - hostPort: 80\n    containerPort: 80\n';
    const p = getPath(docs(item)[0].contents, ['ports', 0]) as YAMLMap;
    assert.equal(apply(item, deletePair(item, p, getPair(p, 'hostPort')!)), 'ports:\n  - containerPort: 80\n');
    const only = 'ports:\n  - hostPort: 80\n';
    const p2 = getPath(docs(only)[0].contents, ['ports', 0]) as YAMLMap;
    assert.equal(apply(only, deletePair(only, p2, getPair(p2, 'hostPort')!)), 'ports:\n  - {}\n');
    const flow = 'p: { a: 1, b: 2, c: 3 }\n';
    const f = get(docs(flow)[0].contents, 'p') as YAMLMap;
    assert.equal(apply(flow, deletePair(flow, f, getPair(f, 'a')!)), 'p: { b: 2, c: 3 }\n');
    assert.equal(apply(flow, deletePair(flow, f, getPair(f, 'c')!)), 'p: { a: 1, b: 2 }\n');
    const eof = 'a: 1\nb: 2';
    const m = docs(eof)[0].contents as YAMLMap;
    assert.equal(apply(eof, deletePair(eof, m, getPair(m, 'b')!)), 'a: 1');
  });
  it('appends sequence items in block and flow sequences', () => {
    const text = 'drop:\n  - NET_RAW\nadd: [A]\n';
    const m = docs(text)[0].contents as YAMLMap;
    assert.equal(apply(text, appendItems(text, get(m, 'drop') as YAMLSeq, ['ALL'])), 'drop:\n  - NET_RAW\n  - ALL\nadd: [A]\n');
    assert.equal(apply(text, appendItems(text, get(m, 'add') as YAMLSeq, ['B'])), 'drop:\n  - NET_RAW\nadd: [A, B]\n');
  });
});

describe('appendDocument', () => {
  const body = 'apiVersion: v1\nkind: Namespace\n';
  it('adds --- and keeps the line breaks of the file', () => {
    assert.equal(apply('a: 1\n', appendDocument('a: 1\n', body)), 'a: 1\n---\napiVersion: v1\nkind: Namespace\n');
    assert.equal(apply('a: 1', appendDocument('a: 1', body)), 'a: 1\n---\napiVersion: v1\nkind: Namespace\n');
    assert.equal(apply('a: 1\r\n', appendDocument('a: 1\r\n', body)), 'a: 1\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\n');
    assert.equal(apply('a: 1\n---\n', appendDocument('a: 1\n---\n', body)), 'a: 1\n---\napiVersion: v1\nkind: Namespace\n');
    assert.equal(apply('', appendDocument('', body)), body);
  });
  it('adds no --- after a last --- line, read from the end of the text', () => {
    const marker = /(^|[\r\n])---[ \t]*[\r\n]*$/;
    const texts = ['---', '---\n', '--- \t\n\n', 'a: 1\r\n---\r\n', 'a: 1\r---  ', 'a---\n', 'a: 1\n----\n', 'a: 1\n --- \n', '--', '-', ' \n---x\n', 'a: 1\n---\n\n \n', ' \t\n'];
    for (const t of texts) {
      const blank = t.trim() === '';
      const { text } = appendDocument(t, body);
      assert.equal(!blank && !text.includes('---'), marker.test(t), JSON.stringify(t));
    }
  });
});

describe('scalarText / indentBlock', () => {
  it('quotes only what would change meaning', () => {
    assert.equal(scalarText('nginx:1.27'), 'nginx:1.27');
    assert.equal(scalarText('128Mi'), '128Mi');
    assert.equal(scalarText('8080'), '"8080"');
    assert.equal(scalarText('yes'), '"yes"');
    assert.equal(scalarText('a: b'), '"a: b"');
    assert.equal(scalarText(''), '""');
    assert.equal(scalarText('/healthz'), '/healthz');
  });
  it('writes a word plain exactly when it reads back as the same string', () => {
    const words = ['null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'y', 'n', 'on', 'Off', 'e1', 'E5', 'x1e3', 'inf', 'nan', 'NaN', 'a.', 'a-', 'a---', 'a...', 'n/a', 'web-1', 'Infinity', 'v1.2.3', '.inf', '-.inf', '.NaN', '0x1F', '0o17', '1e3', '-', '@a', '=', '.5'];
    for (const w of words) {
      let plain = false;
      try {
        plain = parse(w) === w;
      } catch {
        plain = false;
      }
      const yaml11 = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(w);
      assert.equal(scalarText(w), plain && !yaml11 ? w : JSON.stringify(w), w);
    }
  });
  it('re-indents a 2-space block', () => {
    assert.equal(indentBlock('a:\n  b: 1', 4, { indent: 4, seqIndent: 0, eol: '\n' }), '    a:\n        b: 1');
  });
});

// Every kubernetes/* fix on manifests written in different styles: the result parses, keeps the
// file's line breaks and indentation unit, validates against the schema, and the finding is gone.
import { Workspace, lint, applyEdits as apply2, snippetToText, rules as allRules } from '../../engine/index';

const K8S_RULES = allRules.filter((r) => r.meta.id.startsWith('kubernetes/'));

const STYLE_2_INDENTED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the storefront
  namespace: default
spec:
  replicas: 1
  revisionHistoryLimit: 0
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      hostNetwork: true
      serviceAccount: web
      containers:
        - name: app
          image: "nginx:latest"
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 80
              hostPort: 80
          env:
            - name: DB_PASSWORD
              value: hunter2hunter2
            - name: MODE
              value: a
            - name: MODE
              value: b
          securityContext:
            privileged: true
            allowPrivilegeEscalation: true
          resources:
            requests: { cpu: "2" }
            limits: { cpu: "1" }
        - name: sidecar
          image: busybox
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: other
spec:
  maxUnavailable: 0
  selector:
    matchLabels:
      app: other
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 1
  maxReplicas: 5
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 80 } }
---
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: job
            image: busybox:1.36
`;

const STYLE_4_FLUSH = `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    replicas: 3
    serviceName: db
    selector:
        matchLabels:
            app: db
    template:
        metadata:
            labels:
                app: db
        spec:
            securityContext: {}
            initContainers:
            - name: init
              image: busybox:1.36
              securityContext:
            containers:
            - name: postgres
              image: postgres:16.4
              ports:
              - name: pg
                containerPort: 5432
              livenessProbe:
                  tcpSocket:
                      port: pg
              readinessProbe:
                  tcpSocket:
                      port: pg
              volumeMounts:
              - name: data
                mountPath: /var/lib/postgresql
            volumes:
            - name: data
              hostPath:
                  path: /srv/db
`;

const STYLE_4_INDENTED = `apiVersion: v1
kind: Pod
metadata:
    name: tool
spec:
    containers:
        -   name: tool
            image: ghcr.io/acme/tool:2.0.0
            ports:
                -   containerPort: 22
            securityContext:
                capabilities:
                    add: [SYS_ADMIN]
`;

const variants: [string, string][] = [];
for (const [name, text] of [['2 spaces, indented lists', STYLE_2_INDENTED], ['4 spaces, flush lists', STYLE_4_FLUSH], ['4 spaces, indented lists', STYLE_4_INDENTED]] as const) {
  variants.push([name, text], [`${name}, CRLF`, text.replace(/\n/g, '\r\n')], [`${name}, no final line break`, text.replace(/\n$/, '')]);
}

function lintAll(path: string, text: string) {
  const ws = new Workspace(undefined, true);
  const file = ws.set(path, text);
  const r = lint(file, { rules: K8S_RULES, workspace: ws });
  assert.deepEqual(r.ruleErrors, []);
  return r.findings;
}

describe('every kubernetes fix, in every indentation style', () => {
  for (const [name, text] of variants) {
    it(name, () => {
      const path = 'k8s/app.yaml';
      const before = lintAll(path, text);
      let fixesTried = 0;
      for (const finding of before) {
        for (const [i, fix] of finding.fixes.entries()) {
          if (fix.fileEdits?.length) continue;
          fixesTried++;
          const fixed = apply2(text, fix.edits.map((e) => (fix.snippet ? { ...e, text: snippetToText(e.text) } : e)));
          const where = `${finding.ruleId} "${fix.title}"`;
          for (const d of docs(fixed)) assert.deepEqual(d.errors, [], `${where}: result parses`);
          if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), `${where}: keeps CRLF`);
          // the file keeps its indentation unit and list style
          const style = (t: string) => detectStyle(t, ...docs(t).map((d) => d.contents));
          assert.deepEqual(style(fixed), style(text), `${where}: keeps the indentation style`);
          const after = lintAll(path, fixed);
          const schema = after.filter((f) => f.ruleId === 'kubernetes/schema').map((f) => f.message);
          assert.deepEqual(schema, [], `${where}: result matches the Kubernetes schema`);
          if (i === 0) {
            const same = (f: { ruleId: string; messageId: string }) => f.ruleId === finding.ruleId && f.messageId === finding.messageId;
            assert.ok(after.filter(same).length < before.filter(same).length, `${where}: the finding is gone`);
          }
        }
      }
      assert.ok(fixesTried >= 8, `tried ${fixesTried} fixes`);
      if (process.env.SHOW_FIXES) console.log(name, fixesTried, [...new Set(before.filter((f) => f.fixes.length).map((f) => f.ruleId))].join(' '));
    });
  }
});
