// Hand-made worst cases: deep nesting, alias bombs, huge scalars and files, many documents, broken
// encodings and line endings, templates in odd places, unterminated Dockerfile constructs.
// Each must lint without a crash, within a generous time bound (a hang guard, not a speed test).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile, lint } from '../../engine/index';
import { KINDS, LONG, ALL_BUT_SLOW, checkInvariants, timed, type LintKind } from './harness';
import { SEEDS } from './seeds';

/** Generous: these guard against hangs and quadratic blow-ups, not against slow machines. */
const BOUND_MS = 15_000;
const SCALE = LONG ? 4 : 1;

/** Lint with every rule but the known-quadratic ones (known-bugs.test.ts times those). */
function hostile(kind: LintKind, text: string, bound = BOUND_MS) {
  const { ms } = timed(() => checkInvariants(kind, text, { config: ALL_BUT_SLOW }));
  if (process.env.FUZZ_VERBOSE) console.error(`${ms.toFixed(0)} ms ${kind} ${JSON.stringify(text.slice(0, 60))}… (${text.length} chars)`);
  assert.ok(ms < bound, `${kind} took ${ms.toFixed(0)} ms (> ${bound} ms) on ${text.length} chars`);
}

const K8S_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n';
const WF_HEAD = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n';
const YAML_KINDS = ['kubernetes', 'workflow', 'compose'] as const;
const head = (kind: (typeof YAML_KINDS)[number]) => (kind === 'kubernetes' ? K8S_HEAD : kind === 'workflow' ? WF_HEAD : 'services:\n  a:\n    image: a:1\n');

