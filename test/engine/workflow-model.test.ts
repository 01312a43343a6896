import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../engine/documents/source';
import { closest, isDeployJob, jobStages, majorOf, parseUses, transitiveNeeds, workflowModel } from '../../engine/documents/workflow';
import { conditionExpression, envNameFor, findExpressions, isUntrusted, isWholeExpression } from '../../engine/documents/expressions';

const wf = (text: string, path = '.github/workflows/ci.yml') => workflowModel(new SourceFile(path, text));

describe('workflow model', () => {
  const text = `name: CI
on:
  push:
    branches: [main]
  pull_request_target:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - id: setup
        uses: "actions/setup-node@v4"
        with:
          node-version: 22
      - run: npm test
        shell: bash
  deploy:
    needs: [test]
    environment:
      name: production
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/
  call:
    needs: deploy
    uses: acme/platform/.github/workflows/notify.yml@v1
    secrets: inherit
`;

  it('is built once per parse', () => {
    const f = new SourceFile('.github/workflows/ci.yml', text);
    assert.equal(workflowModel(f), workflowModel(f));
  });

  it('reads triggers, permissions, jobs, needs, environments and steps with ranges', () => {
    const m = wf(text);
    assert.deepEqual(m.triggers.map((t) => t.name), ['push', 'pull_request_target']);
    assert.ok(m.hasTrigger('pull_request_target'));
    assert.ok(m.triggers[0].config?.has('branches'));
    assert.ok(m.permissionsPair);
    assert.deepEqual(m.jobs.map((j) => j.id), ['test', 'deploy', 'call']);
    const [test, deploy, call] = m.jobs;
    assert.deepEqual(deploy.needs.map((n) => n.name), ['test']);
    assert.equal(text.slice(deploy.needs[0].range.start, deploy.needs[0].range.end), 'test');
    assert.equal(deploy.environment, 'production');
    assert.equal(call.uses, 'acme/platform/.github/workflows/notify.yml@v1');
    assert.deepEqual(call.needs.map((n) => n.name), ['deploy']);
    assert.equal(test.steps.length, 2);
    const [setup, run] = test.steps;
    assert.deepEqual([setup.id, setup.uses, setup.action, setup.ref], ['setup', 'actions/setup-node@v4', 'actions/setup-node', 'v4']);
    assert.equal(text.slice(setup.range.start, setup.range.end), '"actions/setup-node@v4"');
    assert.equal(run.run, 'npm test');
    assert.equal(run.shell, 'bash');
    assert.equal(m.steps().length, 3);
    assert.deepEqual([...transitiveNeeds(m, call)].sort(), ['deploy', 'test']);
  });

  it('recognises deploy jobs and pipeline stages', () => {
    const m = wf(text);
    assert.deepEqual(m.jobs.map(isDeployJob), [false, true, false]);
    assert.deepEqual([...jobStages(m.jobs[0])], ['test']);
    const t = wf('on: push\njobs:\n  chart-test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: helm/kind-action@v1\n      - run: helm install x ./chart\n  pages:\n    runs-on: ubuntu-latest\n    environment: github-pages\n    steps:\n      - uses: actions/deploy-pages@v4\n');
    assert.deepEqual(t.jobs.map(isDeployJob), [false, false]);
  });

  it('reads composite actions as one pseudo-job', () => {
    const m = wf('name: Setup\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: bash\n', 'action.yml');
    assert.ok(m.isAction);
    assert.equal(m.using, 'composite');
    assert.equal(m.jobs.length, 1);
    assert.ok(m.jobs[0].composite);
    assert.equal(m.steps()[0].run, 'echo hi');
  });

  it('handles empty and odd files', () => {
    for (const t of ['', '\n', '# only a comment\n', 'jobs:\n', 'on: push\njobs: [a]\n', 'on: push\njobs:\n  a:\n    steps: {}\n']) {
      const m = wf(t);
      assert.ok(Array.isArray(m.jobs));
      assert.ok(Array.isArray(m.steps()));
    }
  });

  it('parses uses references and versions', () => {
    assert.deepEqual(parseUses('github/codeql-action/init@v3'), { owner: 'github', repo: 'codeql-action', path: 'init', ref: 'v3', action: 'github/codeql-action' });
    assert.equal(parseUses('./local'), undefined);
    assert.equal(parseUses('docker://alpine:3'), undefined);
    assert.deepEqual([majorOf('v4'), majorOf('v4.1.2'), majorOf('3'), majorOf('main'), majorOf('b4ffde65f46336ab88eb53be808477a3936bae11')], [4, 4, 3, undefined, undefined]);
    assert.equal(closest('timeout-minute', ['timeout-minutes', 'steps']), 'timeout-minutes');
    assert.equal(closest('bsh', ['bash', 'sh']), undefined, 'ties give no suggestion');
  });
});

describe('expressions', () => {
  it('finds ${{ }} with document offsets, context references and calls', () => {
    const text = 'run: echo ${{ github.event.issue.title }} and ${{ format(\'{0}\', steps.a.outputs[\'x-y\']) }}';
    const list = findExpressions(text);
    assert.equal(list.length, 2);
    assert.equal(text.slice(list[0].range.start, list[0].range.end), '${{ github.event.issue.title }}');
    assert.deepEqual(list[0].refs.map((r) => r.path), [['github', 'event', 'issue', 'title']]);
    assert.equal(text.slice(list[0].refs[0].range.start, list[0].refs[0].range.end), 'github.event.issue.title');
    assert.deepEqual(list[1].calls.map((c) => [c.name, c.args.length]), [['format', 2]]);
    assert.deepEqual(list[1].refs[0].path, ['steps', 'a', 'outputs', 'x-y']);
    assert.equal(list[1].error, undefined);
  });

  it('reports syntax errors without throwing', () => {
    for (const [src, msg] of [
      ['${{ github.sha }', 'not closed'],
      ['${{ a == }}', 'ends after'],
      ['${{ (a }}', 'not closed'],
      ['${{ "x" }}', 'single quotes'],
      ['${{ a b }}', 'operator is missing'],
      ['${{ }}', 'empty'],
    ]) {
      const e = findExpressions(src)[0];
      assert.ok(e.error && e.error.message.includes(msg), `${src}: ${e.error?.message}`);
    }
  });

  it('reads if: conditions with and without ${{ }}', () => {
    const text = "if: github.ref == 'refs/heads/main' && success()";
    const node = { value: text.slice(4), type: 'PLAIN', range: [4, text.length, text.length] as [number, number, number] };
    const e = conditionExpression(text, node)!;
    assert.equal(e.error, undefined);
    assert.deepEqual(e.refs.map((r) => r.path.join('.')), ['github.ref']);
    assert.deepEqual(e.calls.map((c) => c.name), ['success']);
    assert.ok(isWholeExpression('${{ a }}'));
    assert.ok(!isWholeExpression('${{ a }} && ${{ b }}'));
  });

  it('knows untrusted inputs and names env variables for them', () => {
    const all = findExpressions('${{ github.event.pull_request.head.ref }} ${{ github.event.pull_request.head.sha }} ${{ github.event.commits[0].message }}').flatMap((x) => x.refs);
    assert.deepEqual(all.map(isUntrusted), [true, false, true]);
    assert.equal(envNameFor(all[0]), 'HEAD_REF');
  });
});
