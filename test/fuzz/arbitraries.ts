// fast-check arbitraries for infrastructure documents: seeds, token soup, random text, and
// mutations that break files the way editing, copy-paste and odd tools do.
import fc from 'fast-check';
import { KINDS, LONG, SEED, type LintKind } from './harness';
import { SEEDS, corpusFiles } from './seeds';

/** Corpus files to seed from: a fixed sample in the fast run, every file in the long run. */
function corpusSeeds(): Record<LintKind, string[]> {
  const out = Object.fromEntries(KINDS.map((k) => [k, [] as string[]])) as Record<LintKind, string[]>;
  const all = corpusFiles().filter((f) => f.text.length <= (LONG ? 200_000 : 20_000));
  // Deterministic sample, decided by the seed.
  let s = SEED >>> 0;
  for (const f of all) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    if (LONG || s % 16 === 0) out[f.kind].push(f.text);
  }
  return out;
}

const CORPUS = corpusSeeds();
export const seedCount = (k: LintKind) => SEEDS[k].length + CORPUS[k].length;

export function seedDoc(kind: LintKind): fc.Arbitrary<string> {
  return fc.constantFrom(...SEEDS[kind], ...CORPUS[kind]);
}

/** Fragments that mean something to one of the parsers. */
const COMMON = ['\n', '\r\n', '\r', ' ', '  ', '\t', '#', '# shipready-ignore ', '# shipready-ignore-file dockerfile/no-latest-tag', '\\', '"', "'", '`', '$', '${', '}', '{{', '}}', '{{ .Values.x }}', '{{- if .x }}', '{{ end }}', '${{', '${{ github.event.issue.title }}', '\uFEFF', '\uD800', '\uDC00', '\u0000', '\u2028', '\u00a0', 'é', '😀', ':', ',', '[', ']', '{', '-', '=', '@', '/', '.', '*', '&', '|', '>', '<<', ';'];
const TOKENS: Record<LintKind, string[]> = {
  dockerfile: ['FROM ', 'FROM node:latest', 'FROM scratch', ' AS ', 'RUN ', 'RUN apt-get install -y curl', 'RUN <<EOF', 'EOF', 'CMD ', 'CMD ["a", "b"]', 'ENTRYPOINT ', 'USER ', 'USER root', 'ARG ', 'ENV ', 'ENV A=b', 'COPY ', 'COPY --from=', 'ADD ', 'HEALTHCHECK ', '--interval=', 'EXPOSE ', 'WORKDIR ', 'LABEL ', 'SHELL ', 'ONBUILD ', 'STOPSIGNAL ', 'VOLUME ', 'MAINTAINER ', '# syntax=', '# escape=`', '\\\n', '&& ', '| sh', 'curl -k ', 'sudo ', 'apk add ', 'yum install ', 'pip install ', 'npm ci', '--mount=type=cache,target=/x ', '$(', ')', 'if ', 'then ', 'fi', 'for ', 'do ', 'done', '2>&1', '/dev/null'],
  kubernetes: ['apiVersion: v1\n', 'apiVersion: apps/v1\n', 'kind: Pod\n', 'kind: Deployment\n', 'kind: List\n', 'metadata:\n', '  name: x\n', 'spec:\n', 'template:', 'containers:', 'initContainers:', '- name: c\n', 'image: nginx:latest', 'image: ', 'resources:', 'limits:', 'requests:', 'cpu: ', 'memory: ', '100m', '1Gi', '1e3', 'securityContext:', 'privileged: true', 'hostNetwork: true', 'hostPath:', 'path: /', 'ports:', 'containerPort: ', 'readinessProbe:', 'livenessProbe:', 'httpGet:', 'port: ', 'items:', '---\n', '...\n', '&a ', '*a', '<<: *a', '!!str ', '? ', '|\n', '>-\n', '%YAML 1.2\n', 'shipready.dev/ignore: '],
  workflow: ['on: push\n', 'on:\n', 'jobs:\n', '  build:\n', 'runs-on: ubuntu-latest', 'steps:', '- uses: actions/checkout@v4', '- run: ', 'run: |\n', 'with:', 'env:', 'if: ', 'needs: ', 'permissions: ', 'strategy:', 'matrix:', '${{ github.event.pull_request.title }}', '${{ secrets.X }}', '${{ matrix.os }}', "${{ fromJSON('[1]') }}", '${{ a ||', 'runs:', 'using: composite', 'shell: bash', 'uses: docker://x'],
  compose: ['services:\n', '  web:\n', 'image: ', 'build: .', 'ports:', '- "80:80"', '- 1.2.3.4:1:2/udp', 'environment:', 'PASSWORD: x', '- A=B', 'volumes:', '- /var/run/docker.sock:/x', 'privileged: true', 'network_mode: host', 'depends_on:', 'healthcheck:', 'x-a: &a', '<<: *a', '${A:-b}', '${A:?', '$$', 'version: "3"'],
  dockerignore: ['node_modules', '.git', '!', '**', '*', '?', '[', ']', '.env', '*.pem', '/', '../', '#'],
};

