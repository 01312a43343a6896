// Linting a workspace in parts, as `shipready check --jobs n` does: each worker parses its part and
// hands the facts cross-file indexes need to the others. The findings must be exactly the serial
// ones, and a worker must not parse files outside its part except where a rule reads their YAML.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractFacts, lint, ResolvedConfig, rules, Workspace, type FileFacts, type SourceFile } from '../../engine/index';
import { mixedWorkspace } from '../fixtures/mixed-workspace';

const config = new ResolvedConfig(rules);
const files = Object.entries(mixedWorkspace());
const linted = (f: SourceFile) => f.kind !== 'unknown' && f.kind !== 'yaml';
const fsView = { exists: (p: string) => files.some(([rel]) => rel === p), readFile: (p: string) => files.find(([rel]) => rel === p)?.[1] };
const result = (f: SourceFile, ws: Workspace) => JSON.stringify(lint(f, { config, workspace: ws }));

function serial(): Map<string, string> {
  const ws = new Workspace(fsView);
  const sources = files.map(([rel, text]) => ws.set(rel, text));
  return new Map(sources.filter(linted).map((f) => [f.path, result(f, ws)]));
}

/** Each part in its own Workspace (a worker): phase 1 extracts facts of the part, phase 2 seeds the others' and lints. */
function inParts(parts: string[][]): { results: Map<string, string>; parsedOutside: string[][] } {
  const workers = parts.map((part) => {
    const ws = new Workspace(fsView);
    for (const [rel, text] of files) ws.set(rel, text);
    const facts: [string, FileFacts][] = part.map((rel) => [rel, structuredClone(extractFacts(ws.get(rel)!))]);
    return { part, ws, facts };
  });
  const results = new Map<string, string>();
  const parsedOutside: string[][] = [];
  for (const w of workers) {
    for (const other of workers) if (other !== w) for (const [rel, f] of other.facts) w.ws.seedFacts(rel, f);
    for (const rel of w.part) {
      const f = w.ws.get(rel)!;
      if (linted(f)) results.set(rel, result(f, w.ws));
    }
    parsedOutside.push([...w.ws.all()].filter((f) => f.parsed && !w.part.includes(f.path)).map((f) => f.path));
  }
  return { results, parsedOutside };
}

describe('a workspace linted in parts (worker facts)', () => {
  const expected = serial();
  const paths = files.map(([rel]) => rel);

  it('the fixture exercises cross-file rules', () => {
    const ids = new Set([...expected.values()].flatMap((r) => (JSON.parse(r) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)));
    for (const id of ['kubernetes/hpa-no-static-replicas', 'kubernetes/pdb-exists', 'kubernetes/network-policy-coverage', 'kubernetes/network-policy-default-deny', 'workspace/user-consistent', 'workspace/probe-matches-healthcheck', 'workspace/dependency-update-automation', 'workspace/deployed-image-is-built-image', 'kubernetes/pdb-allows-disruption', 'kubernetes/service-targets-pods', 'kubernetes/ingress-targets-service', 'kubernetes/service-account', 'workspace/ports-consistent', 'workspace/k8s-refs-resolve']) {
      assert.ok(ids.has(id), `${id} reports on the fixture`);
    }
  });

  const partitions: [string, string[][]][] = [
    ['2 parts, round robin', [0, 1].map((k) => paths.filter((_, i) => i % 2 === k))],
    ['3 parts, round robin', [0, 1, 2].map((k) => paths.filter((_, i) => i % 3 === k))],
    ['by kind', [paths.filter((p) => p.startsWith('deploy/')), paths.filter((p) => !p.startsWith('deploy/'))]],
    ['every file alone', paths.map((p) => [p])],
  ];
  for (const [name, parts] of partitions) {
    it(`gives the serial findings, fixes and related locations: ${name}`, () => {
      const { results } = inParts(parts);
      assert.deepEqual([...results.keys()].sort(), [...expected.keys()].sort());
      for (const [p, r] of expected) assert.equal(results.get(p), r, p);
    });
  }

  it('parses no file outside its part when no rule reads their YAML', () => {
    // Workflows and the HPA/PDB/NetworkPolicy/ServiceAccount files: every other file is read through facts.
    const part = paths.filter((p) => p.startsWith('.github/') || p.endsWith('/scaling.yaml'));
    const { parsedOutside } = inParts([part, paths.filter((p) => !part.includes(p))]);
    assert.deepEqual(parsedOutside[0], []);
  });

  it('parses a file outside its part only for the YAML nodes a rule reads', () => {
    const { parsedOutside } = inParts([paths.filter((p) => p.endsWith('/service.yaml')), paths.filter((p) => !p.endsWith('/service.yaml'))]);
    // service-targets-pods reads the ports of the containers its Services select (app1's selects
    // nobody); network-policy-coverage reads the pod selector of the NetworkPolicy of app1.
    assert.deepEqual(parsedOutside[0].sort(), ['deploy/app0/deployment.yaml', 'deploy/app1/scaling.yaml', 'deploy/app2/deployment.yaml']);
  });
});
