// Engine core behaviour: file classification, the offset ↔ position mapping, inline suppressions
// and their quick fixes, configuration, rule isolation, fix application and hostile input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  SourceFile,
  LineIndex,
  classify,
  isCandidateName,
  lint,
  defineRule,
  parseConfig,
  ResolvedConfig,
  suppressionFixes,
  applyEdits,
  applyFixes,
  ruleById,
  type Finding,
  type Fix,
  type Rule,
  type ShipreadyConfig,
} from '../../engine/index';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Offset of the `nth` (0-based) occurrence of `needle`; fails when absent. */
function at(text: string, needle: string, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${nth} not found`);
  }
  return i;
}

/** 1-based "line:column" of an offset, like the CLI prints. */
function lc(file: SourceFile, offset: number): string {
  const p = file.lines.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

const slice = (file: SourceFile, f: Finding) => file.text.slice(f.range.start, f.range.end);

/** A test rule that reports every word matching `pattern` in the file text. */
function wordRule(id: string, kind: Rule['meta']['kind'], pattern: RegExp, extra: Partial<Parameters<typeof defineRule>[0]> = {}): Rule {
  return defineRule({
    id,
    kind,
    type: 'problem',
    severity: 'warning',
    summary: `test rule ${id}`,
    sources: ['test'],
    messages: { hit: 'found {{word}}' },
    fixable: false,
    ...extra,
    check(ctx) {
      const re = new RegExp(pattern.source, 'g');
      for (const m of ctx.file.text.matchAll(re)) {
        ctx.report({ range: { start: m.index!, end: m.index! + m[0].length }, messageId: 'hit', data: { word: m[0] } });
      }
    },
  });
}

const ruleA = wordRule('dockerfile/test-a', 'dockerfile', /\bAAA\b/);
const ruleB = wordRule('dockerfile/test-b', 'dockerfile', /\bBBB\b/);
const ruleC = wordRule('dockerfile/test-c', 'dockerfile', /\bCCC\b/);
const yamlRule = wordRule('kubernetes/test-image', 'kubernetes', /\bnginx:latest\b/);

/** Real rules whose fixes interact, for fix-all tests that must not change when rules are added. */
const dockerfileCore = [
  'dockerfile/copy-manifests-before-source',
  'dockerfile/healthcheck-missing',
  'dockerfile/json-form-cmd',
  'dockerfile/no-latest-tag',
  'dockerfile/no-root-user',
  'dockerfile/no-secrets-in-arg-env',
  'dockerfile/prefer-multi-stage',
].map((id) => {
  const r = ruleById.get(id);
  assert.ok(r, `${id} is registered`);
  return r;
});

/** Apply the first fix of every finding, pass after pass, until nothing applies. */
function fixAll(path: string, text: string, rules?: readonly Rule[], maxPasses = 10) {
  const passes: string[][] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = lint(new SourceFile(path, text), { rules });
    assert.deepEqual(result.ruleErrors, [], 'no rule throws during fix-all');
    const { text: next, applied } = applyFixes(text, result.findings.flatMap((f) => (f.fixes[0] ? [f.fixes[0]] : [])));
    if (!applied.length) return { text, passes, converged: true };
    passes.push(applied.map((f) => f.title));
    text = next;
  }
  return { text, passes, converged: false };
}

function run(path: string, text: string, rules: Rule[], config?: ResolvedConfig) {
  const file = new SourceFile(path, text);
  const result = lint(file, { rules, config });
  return { file, ...result, hits: result.findings.map((f) => `${f.ruleId}@${lc(file, f.range.start)}`) };
}

// ---------------------------------------------------------------------------------------------

describe('classify()', () => {
  const cases: [string, string, string][] = [
    ['Dockerfile', '', 'dockerfile'],
    ['Containerfile', '', 'dockerfile'],
    ['dockerfile', '', 'dockerfile'],
    ['services/api/Dockerfile', '', 'dockerfile'],
    ['api.dockerfile', '', 'dockerfile'],
    ['build/web.Containerfile', '', 'dockerfile'],
    ['Dockerfile.prod', '', 'dockerfile'],
    ['docker/Dockerfile.dev', 'FROM node:22', 'dockerfile'],
    ['services\\api\\Dockerfile', '', 'dockerfile'],
    ['.dockerignore', 'node_modules\n.git\n', 'dockerignore'],
    ['api/Dockerfile.dockerignore', '.env\n', 'dockerignore'],
    ['.github/workflows/ci.yml', 'on: push\njobs: {}\n', 'workflow'],
    ['.github/workflows/release.yaml', 'name: release\n', 'workflow'],
    ['packages/web/.github/workflows/ci.yml', 'x: 1\n', 'workflow'],
    ['action.yml', 'name: Setup\nruns:\n  using: node20\n  main: dist/index.js\n', 'workflow'],
    ['actions/setup/action.yaml', 'name: Setup\nruns:\n  using: composite\n  steps: []\n', 'workflow'],
    ['action.yml', 'name: not an action\n', 'yaml'],
    ['ci/build.yml', 'on:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n', 'workflow'],
    ['compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n', 'compose'],
    ['docker-compose.yml', 'version: "3.9"\n', 'compose'],
    ['docker-compose.override.yml', 'services: {}\n', 'compose'],
    ['compose.prod.yaml', '', 'compose'],
    ['deploy/stack.yml', 'services:\n  web:\n    image: nginx:1.27\n', 'compose'],
    ['k8s/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n', 'kubernetes'],
    ['k8s/reversed.yaml', 'kind: Service\napiVersion: v1\n', 'kubernetes'],
    ['k8s/all.yaml', '# generated\n---\napiVersion: v1\nkind: ConfigMap\n---\napiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['k8s/list.yaml', 'items:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n', 'kubernetes'],
    ['k8s/v1list.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n', 'kubernetes'],
    ['chart/templates/deployment.yaml', '{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: Deployment\n{{- end }}\n', 'kubernetes'],
    ['k8s/crd-services.yaml', 'apiVersion: v1\nkind: Service\nspec:\n  services: []\n', 'kubernetes'],
    ['kustomization.yaml', 'resources:\n  - deployment.yaml\n', 'yaml'],
    ['config/settings.yml', 'log_level: info\n', 'yaml'],
    ['.github/workflows/nested/not-run.yml', 'log_level: info\n', 'yaml'],
    ['README.md', 'FROM node:22\n', 'unknown'],
    ['build', '# builder image\n\nFROM node:22\nRUN npm ci\n', 'dockerfile'],
    ['build', 'ARG VERSION=1\nFROM alpine:${VERSION}\n', 'dockerfile'],
    ['build', '\u0000\u0001FROM\u0002', 'unknown'],
    ['Makefile', 'all:\n\tgo build\n', 'unknown'],
  ];
  for (const [path, text, kind] of cases) {
    it(`${path} ${text ? `(${JSON.stringify(text.slice(0, 24))}…) ` : ''}→ ${kind}`, () => {
      assert.equal(classify(path, text), kind);
    });
  }

  it('the editor language id wins for non-obvious names', () => {
    assert.equal(classify('build.txt', 'FROM x', 'dockerfile'), 'dockerfile');
    assert.equal(classify('pipeline.yml', 'a: 1', 'github-actions-workflow'), 'workflow');
    assert.equal(classify('untitled-1', 'apiVersion: v1\nkind: Pod\n', 'yaml'), 'kubernetes');
  });

  it('isCandidateName filters file names before reading them', () => {
    for (const p of ['Dockerfile', 'a/b/c.yaml', 'x.yml', '.dockerignore', 'Containerfile.dev', 'build']) assert.ok(isCandidateName(p), p);
    for (const p of ['README.md', 'main.go', 'package.json', 'image.png']) assert.ok(!isCandidateName(p), p);
  });

  it('SourceFile classifies once and honours an explicit kind', () => {
    assert.equal(new SourceFile('k8s/x.yaml', 'apiVersion: v1\nkind: Pod\n').kind, 'kubernetes');
    assert.equal(new SourceFile('anything', 'FROM x', 'dockerfile').kind, 'dockerfile');
  });
});

// ---------------------------------------------------------------------------------------------

describe('LineIndex', () => {
  const roundTrip = (text: string) => {
    const li = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = li.positionAt(o);
      // An offset between \r and \n is not a position of its own: it maps to the end of the line.
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(li.offsetAt(p), o, `offset ${o} → ${JSON.stringify(p)} → back`);
    }
  };

  it('LF, CRLF, lone CR and mixed line breaks count as in LSP', () => {
    const text = 'a\nbb\r\nccc\rdddd\n\r\n\n\re';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 8);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((l) => li.lineText(l)), ['a', 'bb', 'ccc', 'dddd', '', '', '', 'e']);
    assert.deepEqual(li.positionAt(at(text, 'ccc')), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(at(text, 'dddd') + 2), { line: 3, character: 2 });
    assert.deepEqual(li.positionAt(text.length), { line: 7, character: 1 });
    roundTrip(text);
  });

  it('a CRLF pair is one line break; the offset between \\r and \\n is on the first line', () => {
    const text = 'FROM x\r\nRUN y\r\n';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 3);
    assert.equal(li.lineEnd(0), 6);
    assert.equal(li.lineStart(1), 8);
    assert.deepEqual(li.positionAt(7), { line: 0, character: 7 });
    assert.equal(li.eol(), '\r\n');
    assert.equal(new LineIndex('a\rb').eol(), '\r');
    assert.equal(new LineIndex('no break').eol(), '\n');
    roundTrip(text);
  });

  it('a BOM is a character of line 0 (editors strip it; the CLI does not)', () => {
    const text = '\uFEFFFROM x\nRUN y';
    const li = new LineIndex(text);
    assert.deepEqual(li.positionAt(1), { line: 0, character: 1 });
    assert.equal(li.lineText(0), '\uFEFFFROM x');
    roundTrip(text);
  });

  it('positions are UTF-16 code units: surrogate pairs count twice', () => {
    const text = 'LABEL emoji="🐳🚀"\nRUN echo 𝔘nicode\n';
    const li = new LineIndex(text);
    assert.deepEqual(li.positionAt(at(text, '🚀')), { line: 0, character: 15 });
    assert.deepEqual(li.positionAt(at(text, '"', 1)), { line: 0, character: 17 });
    assert.deepEqual(li.positionAt(at(text, 'nicode')), { line: 1, character: 11 });
    roundTrip(text);
  });

  it('clamps out-of-range offsets and positions', () => {
    const text = 'ab\ncd';
    const li = new LineIndex(text);
    assert.deepEqual(li.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(99), { line: 1, character: 2 });
    assert.equal(li.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(li.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(li.offsetAt({ line: 0, character: 50 }), 2, 'a character past the end stays on its line');
    assert.equal(li.offsetAt({ line: 1, character: -4 }), 3);
  });

  it('empty text has one empty line', () => {
    const li = new LineIndex('');
    assert.equal(li.lineCount, 1);
    assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.equal(li.lineText(0), '');
    assert.equal(li.offsetAt({ line: 0, character: 3 }), 0);
  });

  it('round-trips a larger mixed text', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += ['x', 'éé', '🐳', '\t'][i % 4] + ['\n', '\r\n', '\r', ''][i % 4];
    roundTrip(text);
  });
});

// ---------------------------------------------------------------------------------------------

describe('suppressions', () => {
  const rules = [ruleA, ruleB, ruleC];

  it('"# shipready-ignore a,b -- reason" covers every line of the next instruction, continuation lines included', () => {
    const text = [
      'FROM alpine:3.20',
      '# shipready-ignore dockerfile/test-a,dockerfile/test-b -- legacy build script, see #123',
      'RUN echo AAA \\',
      '  && echo BBB \\',
      '  && echo CCC',
      'RUN echo AAA BBB',
      '',
    ].join('\n');
    const r = run('Dockerfile', text, rules);
    assert.deepEqual(r.hits, ['dockerfile/test-c@5:11', 'dockerfile/test-a@6:10', 'dockerfile/test-b@6:14']);
  });

  it('blank and comment lines between the directive and the instruction are skipped', () => {
    const text = 'FROM alpine:3.20\n# shipready-ignore dockerfile/test-a\n\n# install tools\nRUN echo AAA\n';
    assert.deepEqual(run('Dockerfile', text, rules).hits, []);
  });

  it('a directive without rule ids suppresses every rule for the next instruction', () => {
    const text = 'FROM alpine:3.20\n# shipready-ignore\nRUN echo AAA BBB CCC\nRUN echo CCC\n';
    assert.deepEqual(run('Dockerfile', text, rules).hits, ['dockerfile/test-c@4:10']);
  });

  it(
    'a directive without rule ids but with a reason suppresses every rule',
    () => {
      const text = 'FROM alpine:3.20\n# shipready-ignore -- vendored\nRUN echo AAA BBB CCC\nRUN echo CCC\n';
      assert.deepEqual(run('Dockerfile', text, rules).hits, ['dockerfile/test-c@4:10']);
    },
  );

  it('works with CRLF line endings', () => {
    const text = 'FROM alpine:3.20\r\n# shipready-ignore dockerfile/test-a\r\nRUN echo AAA \\\r\n    AAA\r\nRUN echo AAA\r\n';
    assert.deepEqual(run('Dockerfile', text, rules).hits, ['dockerfile/test-a@5:10']);
  });

  it('"# shipready-ignore-file" anywhere in the file suppresses that rule only', () => {
    const text = 'FROM alpine:3.20\nRUN echo AAA BBB\nRUN echo AAA\n# shipready-ignore-file dockerfile/test-a\n';
    assert.deepEqual(run('Dockerfile', text, rules).hits, ['dockerfile/test-b@2:14']);
  });

  it('"# shipready-ignore-line" and trailing comments suppress their own line (YAML)', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: nginx:latest # shipready-ignore-line kubernetes/test-image -- pinned by digest in prod overlay',
      '    - name: b',
      '      image: nginx:latest',
      '    - name: c',
      '      image: nginx:latest # shipready-ignore kubernetes/test-image',
      '',
    ].join('\n');
    assert.deepEqual(run('k8s/pod.yaml', text, [yamlRule]).hits, ['kubernetes/test-image@8:14']);
  });

  it('a YAML directive on its own line covers the next node and its subtree only', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    # shipready-ignore kubernetes/test-image -- sidecar image is managed by the mesh',
      '    - name: proxy',
      '      image: nginx:latest',
      '      args:',
      '        - nginx:latest',
      '    - name: app',
      '      image: nginx:latest',
      '',
    ].join('\n');
    assert.deepEqual(run('k8s/pod.yaml', text, [yamlRule]).hits, ['kubernetes/test-image@11:14']);
  });

  describe('suppression fixes', () => {
    function fixesFor(path: string, text: string, rule: Rule, index = 0) {
      const r = run(path, text, [rule]);
      const finding = r.findings[index];
      assert.ok(finding, 'a finding to suppress');
      const [line, file] = suppressionFixes(r.file, finding);
      return { line, file, r };
    }

    /** Apply a suppression fix and check the finding it was made for is gone. */
    function applyAndRelint(path: string, text: string, rule: Rule, fix: Fix, remaining: number) {
      const fixed = applyEdits(text, fix.edits);
      assert.equal(run(path, fixed, [rule]).findings.length, remaining, `after "${fix.title}":\n${fixed}`);
      return fixed;
    }

    it('"Disable … for this line" goes above the first line of a multi-line instruction', () => {
      const text = 'FROM alpine:3.20\nRUN apk add curl \\\n    && echo AAA\n';
      const { line, r } = fixesFor('Dockerfile', text, ruleA);
      assert.equal(lc(r.file, r.findings[0].range.start), '3:13');
      assert.equal(line.title, 'Disable dockerfile/test-a for this line');
      const fixed = applyAndRelint('Dockerfile', text, ruleA, line, 0);
      assert.equal(fixed, 'FROM alpine:3.20\n# shipready-ignore dockerfile/test-a\nRUN apk add curl \\\n    && echo AAA\n');
    });

    it('"Disable … for this line" appends to an existing directive, keeping its reason', () => {
      const text = 'FROM alpine:3.20\n# shipready-ignore dockerfile/test-b -- upstream script\nRUN echo AAA BBB\n';
      const { line } = fixesFor('Dockerfile', text, ruleA);
      const fixed = applyAndRelint('Dockerfile', text, ruleA, line, 0);
      assert.equal(fixed, 'FROM alpine:3.20\n# shipready-ignore dockerfile/test-b,dockerfile/test-a -- upstream script\nRUN echo AAA BBB\n');
    });

    it('"Disable … for this line" keeps the YAML indentation', () => {
      const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n';
      const { line } = fixesFor('k8s/pod.yaml', text, yamlRule);
      const fixed = applyAndRelint('k8s/pod.yaml', text, yamlRule, line, 0);
      assert.equal(fixed, 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      # shipready-ignore kubernetes/test-image\n      image: nginx:latest\n');
    });

    it('"Disable … in this file" goes after the parser directives (# syntax=, # escape=)', () => {
      const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine:3.20\nRUN echo AAA\nRUN echo AAA\n';
      const { file } = fixesFor('Dockerfile', text, ruleA);
      assert.equal(file.title, 'Disable dockerfile/test-a in this file');
      const fixed = applyAndRelint('Dockerfile', text, ruleA, file, 0);
      assert.equal(fixed, '# syntax=docker/dockerfile:1\n# escape=\\\n# shipready-ignore-file dockerfile/test-a\nFROM alpine:3.20\nRUN echo AAA\nRUN echo AAA\n');
      // The directives are still directives: the parser sees the same escape character.
      assert.equal(new SourceFile('Dockerfile', fixed).dockerfile.directivesEnd, at(fixed, '# shipready-ignore-file'));
    });

    it('"Disable … in this file" goes to the top when there is no parser directive, CRLF kept', () => {
      const text = 'FROM alpine:3.20\r\nRUN echo AAA\r\n';
      const { file } = fixesFor('Dockerfile', text, ruleA);
      assert.equal(applyAndRelint('Dockerfile', text, ruleA, file, 0), '# shipready-ignore-file dockerfile/test-a\r\nFROM alpine:3.20\r\nRUN echo AAA\r\n');
    });

    it('"Disable … in this file" appends to an existing file directive', () => {
      const text = '# syntax=docker/dockerfile:1\n# shipready-ignore-file dockerfile/test-b\nFROM alpine:3.20\nRUN echo AAA BBB\n';
      const { file } = fixesFor('Dockerfile', text, ruleA);
      const fixed = applyAndRelint('Dockerfile', text, ruleA, file, 0);
      assert.equal(fixed, '# syntax=docker/dockerfile:1\n# shipready-ignore-file dockerfile/test-b,dockerfile/test-a\nFROM alpine:3.20\nRUN echo AAA BBB\n');
      assert.deepEqual(run('Dockerfile', fixed, rules).hits, []);
    });

    it('"Disable … in this file" after a directive that ends the file adds a line break', () => {
      const text = '# syntax=docker/dockerfile:1';
      const r = new SourceFile('Dockerfile', text);
      const finding: Finding = { ruleId: 'dockerfile/test-a', severity: 'warning', message: 'm', messageId: 'hit', range: { start: 0, end: 0 }, docsUrl: '', fixes: [] };
      const [, file] = suppressionFixes(r, finding);
      assert.equal(applyEdits(text, file.edits), '# syntax=docker/dockerfile:1\n# shipready-ignore-file dockerfile/test-a\n');
    });

    it('suppression fixes of a file starting with a BOM insert after the BOM', () => {
      const text = '\uFEFFFROM alpine:3.20\nRUN echo AAA\n';
      const r = run('Dockerfile', text, [ruleA]);
      const [line, file] = suppressionFixes(r.file, r.findings[0]);
      assert.equal(applyEdits(text, file.edits), '\uFEFF# shipready-ignore-file dockerfile/test-a\nFROM alpine:3.20\nRUN echo AAA\n');
      assert.equal(applyEdits(text, line.edits).indexOf('\uFEFF'), 0);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('configuration', () => {
  const strictRule = wordRule('dockerfile/test-strict', 'dockerfile', /\bSSS\b/, { preset: 'strict', severity: 'info' });
  const known = [ruleA, ruleB, strictRule];

  describe('parseConfig', () => {
    const errorsOf = (text: string) => parseConfig(text, known).errors.map((e) => ({ message: e.message, at: e.range ? text.slice(e.range.start, e.range.end) : undefined }));

    it('accepts a full, valid configuration', () => {
      const text = [
        'extends: strict',
        'rules:',
        '  dockerfile/test-a: error',
        '  dockerfile/test-b: [info, { max: 3 }]',
        'ignorePaths: ["vendor/**"]',
        'overrides:',
        '  - files: ["legacy/**"]',
        '    rules:',
        '      dockerfile/test-a: off',
        'maxFileSizeKB: 256',
        '',
      ].join('\n');
      const { config, errors } = parseConfig(text, known);
      assert.deepEqual(errors, []);
      assert.equal(config?.extends, 'strict');
      assert.deepEqual(config?.rules?.['dockerfile/test-b'], ['info', { max: 3 }]);
    });

    it('an empty file is an empty configuration', () => {
      assert.deepEqual(parseConfig('', known), { config: {}, errors: [] });
      assert.deepEqual(parseConfig('# nothing yet\n', known).errors, []);
    });

    it('a bad severity is reported on the value', () => {
      const errors = errorsOf('rules:\n  dockerfile/test-a: fatal\n');
      assert.ok(errors.length >= 1);
      assert.ok(errors.some((e) => /must be one of off, hint, info, warning, error/.test(e.message)), JSON.stringify(errors));
      for (const e of errors) assert.equal(e.at, 'fatal');
    });

    it('an unknown rule id is reported on the key, also inside overrides', () => {
      assert.deepEqual(errorsOf('rules:\n  dockerfile/test-a: warning\n  dockerfile/no-such-rule: error\n'), [{ message: 'unknown rule "dockerfile/no-such-rule"', at: 'dockerfile/no-such-rule' }]);
      assert.deepEqual(errorsOf('overrides:\n  - files: ["*.prod"]\n    rules:\n      dockerfile/typo: off\n'), [{ message: 'unknown rule "dockerfile/typo"', at: 'dockerfile/typo' }]);
    });

    it('a malformed rule id and an unknown top-level key are errors', () => {
      assert.ok(errorsOf('rules:\n  NotARule: error\n').length > 0);
      const extra = parseConfig('extends: recommended\nrulez: {}\n', known).errors;
      assert.equal(extra.length, 1);
      assert.match(extra[0].message, /additional properties "rulez"/);
      assert.ok(extra[0].range);
    });

    it('YAML syntax errors come with a range inside the text and no config', () => {
      for (const text of ['rules: [\n', 'rules:\n  dockerfile/test-a: "unclosed\n', 'rules:\n\tdockerfile/test-a: error\n']) {
        const { config, errors } = parseConfig(text, known);
        assert.equal(config, undefined, text);
        assert.ok(errors.length > 0, text);
        for (const e of errors) {
          assert.match(e.message, /^YAML: /);
          assert.ok(e.range && e.range.start >= 0 && e.range.start <= text.length && e.range.start <= e.range.end, JSON.stringify(e));
        }
      }
    });

    it('YAML error ranges end inside the text', () => {
      const text = 'rules: [\n';
      for (const e of parseConfig(text, known).errors) assert.ok(e.range && e.range.end <= text.length, JSON.stringify(e));
    });

    it('schema errors: wrong types and bounds', () => {
      assert.ok(errorsOf('maxFileSizeKB: 0\n').some((e) => e.at === '0'));
      assert.ok(errorsOf('extends: everything\n').some((e) => e.at === 'everything'));
      assert.ok(errorsOf('overrides:\n  - files: ["x"]\n').length > 0, 'an override needs rules');
    });
  });

  describe('ResolvedConfig', () => {
    const sev = (c: ResolvedConfig, id: string, path = 'Dockerfile') => c.ruleFor(id, path).severity;

    it('presets: recommended (default) leaves strict rules off; strict and all turn them on; none turns everything off', () => {
      const def = new ResolvedConfig(known);
      assert.deepEqual([sev(def, 'dockerfile/test-a'), sev(def, 'dockerfile/test-strict')], ['warning', 'off']);
      for (const preset of ['strict', 'all'] as const) {
        const c = new ResolvedConfig(known, [{ extends: preset }]);
        assert.deepEqual([sev(c, 'dockerfile/test-a'), sev(c, 'dockerfile/test-strict')], ['warning', 'info'], preset);
      }
      const none = new ResolvedConfig(known, [{ extends: 'none', rules: { 'dockerfile/test-b': 'hint' } }]);
      assert.deepEqual([sev(none, 'dockerfile/test-a'), sev(none, 'dockerfile/test-b'), sev(none, 'dockerfile/test-strict')], ['off', 'hint', 'off']);
    });

    it('layers apply in order: the last extends wins, later rules override earlier ones, options merge', () => {
      const layers: ShipreadyConfig[] = [
        { extends: 'strict', rules: { 'dockerfile/test-a': ['error', { a: 1, b: 1 }] } },
        { extends: 'recommended', rules: { 'dockerfile/test-a': ['info', { b: 2 }] } },
      ];
      const c = new ResolvedConfig(known, layers);
      assert.deepEqual(c.ruleFor('dockerfile/test-a'), { severity: 'info', options: { a: 1, b: 2 } });
      assert.equal(sev(c, 'dockerfile/test-strict'), 'off');
      assert.equal(sev(c, 'dockerfile/unknown-rule'), 'off');
    });

    it('overrides apply by glob; a glob without "/" matches the base name anywhere', () => {
      const c = new ResolvedConfig(known, [
        {
          rules: { 'dockerfile/test-a': 'error' },
          overrides: [
            { files: ['legacy/**'], rules: { 'dockerfile/test-a': 'off' } },
            { files: ['Dockerfile.dev', '*.test.dockerfile'], rules: { 'dockerfile/test-b': 'hint' } },
            { files: ['legacy/keep/**'], rules: { 'dockerfile/test-a': 'warning' } },
          ],
        },
      ]);
      assert.equal(sev(c, 'dockerfile/test-a', 'services/api/Dockerfile'), 'error');
      assert.equal(sev(c, 'dockerfile/test-a', 'legacy/api/Dockerfile'), 'off');
      assert.equal(sev(c, 'dockerfile/test-a', 'legacy/keep/Dockerfile'), 'warning', 'later overrides win');
      assert.equal(sev(c, 'dockerfile/test-b', 'services/web/Dockerfile.dev'), 'hint');
      assert.equal(sev(c, 'dockerfile/test-b', 'x/api.test.dockerfile'), 'hint');
      assert.equal(sev(c, 'dockerfile/test-b', 'services/web/Dockerfile'), 'warning');
      assert.equal(c.isEnabled('dockerfile/test-a', 'legacy/x/Dockerfile'), false);
    });

    it('ignorePaths, plus node_modules and .git always', () => {
      const c = new ResolvedConfig(known, [{ ignorePaths: ['vendor/**', '*.generated.yaml'] }]);
      assert.ok(c.isIgnored('vendor/lib/Dockerfile'));
      assert.ok(c.isIgnored('k8s/app.generated.yaml'));
      assert.ok(c.isIgnored('web/node_modules/pkg/Dockerfile'));
      assert.ok(c.isIgnored('.git/hooks/Dockerfile'));
      assert.ok(!c.isIgnored('services/api/Dockerfile'));
      assert.ok(!new ResolvedConfig(known).isIgnored('vendor/lib/Dockerfile'));
    });

    it('lint() uses the configured severity, turns rules off, and honours the path of overrides', () => {
      const c = new ResolvedConfig(known, [{ rules: { 'dockerfile/test-a': 'error', 'dockerfile/test-b': 'off' }, overrides: [{ files: ['legacy/**'], rules: { 'dockerfile/test-a': 'hint' } }] }]);
      const text = 'FROM alpine:3.20\nRUN echo AAA BBB SSS\n';
      const here = lint(new SourceFile('Dockerfile', text), { rules: known, config: c });
      assert.deepEqual(here.findings.map((f) => [f.ruleId, f.severity]), [['dockerfile/test-a', 'error']]);
      const legacy = lint(new SourceFile('legacy/Dockerfile', text), { rules: known, config: c });
      assert.deepEqual(legacy.findings.map((f) => [f.ruleId, f.severity]), [['dockerfile/test-a', 'hint']]);
      const other = lint(new SourceFile('Dockerfile', text), { rules: known, config: c, relPath: 'legacy/sub/Dockerfile' });
      assert.deepEqual(other.findings.map((f) => f.severity), ['hint'], 'relPath is used for overrides');
    });

    it('maxFileSizeKB: default 5120, the last layer that sets it wins', () => {
      assert.equal(new ResolvedConfig(known).maxFileSizeKB, 5120);
      assert.equal(new ResolvedConfig(known, [{ maxFileSizeKB: 10 }, { maxFileSizeKB: 20 }, {}]).maxFileSizeKB, 20);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('lint() runner', () => {
  const boom = defineRule({
    id: 'dockerfile/test-boom',
    kind: 'dockerfile',
    type: 'problem',
    severity: 'error',
    summary: 'throws',
    sources: ['test'],
    messages: { x: 'x' },
    fixable: false,
    check(ctx) {
      ctx.report({ range: { start: 0, end: 4 }, messageId: 'x' });
      throw new TypeError('rule bug: cannot read properties of undefined');
    },
  });

  it('a rule that throws is isolated: its error is recorded, its partial findings dropped, other rules still report', () => {
    const text = 'FROM alpine:3.20\nRUN echo AAA BBB\n';
    const result = lint(new SourceFile('Dockerfile', text), { rules: [ruleA, boom, ruleB] });
    assert.deepEqual(result.ruleErrors.map((e) => e.ruleId), ['dockerfile/test-boom']);
    assert.match(result.ruleErrors[0].error, /rule bug: cannot read properties of undefined/);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['dockerfile/test-a', 'dockerfile/test-b']);
  });

  it('a rule that throws on parsing its model does not stop the others', () => {
    const badModel = defineRule({
      id: 'dockerfile/test-bad-model',
      kind: 'dockerfile',
      type: 'problem',
      severity: 'error',
      summary: 'reads a missing property',
      sources: ['test'],
      messages: { x: 'x' },
      fixable: false,
      check(ctx) {
        (ctx.doc as unknown as { stages: { nope: { deeper: number } }[] }).stages[5].nope.deeper++;
      },
    });
    const result = lint(new SourceFile('Dockerfile', 'FROM x:1\nRUN echo AAA\n'), { rules: [badModel, ruleA] });
    assert.equal(result.ruleErrors.length, 1);
    assert.equal(result.findings.length, 1);
  });

  it('only rules of the file kind run; findings are sorted by position; messages are formatted', () => {
    const text = 'FROM alpine:3.20\nRUN echo BBB AAA\n';
    const result = lint(new SourceFile('Dockerfile', text), { rules: [ruleB, yamlRule, ruleA] });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['dockerfile/test-b', 'dockerfile/test-a']);
    assert.deepEqual(result.findings.map((f) => f.message), ['found BBB', 'found AAA']);
    assert.equal(result.findings[0].docsUrl.endsWith('/docs/rules/dockerfile/test-b.md'), true);
  });

  it('a range outside the text is clamped into it', () => {
    const wild = defineRule({
      id: 'dockerfile/test-wild',
      kind: 'dockerfile',
      type: 'problem',
      severity: 'error',
      summary: 'reports out of range',
      sources: ['test'],
      messages: { x: 'x' },
      fixable: false,
      check(ctx) {
        ctx.report({ range: { start: -10, end: 3 }, messageId: 'x' });
        ctx.report({ range: { start: 5, end: 10_000 }, messageId: 'x' });
      },
    });
    const text = 'FROM x:1\n';
    const result = lint(new SourceFile('Dockerfile', text), { rules: [wild] });
    assert.deepEqual(result.findings.map((f) => f.range), [{ start: 0, end: 3 }, { start: 5, end: text.length }]);
  });

  it('the model is parsed once and shared by all rules', () => {
    const seen: unknown[] = [];
    const spy = (id: string) =>
      defineRule({ id, kind: 'dockerfile', type: 'problem', severity: 'error', summary: 's', sources: [], messages: { x: 'x' }, fixable: false, check: (ctx) => void seen.push(ctx.doc) });
    lint(new SourceFile('Dockerfile', 'FROM x:1\n'), { rules: [spy('dockerfile/test-s1'), spy('dockerfile/test-s2')] });
    assert.equal(seen.length, 2);
    assert.equal(seen[0], seen[1]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('applyEdits / applyFixes', () => {
  const text = 'FROM node\nUSER root\nCMD node a.js\n';
  const edit = (start: number, end: number, t: string) => ({ range: { start, end }, text: t });

  it('applyEdits applies edits in any order and rejects overlaps', () => {
    assert.equal(applyEdits('abcdef', [edit(4, 5, 'E'), edit(0, 1, 'A'), edit(2, 2, '+')]), 'Ab+cdEf');
    assert.throws(() => applyEdits('abcdef', [edit(0, 3, 'x'), edit(2, 4, 'y')]), /overlapping/);
  });

  it('applies non-overlapping fixes in one pass and skips the ones that overlap a chosen fix', () => {
    const pin: Fix = { title: 'pin', edits: [edit(at(text, 'node'), at(text, 'node') + 4, 'node:22')] };
    const pinOther: Fix = { title: 'pin other', edits: [edit(at(text, 'node') + 2, at(text, 'node') + 4, 'XX')] };
    const user: Fix = { title: 'user', edits: [edit(at(text, 'root'), at(text, 'root') + 4, 'app')] };
    const { text: out, applied } = applyFixes(text, [pin, pinOther, user]);
    assert.deepEqual(applied.map((f) => f.title), ['pin', 'user']);
    assert.equal(out, 'FROM node:22\nUSER app\nCMD node a.js\n');
  });

  it('two insertions at the same offset are not both applied (their order would be arbitrary)', () => {
    const a: Fix = { title: 'a', edits: [edit(0, 0, '# a\n')] };
    const b: Fix = { title: 'b', edits: [edit(0, 0, '# b\n')] };
    const { applied } = applyFixes(text, [a, b]);
    assert.deepEqual(applied.map((f) => f.title), ['a']);
  });

  it('never applies snippet fixes, fixes with edits to other files, or empty fixes', () => {
    const snippet: Fix = { title: 'snippet', snippet: true, edits: [edit(at(text, 'node') + 4, at(text, 'node') + 4, ':${1:VERSION}')] };
    const other: Fix = { title: 'other file', edits: [edit(0, 0, 'x')], fileEdits: [{ path: '.dockerignore', create: '.git\n' }] };
    const empty: Fix = { title: 'empty', edits: [] };
    const real: Fix = { title: 'real', edits: [edit(at(text, 'a.js'), at(text, 'a.js') + 4, 'b.js')] };
    const { text: out, applied } = applyFixes(text, [snippet, other, empty, real]);
    assert.deepEqual(applied.map((f) => f.title), ['real']);
    assert.equal(out, 'FROM node\nUSER root\nCMD node b.js\n');
  });

  it('a fix whose edits overlap each other is skipped, not thrown', () => {
    const broken: Fix = { title: 'broken', edits: [edit(0, 4, 'a'), edit(2, 6, 'b')] };
    assert.deepEqual(applyFixes(text, [broken]), { text, applied: [] });
  });

  it('fix-all: the user-creation fix follows the base image that another fix pins in the same pass', () => {
    // The final FROM is untagged; no-latest-tag pins it to the Alpine tag used in the other stage,
    // so no-root-user must not insert Debian's useradd computed for the untagged image.
    const text = 'FROM node:22-alpine AS deps\nRUN npm ci\nFROM node\nCOPY --from=deps /app /app\nCMD ["node", "/app/server.js"]\n';
    const out = fixAll('Dockerfile', text, [ruleById.get('dockerfile/no-root-user')!, ruleById.get('dockerfile/no-latest-tag')!]);
    assert.deepEqual(out.passes, [['Pin node to node:22-alpine (the tag used elsewhere in this file)'], ['Add a non-root user (uid 10001) and switch to it']]);
    assert.match(out.text, /\nFROM node:22-alpine\nCOPY --from=deps \/app \/app\nRUN addgroup -S -g 10001 app && adduser /);
  });

  it('a fix that reads text another fix changes is deferred to the next pass', () => {
    const imageRange = { start: at(text, 'node'), end: at(text, 'node') + 4 };
    const pin: Fix = { title: 'pin', edits: [edit(imageRange.end, imageRange.end, ':22-alpine')] };
    const addUser: Fix = { title: 'user for this base', edits: [edit(at(text, 'CMD'), at(text, 'CMD'), 'USER 10001\n')], reads: [imageRange] };
    assert.deepEqual(applyFixes(text, [addUser, pin]).applied.map((f) => f.title), ['pin']);
    assert.deepEqual(applyFixes(text, [addUser]).applied.map((f) => f.title), ['user for this base']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('hostile and unusual input', () => {
  /** Lint with every registered rule; no rule may throw and every range must lie inside the text. */
  function lintAll(path: string, text: string, timeBudgetMs?: number) {
    const file = new SourceFile(path, text);
    const result = lint(file, { timeBudgetMs });
    assert.deepEqual(result.ruleErrors.map((e) => `${e.ruleId}: ${e.error.split('\n')[0]}`), [], 'no rule throws');
    for (const f of result.findings) {
      assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `${f.ruleId} range inside the text`);
      for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.end <= text.length, `${f.ruleId} fix edit inside the text`);
    }
    return { file, ...result };
  }

  /** Deterministic pseudo-random text (no Math.random). */
  function junk(length: number, seed: number): string {
    let s = seed;
    let out = '';
    for (let i = 0; i < length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      out += String.fromCharCode(s >>> 16);
    }
    return out;
  }

  it('binary junk named Dockerfile: no throw', () => {
    for (const seed of [1, 2, 3]) lintAll('Dockerfile', junk(20_000, seed));
    lintAll('Dockerfile', '\u0000\u0000\u0000FROM\u0000node\n\uD800\uDFFF\uDC00 lone surrogates\n');
  });

  it('instruction-shaped junk: every keyword without or with odd arguments', () => {
    const keywords = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'USER', 'ARG', 'ENV', 'COPY', 'ADD', 'HEALTHCHECK', 'EXPOSE', 'WORKDIR', 'LABEL', 'SHELL', 'ONBUILD', 'STOPSIGNAL', 'VOLUME'];
    const odd = ['', ' ', ' [', ' ["unclosed', ' =', ' ${', ' $', ' \\', ' --', ' --from=', ' AS', ' ::::', ' @', ' \u0000'];
    const lines: string[] = [];
    for (const k of keywords) for (const a of odd) lines.push(k + a);
    lintAll('Dockerfile', lines.join('\n'));
    lintAll('Dockerfile', lines.join('\r\n') + '\\');
  });

  it('empty and whitespace-only files', () => {
    for (const text of ['', '\n', '\r\n\r\n', '   \t  ', '\uFEFF', '# only a comment']) {
      // Only rules about the file as a whole may report on a file without instructions.
      const onInstructions = lintAll('Dockerfile', text).findings.filter((f) => dockerfileCore.some((r) => r.meta.id === f.ruleId));
      assert.deepEqual(onInstructions, [], JSON.stringify(text));
    }
    for (const path of ['k8s/empty.yaml', 'compose.yaml', '.github/workflows/empty.yml']) lintAll(path, '');
  });

  it('a ~5 MB Dockerfile above the size limit is skipped with a reason, not linted', () => {
    const line = 'RUN echo "padding the layer cache with a long line of text" && true\n';
    const text = 'FROM node\n' + line.repeat(Math.ceil((5.2 * 1024 * 1024) / line.length));
    const result = lint(new SourceFile('Dockerfile', text));
    assert.deepEqual(result.findings, []);
    assert.match(result.skipped ?? '', /file too large to lint: 5\.2 MB > limit 5\.0 MB/);
  });

  it('a large Dockerfile under the limit is linted; ranges point at the right tokens at its end', () => {
    const line = 'RUN echo "padding the layer cache with a long line of text" && true\n';
    const text = 'FROM node:22\n' + line.repeat(5_000) + 'USER root\nCMD node server.js\n';
    // No time budget: this checks ranges, not speed, and must not depend on the machine.
    const { file, findings, skipped } = lintAll('Dockerfile', text, Number.POSITIVE_INFINITY);
    assert.equal(skipped, undefined);
    const byRule = new Map(findings.map((f) => [f.ruleId, f]));
    const root = byRule.get('dockerfile/no-root-user');
    assert.ok(root, 'no-root-user reports the final USER root');
    assert.equal(slice(file, root), 'root');
    assert.equal(lc(file, root.range.start), '5002:6');
    const cmd = byRule.get('dockerfile/json-form-cmd');
    assert.ok(cmd, 'json-form-cmd reports the shell-form CMD');
    assert.equal(slice(file, cmd), 'node server.js');
  });

  it('YAML with tabs, unclosed quotes and flow collections: no throw, for every YAML kind', () => {
    const texts = [
      'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: "unclosed\nspec: {containers: [\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: \'web\n          image: nginx:latest\n',
      '---\n---\napiVersion: v1\nkind: List\nitems: [1, 2\n...\n',
      'apiVersion: v1\nkind: Pod\n*alias\n&anchor\n? complex\n: key\n',
    ];
    for (const path of ['k8s/bad.yaml', 'compose.yaml', '.github/workflows/bad.yml', 'values.yaml']) for (const t of texts) lintAll(path, t);
  });

  it('a YAML alias bomb does not hang or throw', () => {
    const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i <= 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lintAll('k8s/bomb.yaml', bomb.join('\n') + '\n');
  });

  it('CRLF + BOM Dockerfile: ranges point at the right tokens', () => {
    const text = '\uFEFF# syntax=docker/dockerfile:1\r\nFROM node:latest AS build\r\nRUN npm ci\r\nFROM node:22-slim\r\nUSER root\r\nCMD node \\\r\n    server.js\r\n';
    const { file, findings } = lintAll('Dockerfile', text);
    const got = findings.map((f) => [f.ruleId, lc(file, f.range.start), lc(file, f.range.end), slice(file, f)]);
    const expect = (ruleId: string, start: string, end: string, token: string) =>
      assert.ok(
        got.some((g) => g[0] === ruleId && g[1] === start && g[2] === end && g[3] === token),
        `${ruleId} at ${start}-${end} "${token}" in ${JSON.stringify(got)}`,
      );
    expect('dockerfile/no-latest-tag', '2:11', '2:17', 'latest');
    expect('dockerfile/no-root-user', '5:6', '5:10', 'root');
    expect('dockerfile/json-form-cmd', '6:5', '7:14', 'node \\\r\n    server.js');
    expect('dockerfile/healthcheck-missing', '4:1', '4:18', 'FROM node:22-slim');
  });

  it('a BOM at the start of the first instruction does not shift its range', () => {
    const text = '\uFEFFFROM alpine\r\n';
    const { file, findings } = lintAll('Dockerfile', text);
    const tag = findings.find((f) => f.ruleId === 'dockerfile/no-latest-tag');
    assert.ok(tag);
    assert.equal(slice(file, tag), 'alpine');
    assert.equal(lc(file, tag.range.start), '1:7', 'the BOM is character 1 of line 1');
  });

  it('fix-all over a realistic CRLF file converges and keeps CRLF', () => {
    const text = 'FROM node:latest AS build\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nFROM node:22-slim\r\nCOPY --from=build /app /app\r\nCMD node /app/server.js\r\n';
    const core = fixAll('Dockerfile', text, dockerfileCore);
    assert.ok(core.converged);
    assert.ok(!/(?<!\r)\n/.test(core.text), 'only CRLF line breaks');
    assert.match(core.text, /^FROM node:22-slim AS build\r\n/);
    assert.match(core.text, /\r\nCOPY package\.json package-lock\.json\* \.\/\r\nRUN npm ci\r\nCOPY \. \.\r\n/);
    assert.match(core.text, /\r\nUSER 10001:10001\r\nCMD \["node", "\/app\/server\.js"\]\r\n$/);
    // With every registered rule, fix-all still terminates and keeps the line breaks.
    const all = fixAll('Dockerfile', text);
    assert.ok(all.converged, `fix-all did not converge: ${JSON.stringify(all.passes)}`);
    assert.ok(!/(?<!\r)\n/.test(all.text), 'only CRLF line breaks');
  });
});