export function tokenSoup(kind: LintKind, maxTokens = 80): fc.Arbitrary<string> {
  return fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS[kind]) }, { weight: 2, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: maxTokens }).map((t) => t.join(''));
}

/** Any UTF-16 text, lone surrogates and control characters included. */
export const randomText = (maxLength = 2000) => fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'grapheme-composite', maxLength: maxLength / 4 }), fc.string({ maxLength }));

/** One edit to a text; positions are fractions of its length so they stay valid. */
type Mutation = (text: string) => string;
const at = (text: string, f: number) => Math.floor(f * (text.length + 1));
const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function mutation(kind: LintKind): fc.Arbitrary<Mutation> {
  const fragment = fc.oneof(fc.constantFrom(...TOKENS[kind], ...COMMON), fc.string({ unit: 'binary', maxLength: 20 }));
  return fc.oneof(
    frac.map((f): Mutation => (t) => t.slice(0, at(t, f))), // truncate
    fc.tuple(frac, fragment).map(([f, s]): Mutation => (t) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))), // insert
    fc.tuple(frac, fc.nat(200)).map(([f, n]): Mutation => (t) => t.slice(0, at(t, f)) + t.slice(at(t, f) + n)), // delete
    fc.tuple(frac, frac, frac).map(([a, b, c]): Mutation => (t) => {
      const [s, e] = [at(t, a), at(t, b)].sort((x, y) => x - y);
      return t.slice(0, at(t, c)) + t.slice(s, e) + t.slice(at(t, c)); // copy-paste a slice elsewhere
    }),
    fc.constantFrom<Mutation>(
      (t) => t.replace(/\r?\n/g, '\r\n'),
      (t) => t.replace(/\r?\n/g, '\r'),
      (t) => t.replace(/\r?\n/g, (_m, i: number) => ['\n', '\r\n', '\r'][i % 3]),
      (t) => '\uFEFF' + t,
      (t) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
      (t) => t.replace(/\n$/, ''),
      (t) => t + '\\',
      (t) => t + '\\\n',
      (t) => t + 'RUN <<EOF\necho unterminated\n',
      (t) => t + '{{ if .x }}\n  a: {{ .y',
      (t) => t.replace(/: /g, ': {{ .Values.v }} '),
      (t) => t.replace(/ /g, '  '),
      (t) => t.split('\n').reverse().join('\n'),
      (t) => t.replace(/[a-z]/g, (c) => c.toUpperCase()),
      (t) => t.replace(/\n/g, '\n\n'),
      (t) => t.replace(/"/g, ''),
    ),
  );
}

export function mutated(kind: LintKind, maxMutations = 4): fc.Arbitrary<string> {
  return fc.tuple(seedDoc(kind), fc.array(mutation(kind), { minLength: 1, maxLength: maxMutations })).map(([seed, ms]) => ms.reduce((t, m) => m(t), seed));
}

/** A seed and a mutated version of it (for incremental re-parse). */
export function edited(kind: LintKind): fc.Arbitrary<[string, string]> {
  return fc.tuple(seedDoc(kind), fc.array(mutation(kind), { minLength: 1, maxLength: 3 })).map(([seed, ms]) => [seed, ms.reduce((t, m) => m(t), seed)]);
}

/** Every kind of document the fuzzer makes, weighted towards near-valid files. */
export function anyDoc(kind: LintKind): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: mutated(kind) }, { weight: 2, arbitrary: tokenSoup(kind) }, { weight: 1, arbitrary: randomText() }, { weight: 1, arbitrary: seedDoc(kind) });
}
