// Catastrophic backtracking: (1) adversarial documents aimed at the regexes that read user text,
// linted end to end under a per-case time bound; (2) every regex literal of engine/** run alone on
// generic adversarial strings in a worker that is terminated if one hangs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { SourceFile, lint } from '../../engine/index';
import { ALL_BUT_SLOW, LONG, timed, type LintKind, PATH_OF } from './harness';

/** Per case: generous, a hang guard (linear work on these inputs takes well under 100 ms). */
const BOUND_MS = 2_000;
const N = 50_000;
const r = (s: string, n = N) => s.repeat(Math.ceil(n / s.length));
const K8S = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n';
const container = (extra: string) => `${K8S}  containers:\n    - name: a\n      image: a:1\n${extra}`;

/** [what, kind, text, todo?]: each aims at a quantified group or a scan that restarts at every offset. */
const CASES: [string, LintKind, string, string?][] = [
  ['k8s quantity: digits then junk', 'kubernetes', container(`      resources:\n        limits: {cpu: "${r('0')}!", memory: "${r('1')}x"}\n        requests: {cpu: "${r('0')}.${r('0')}!"}\n`)],
  ['yaml sniffing: blank lines before content', 'kubernetes', r('\n') + 'x: 1\n'],
  ['yaml sniffing: CRLF blank lines and indented junk', 'kubernetes', r('\r\n  ') + 'apiVersion x\n'],
  ['helm: unclosed {{ repeated', 'kubernetes', K8S + r('{{')],
  ['helm: unclosed {{ per line', 'kubernetes', K8S + r('a: {{ x\n', N / 5)],
  ['helm: one line of templates in a value', 'kubernetes', K8S + '  name: ' + r('{{ .x }}') + '\n'],
  ['helm: one line of templates alone', 'kubernetes', K8S + r('{{ .x }}') + '\n'],
  ['helm: unclosed Go actions per line', 'kubernetes', K8S + r('  a: {{ .x\n', N / 2)],
  ['helm: ${{ runs', 'kubernetes', K8S + '  a: ' + r('${{') + '\n'],
  ['k8s image: colons and slashes', 'kubernetes', container(`    - name: b\n      image: "${r('a:')}"\n    - name: c\n      image: "${r('a/')}@"\n`)],
  ['k8s port names: hyphen runs', 'kubernetes', container(`      ports: [{containerPort: 1, name: "${r('a-')}"}]\n      readinessProbe: {httpGet: {port: "${r('a-')}!"}}\n`)],
  ['k8s sysctl: dotted run', 'kubernetes', K8S + `  securityContext:\n    sysctls: [{name: "${r('a.')}", value: "1"}]\n  containers: [{name: a, image: "a:1"}]\n`],
  ['k8s env: secret-looking names', 'kubernetes', container(`      env: [{name: "${r('PASSWORD_')}", value: "${r('x')}"}]\n`)],
  ['k8s annotations: ignore lists', 'kubernetes', K8S.replace('  name: a\n', `  name: a\n  annotations: {shipready.dev/ignore: "${r('a,')}"}\n`) + '  containers: [{name: a, image: "a:1"}]\n'],
  ['dockerfile: spaces inside RUN', 'dockerfile', 'FROM alpine:3\nRUN apk add curl' + r(' ') + 'x\n'],
  ['dockerfile: continuation run', 'dockerfile', 'FROM alpine:3\nRUN echo \\\n' + r(' \\\n', N / 2) + 'x\n'],
  ['dockerfile: directive whitespace', 'dockerfile', '#' + r(' ') + 'a' + r(' ') + '=' + r(' ') + '\nFROM alpine:3\n'],
  ['dockerfile: healthcheck digits', 'dockerfile', 'FROM alpine:3\nHEALTHCHECK --interval=' + r('0') + ' --timeout=1s' + r('0') + ' CMD true\n'],
  ['dockerfile: ENV whitespace', 'dockerfile', 'FROM alpine:3\nENV A=' + r(' ') + 'x\n'],
  ['dockerfile: LABEL a=a=', 'dockerfile', 'FROM alpine:3\nLABEL ' + r('a=') + '\n'],
  ['dockerfile: $ and ${ runs', 'dockerfile', 'FROM alpine:3\nARG A\nRUN echo ' + r('$') + '{A ' + r('${') + '\n'],
  ['dockerfile: quotes', 'dockerfile', 'FROM alpine:3\nRUN echo ' + r('"\'') + '\n'],
  ['dockerfile: escaped spaces', 'dockerfile', 'FROM alpine:3\nRUN echo ' + r('\\ ') + '\n'],
  ['dockerfile: && chains', 'dockerfile', 'FROM alpine:3\nRUN ' + r('a && ', N / 2) + '\n'],
  ['dockerfile: pipes', 'dockerfile', 'FROM alpine:3\nRUN curl x ' + r('| ') + 'sh\n'],
  ['dockerfile: FROM image parts', 'dockerfile', 'FROM ' + r('a/') + ':' + r('1') + '@sha256:' + r('a') + '\nFROM ' + r('a:') + '\n'],
  ['dockerfile: COPY path', 'dockerfile', 'FROM alpine:3\nCOPY ' + r('a/') + ' /x\n'],
  ['dockerfile: URL-ish ADD', 'dockerfile', 'FROM alpine:3\nADD http://' + r('a.') + ' /x\nADD ' + r('http://') + ' /y\n'],
  ['dockerfile: package lists', 'dockerfile', 'FROM debian:12\nRUN apt-get install -y ' + r('a=1 ') + '\nRUN pip install ' + r('a==') + '\n'],
  ['dockerfile: EXPOSE ranges', 'dockerfile', 'FROM alpine:3\nEXPOSE ' + r('1-') + ' ' + r('1/') + '\n'],
  ['dockerfile: USER colons', 'dockerfile', 'FROM alpine:3\nUSER ' + r('a:') + '\n'],
  ['dockerfile: ignore directive lists', 'dockerfile', '# shipready-ignore ' + r('a,') + ' -- ' + r(' ') + '\nFROM alpine:3\n'],
  ['suppression directive whitespace', 'kubernetes', K8S + '# shipready-ignore' + r(' \t') + 'x\n  a: 1\n'],
  ['workflow: ${{ runs', 'workflow', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ' + r('${{') + '\n'],
  ['workflow: expression operators', 'workflow', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    if: ${{ ' + r('a || ') + ' }}\n    steps:\n      - run: echo\n'],
  ['workflow: uses refs', 'workflow', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ' + r('a/') + '@' + r('a.') + '\n'],
  ['compose: credentials in URLs', 'compose', 'services:\n  a:\n    image: a:1\n    environment:\n      URL: "' + r('a-') + '!"\n      B: "' + r('a.') + '://x"\n', 'reported: the URL-credentials regex of documents/compose.ts restarts at every offset'],
  ['compose: interpolation runs', 'compose', 'services:\n  a:\n    image: "' + r('${') + '"\n    command: "' + r('$$') + '"\n'],
  ['compose: port runs', 'compose', 'services:\n  a:\n    image: a:1\n    ports: ["' + r('1:') + '", "' + r('1.') + '"]\n'],
  ['dockerignore: glob runs', 'dockerignore', r('*') + '\n' + r('**/') + '\n' + r('!a') + '\n' + r('[') + '\n'],
];

describe('worst-case regex inputs, linted end to end', () => {
  for (const [what, kind, text, todo] of CASES) {
    // Known slow cases (reported) are timed in the long run only: each takes seconds.
    it(`${kind}: ${what}`, todo ? (LONG ? { todo } : { skip: `known, ${todo}` }) : {}, () => {
      const run = () => timed(() => lint(new SourceFile(PATH_OF[kind], text, kind), { config: ALL_BUT_SLOW, timeBudgetMs: Infinity }));
      let { value, ms } = run();
      // A load spike on a busy machine is not a hang: measure once more before failing.
      if (ms >= BOUND_MS && !todo) ({ value, ms } = run());
      assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms (> ${BOUND_MS} ms) on ${text.length} chars`);
      for (const f of value.findings) assert.ok(f.range.end <= text.length);
    });
  }
});

// ---------------------------------------------------------------------------------------------

interface Literal {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Every regex literal in engine/**, by file and line. */
function regexLiterals(): Literal[] {
  const root = path.resolve(__dirname, '../..');
  const out: Literal[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) {
        const sf = ts.createSourceFile(p, fs.readFileSync(p, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (n: ts.Node) => {
          if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const t = n.getText();
            const i = t.lastIndexOf('/');
            out.push({ file: path.relative(root, p).split(path.sep).join('/'), line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, source: t.slice(1, i), flags: t.slice(i + 1) });
          }
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
    }
  };
  walk(path.join(root, 'engine'));
  return out;
}

/**
 * Regexes that are quadratic on some input when run alone on a long string (the long run measures
 * them at 50,000 characters). Each is either bounded where it is used (the Helm template scan stops
 * at the last `}}`) or a reported rule bug; keyed by file and source, since lines move.
 */
const KNOWN_QUADRATIC: { file: RegExp; source: string; note: string; skip?: boolean }[] = [
  { file: /^engine\/documents\/(yaml|k8s)\.ts$/, source: '(?<!\\$)\\{\\{-?[\\s\\S]*?-?\\}\\}', note: 'bounded: scans stop at the last }}' },
  { file: /^engine\/documents\/(yaml|k8s)\.ts$/, source: '\\{\\{-?[\\s\\S]*?-?\\}\\}', note: 'bounded: scans stop at the last }} (per line: only lines ending in }})' },
  { file: /^engine\/rules\/dockerfile\/package-cache-cleanup\.ts$/, source: '\\s+$', note: 'reported rule bug' },
  { file: /^engine\/rules\/dockerfile\/syntax\.ts$/, source: '(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)', note: 'only after the duration is validated' },
  { file: /^engine\/rules\/dockerfile\/syntax\.ts$/, source: '[\\r\\n]+$', note: 'applied to one line' },
  { file: /^engine\/rules\/dockerfile\/syntax\.ts$/, source: '^\\s*#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.*?)\\s*$', note: 'reported rule bug' },
  { file: /^engine\/rules\/(dockerfile\/no-secret-files-copied|kubernetes\/no-sensitive-host-mounts)\.ts$/, source: '\\/+$', note: 'reported rule bug' },
  { file: /^engine\/documents\/compose\.ts$/, source: '\\b[a-z][a-z0-9+.-]*:\\/\\/[^\\s:/@${}]+:([^\\s@/${}]{3,})@', note: 'reported' },
  { file: /^engine\/checklist\/evaluators\.ts$/, source: '\\$\\{\\{.*?\\}\\}', note: 'reported (checklist, one line)' },
  { file: /^engine\/complete\/workflow\.ts$/, source: '([A-Za-z_][\\w-]*)=[^\\n]*?>>[ \\t]*"?\\$\\{?GITHUB_OUTPUT', note: 'reported: completion reads step outputs from user text' },
  { file: /^engine\/complete\/index\.ts$/, source: '[\\w-]*$', note: 'applied to the text before the cursor on one line' },
  { file: /^engine\/rules\/actions\/(post-deploy-verification|security-scan)\.ts$/, source: '(\\r\\n|\\r|\\n)+$', note: 'exponential on CR LF runs; reported; applied to fix text the rule builds, never to user text', skip: true },
];

/** Runs in a worker: times each regex on adversarial strings, posts progress so a hang can be cut. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { literals, n, from } = workerData;
const units = [' ', '\\t', 'a', 'A', '0', '-', '_', '.', '/', ':', '=', '$', '{', '}', '\\\\', '"', "'", '#', ',', '@', '\\n', '\\r\\n', '[', '(', '*', '&', '|', ';', '!', '%', '+',
  '{{', '\${', '\${{', '\\\\\\n', 'a ', ' a', 'a=', '- ', 'a:', '--a', 'a.', 'a-', 'a/', '0.', '$a', '"a', 'a,', ': ', '# ', '&&', 'a b '];
const inputs = [];
for (const u of units) {
  const body = u.repeat(Math.ceil(n / u.length));
  inputs.push([JSON.stringify(u) + ' x ' + n, body], [JSON.stringify(u) + ' x ' + n + ' then !', body + '\\u0001!'], ['a then ' + JSON.stringify(u) + ' x ' + n + ' then !', 'a' + body + '\\u0001!']);
}
for (let i = from; i < literals.length; i++) {
  const l = literals[i];
  let re;
  try { re = new RegExp(l.source, l.flags); } catch { parentPort.postMessage({ i, done: true }); continue; }
  parentPort.postMessage({ i, start: true });
  let worst = 0, worstInput = '';
  for (const [name, s] of inputs) {
    re.lastIndex = 0;
    const t0 = performance.now();
    if (re.global) s.replace(re, ''); else re.exec(s);
    const ms = performance.now() - t0;
    if (ms > worst) { worst = ms; worstInput = name; }
  }
  parentPort.postMessage({ i, done: true, worst, worstInput });
}
parentPort.postMessage({ finished: true });
`;

/** Time every literal; a literal that runs longer than `hangMs` on one input is cut and reported. */
function scan(literals: Literal[], n: number, hangMs: number): Promise<{ literal: Literal; ms: number; input: string }[]> {
  return new Promise((resolve, reject) => {
    const results: { literal: Literal; ms: number; input: string }[] = [];
    const start = (from: number) => {
      const w = new Worker(WORKER, { eval: true, workerData: { literals, n, from } });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          results.push({ literal: literals[current], ms: Infinity, input: `(cut after ${hangMs} ms)` });
          void w.terminate().then(() => (current + 1 < literals.length ? start(current + 1) : resolve(results)));
        }, hangMs * 5);
      };
      arm();
      w.on('message', (m: { i?: number; done?: boolean; start?: boolean; worst?: number; worstInput?: string; finished?: boolean }) => {
        if (m.finished) {
          clearTimeout(timer);
          void w.terminate();
          resolve(results);
          return;
        }
        current = m.i!;
        if (m.done && m.worst !== undefined) results.push({ literal: literals[m.i!], ms: m.worst, input: m.worstInput! });
        arm();
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    };
    start(0);
  });
}

describe('every regex literal of engine/** on adversarial strings', () => {
  const literals = regexLiterals();

  it(`finds the regex literals (${literals.length})`, () => {
    assert.ok(literals.length > 50, 'the TypeScript scanner found the literals');
  });

  // Fast run: 2,000 characters, where only exponential backtracking stands out. Long run: 50,000
  // characters, where quadratic scans take seconds and every one not known is a failure.
  // Known exponential patterns are not run (each would only be cut after the hang timeout).
  const n = LONG ? 50_000 : 2_000;
  it(`no literal backtracks catastrophically on ${n.toLocaleString('en')}-character inputs`, { timeout: LONG ? 3_600_000 : 60_000 }, async (t) => {
    const skipped = (l: Literal) => KNOWN_QUADRATIC.some((k) => k.skip && k.file.test(l.file) && k.source === l.source);
    const results = await scan(literals.filter((l) => !skipped(l)), n, BOUND_MS);
    const slow = results.filter((x) => x.ms > BOUND_MS);
    const known = (x: (typeof slow)[number]) => KNOWN_QUADRATIC.some((k) => k.file.test(x.literal.file) && k.source === x.literal.source);
    for (const x of slow) t.diagnostic(`${known(x) ? 'known' : 'NEW'}: ${x.literal.file}:${x.literal.line} /${x.literal.source}/${x.literal.flags} ${x.ms === Infinity ? 'hangs' : `${x.ms.toFixed(0)} ms`} on ${x.input}`);
    assert.deepEqual(
      slow.filter((x) => !known(x)).map((x) => `${x.literal.file}:${x.literal.line} /${x.literal.source}/ on ${x.input}`),
      [],
      'regexes that take more than 2 s on one adversarial input (add a bound or fix the pattern)',
    );
  });
});