describe('hostile documents', () => {
  it('YAML nested 10,000 levels deep (flow and compact block) in every YAML kind', () => {
    const depth = 10_000;
    for (const kind of YAML_KINDS) {
      hostile(kind, head(kind) + 'spec: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n');
      hostile(kind, head(kind) + 'spec: ' + '{a: '.repeat(depth) + '1' + '}'.repeat(depth) + '\n');
      hostile(kind, head(kind) + 'spec:\n' + '- '.repeat(depth) + 'x\n');
      hostile(kind, head(kind) + 'spec: ' + '['.repeat(depth) + '\n'); // never closed
      // Where rules look: containers, services, steps.
      hostile(kind, K8S_HEAD + 'spec:\n  containers:\n    - name: c\n      image: a:1\n      env: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n');
    }
  });

  it('alias bombs ("billion laughs") and self-referencing merge keys', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++) {
      const [p, c] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      laughs.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const bomb = laughs.join('\n') + '\n';
    for (const kind of YAML_KINDS) {
      hostile(kind, head(kind) + bomb);
      hostile(kind, head(kind) + 'spec: &s\n  containers: &c\n    - name: c\n      image: a:1\n      env: *c\n  x: *s\n  <<: *s\n');
      hostile(kind, head(kind) + 'x-a: &a\n  <<: *a\n  b: *a\n');
    }
    // A chain of 200 services each merging the previous one is slow (reported): known-bugs.test.ts.
    const services = 'services:\n' + Array.from({ length: 20 }, (_, i) => `  s${i}: &s${i}\n    <<: ${i ? `*s${i - 1}` : '{image: a:1}'}\n    environment: {A${i}: x}`).join('\n') + '\n';
    hostile('compose', services);
  });

  it('huge scalars: long lines, block scalars, RUNs and continuations', () => {
    const mb = 'x'.repeat(SCALE << 17); // 128 KB (512 KB in the long run)
    hostile('kubernetes', K8S_HEAD + 'data:\n  big: ' + mb + '\n');
    hostile('kubernetes', K8S_HEAD + 'data:\n  big: |\n' + ('    ' + 'y'.repeat(100) + '\n').repeat(2_500 * SCALE));
    hostile('workflow', WF_HEAD + '      - run: echo ' + '${{ github.sha }} '.repeat(20_000) + '\n');
    hostile('compose', 'services:\n  a:\n    image: "' + mb + '"\n');
    hostile('dockerfile', 'FROM alpine:3.20\nRUN echo ' + mb + '\n');
    hostile('dockerfile', 'FROM alpine:3.20\nRUN echo a \\\n' + '  && echo b \\\n'.repeat(5_000 * SCALE) + '  && true\n');
    hostile('dockerignore', ('*.tmp\n!keep-' + 'z'.repeat(100) + '\n').repeat(5_000 * SCALE));
  });

  it(`${LONG ? '100,000' : '10,000'} documents in one file`, () => {
    const n = LONG ? 100_000 : 10_000;
    hostile('kubernetes', '---\napiVersion: v1\nkind: ConfigMap\n'.repeat(n / 10) + '---\na: 1\n'.repeat(n - n / 10), 30_000);
    hostile('compose', 'services: {}\n' + '---\n'.repeat(n), 30_000);
  });

  it(`a ${LONG ? '100,000' : '20,000'}-line manifest`, () => {
    // Mostly ConfigMap data, plus Deployments whose containers every workload rule inspects.
    const lines = LONG ? 100_000 : 20_000;
    const deployment = (i: number) =>
      `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${i}\nspec:\n  selector: {matchLabels: {app: d${i}}}\n  template:\n    metadata: {labels: {app: d${i}}}\n    spec:\n      containers:\n        - name: c\n          image: nginx:latest\n`;
    const deployments = Array.from({ length: lines / 100 }, (_, i) => deployment(i)).join('');
    const data = Array.from({ length: lines - deployments.split('\n').length - 4 }, (_, i) => `  key${i}: value ${i}`).join('\n');
    const text = deployments + '---\napiVersion: v1\nkind: ConfigMap\ndata:\n' + data + '\n';
    assert.ok(text.split('\n').length >= lines);
    hostile('kubernetes', text, 30_000);
  });

  it('invalid UTF-16 (lone surrogates), NUL bytes, BOMs and control characters', () => {
    const all = ['\uD800', '\uDFFF', '\uDC00\uD800', '\u0000', '\uFEFF', '\uFFFE', '\u2028', '\u2029', '\u0085', '\u001b[31m', '\u00a0'];
    const odd = LONG ? all : ['\uD800', '\uDC00\uD800', '\u0000', '\uFEFF', '\u2028'];
    for (const kind of KINDS) {
      for (const seed of LONG ? SEEDS[kind] : SEEDS[kind].slice(0, 1)) {
        for (const c of odd) {
          hostile(kind, c + seed);
          hostile(kind, seed.replace(/ /g, (s, i: number) => (i % 7 === 0 ? c : s)));
          hostile(kind, seed.replace(/\n/g, c + '\n'));
        }
      }
    }
  });

  it('CRLF, CR-only and mixed line endings; tabs for indentation; no final newline', () => {
    for (const kind of KINDS) {
      for (const seed of LONG ? SEEDS[kind] : SEEDS[kind].slice(0, 2)) {
        hostile(kind, seed.replace(/\n/g, '\r\n'));
        hostile(kind, seed.replace(/\n/g, '\r'));
        hostile(kind, seed.replace(/\n/g, (_m, i: number) => ['\n', '\r\n', '\r', '\n\r'][i % 4]));
        hostile(kind, seed.replace(/^( +)/gm, (m) => '\t'.repeat(m.length)));
        hostile(kind, seed.replace(/^( +)/gm, (m) => '\t' + m));
        hostile(kind, seed.trimEnd());
      }
    }
  });

  it('Helm {{ }} in odd places: keys, anchors, indicators, document markers, unterminated', () => {
    const odd = [
      '{{ .k }}: value\n',
      'a: &{{ .anchor }} 1\nb: *{{ .anchor }}\n',
      'a: |{{ .indent }}\n  text\n',
      '---{{ .x }}\n',
      '{{- /* a comment\nspanning lines */ -}}\n',
      'spec:\n  containers:\n  {{- range .Values.containers }}\n    - name: {{ .name }}\n      image: {{ .image }}\n  {{- end }}\n',
      'spec: {{ toYaml .Values.spec | nindent 2 }}\n',
      'a: {{ .x\n',
      'a: }} {{ {{ }}\n',
      '{{'.repeat(1_000 * SCALE) + '\n',
      '}}'.repeat(1_000 * SCALE) + '\n',
      'a: ' + '{{ .x }}'.repeat(5_000 * SCALE) + '\n',
      '{{ .x }}'.repeat(5_000 * SCALE) + '\n',
      ('a: {{ .x\n').repeat(500 * SCALE),
      'image: "{{ .Values.image }}@sha256:{{ .digest }}"\n',
      '${{ github.x }}{{ .y }}$${{ z }}\n',
    ];
    for (const kind of YAML_KINDS) for (const t of odd) hostile(kind, head(kind) + t);
    for (const t of odd) hostile('kubernetes', t + K8S_HEAD);
    for (const t of odd) hostile('dockerfile', 'FROM {{ .image }}\nRUN ' + t);
  });

  it('Dockerfile: line continuations without end, heredocs without terminator, odd escape directives', () => {
    const cases = [
      'FROM alpine:3.20\nRUN echo a \\',
      'FROM alpine:3.20\nRUN echo a \\\n',
      'FROM alpine:3.20\nRUN echo a \\\n\\\n\\\n',
      'FROM alpine:3.20\nRUN echo a \\\n# comment\n\n',
      'FROM alpine:3.20\nRUN \\\n'.repeat(1_000 * SCALE),
      'FROM alpine:3.20\nRUN <<EOF\necho never ends\n',
      'FROM alpine:3.20\nRUN <<EOF\n',
      'FROM alpine:3.20\nRUN <<EOF <<EOT\na\nEOF\nb\n',
      'FROM alpine:3.20\nRUN <<-"EOF" bash\n\techo a\n',
      'FROM alpine:3.20\nCOPY <<EOF /a\n' + 'line\n'.repeat(2_500 * SCALE),
      'FROM alpine:3.20\n' + 'RUN <<EOF\n'.repeat(500 * SCALE),
      '# escape=`\nFROM alpine:3.20\nRUN echo a `\n',
      '# escape=\\\nFROM alpine:3.20\nRUN echo a \\',
      '# escape=x\nFROM alpine:3.20\n',
      '# syntax=\n# escape=\nFROM\n',
      'FROM alpine:3.20 AS\nFROM --platform= \nCOPY --from= \nUSER\nHEALTHCHECK\nHEALTHCHECK CMD\nSHELL [\nCMD [\nARG\nENV\nENV =\nEXPOSE -1\n',
      'from alpine\nrun apk add curl\nuser root\ncmd sh\n',
      'FROM alpine:3.20\n' + 'ARG A${A}\nENV B=${B:-${A:+${C}}}\n'.repeat(500 * SCALE),
      'FROM alpine:3.20\nRUN ' + '$('.repeat(5_000) + '\n',
      'FROM alpine:3.20\nRUN ' + '"'.repeat(2_001 * SCALE) + '\n',
      'FROM alpine:3.20\nRUN ' + 'if true; then '.repeat(1_000 * SCALE) + '\n',
    ];
    for (const t of cases) hostile('dockerfile', t);
  });

  it('random bytes decoded as Latin-1 and as UTF-8, every kind', () => {
    let s = 12345;
    const bytes = Buffer.alloc(50_000 * SCALE);
    for (let i = 0; i < bytes.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      bytes[i] = s >>> 24;
    }
    for (const kind of KINDS) {
      hostile(kind, bytes.toString('latin1'));
      hostile(kind, bytes.toString('utf8'));
    }
  });

  it('the size limit: a file just above maxFileSizeKB is skipped quickly, whatever it holds', () => {
    const text = 'a: {{ x\n'.repeat(Math.ceil((5.1 * 1024 * 1024) / 8));
    const { value, ms } = timed(() => lint(new SourceFile('k8s/huge.yaml', text, 'kubernetes')));
    assert.match(value.skipped ?? '', /too large/);
    assert.ok(ms < 5_000, `${ms} ms`);
  });
});
