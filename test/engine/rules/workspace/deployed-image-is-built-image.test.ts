import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/deployed-image-is-built-image';
import { lint, ResolvedConfig, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

/** Lint `target` in a complete workspace made of `files`. */
function lintIn(files: Record<string, string>, target: string, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(target)!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

const WF = '.github/workflows/release.yml';
const release = (push: string, env = '') => `name: Release
on:
  push:
    branches: [main]
${env}jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${push}`;
const buildPushAction = `      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/acme/api:\${{ github.sha }}
`;
const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: ${image}
`;

// Linted alone, the rule cannot see the manifests and stays silent.
ruleTester(rule, { valid: [{ code: release(buildPushAction), path: WF }], invalid: [] });

describe('workspace/deployed-image-is-built-image', () => {
  it('reports a manifest tag CI never pushes, on the push step, with the manifest as related location', () => {
    const files = { [WF]: release(buildPushAction), 'k8s/api.yaml': deployment('ghcr.io/acme/api:latest') };
    const f = lintIn(files, WF);
    assert.deepEqual(f.map((x) => x.messageId), ['tagNeverPushed']);
    const text = files[WF];
    assert.equal(text.slice(f[0].range.start, f[0].range.end), 'docker/build-push-action@v6');
    assert.match(f[0].message, /^k8s\/api\.yaml deploys ghcr\.io\/acme\/api:latest, but CI never pushes that tag \(it pushes ghcr\.io\/acme\/api:\$\{\{ github\.sha \}\}\)/);
    const rel = f[0].related![0];
    assert.equal(rel.path, 'k8s/api.yaml');
    assert.equal(files['k8s/api.yaml'].slice(rel.range.start, rel.range.end), 'ghcr.io/acme/api:latest');
    // nothing is reported in the manifest itself (the rule reports on workflows)
    assert.deepEqual(lintIn(files, 'k8s/api.yaml'), []);
  });

  it('a tag the pipeline can push, a different image, a digest or a template is fine', () => {
    for (const image of ['ghcr.io/acme/api:0123456789abcdef0123456789abcdef01234567', 'ghcr.io/acme/web:latest', 'nginx:1.27', 'ghcr.io/acme/api@sha256:' + 'a'.repeat(64), 'ghcr.io/acme/api:{{ .Values.tag }}']) {
      assert.deepEqual(lintIn({ [WF]: release(buildPushAction), 'k8s/api.yaml': deployment(image) }, WF), [], image);
    }
  });

  it('an image without a tag is :latest; short SHAs and run numbers have their shapes', () => {
    const shortSha = `      - run: |
          docker build -t acme/api:\${GITHUB_SHA::7} .
          docker push acme/api:\${GITHUB_SHA::7}
`;
    assert.deepEqual(lintIn({ [WF]: release(shortSha), 'k8s/api.yaml': deployment('acme/api') }, WF).map((x) => x.messageId), ['tagNeverPushed']);
    assert.deepEqual(lintIn({ [WF]: release(shortSha), 'k8s/api.yaml': deployment('docker.io/acme/api:3f2a9c1') }, WF), []);
    const runNumber = `      - run: docker buildx build --push -t acme/api:1.0.\${{ github.run_number }} .\n`;
    assert.deepEqual(lintIn({ [WF]: release(runNumber), 'k8s/api.yaml': deployment('acme/api:1.0.42') }, WF), []);
    assert.deepEqual(lintIn({ [WF]: release(runNumber), 'k8s/api.yaml': deployment('acme/api:1.0.x') }, WF).map((x) => x.messageId), ['tagNeverPushed']);
  });

  it('resolves env values and metadata-action images', () => {
    const env = 'env:\n  REGISTRY: ghcr.io\n  IMAGE: acme/api\n';
    const push = `      - run: |
          docker build -t \${{ env.REGISTRY }}/\${{ env.IMAGE }}:\${{ github.sha }} .
          docker push $REGISTRY/$IMAGE:\${{ github.sha }}
`;
    assert.deepEqual(lintIn({ [WF]: release(push, env), 'k8s/api.yaml': deployment('ghcr.io/acme/api:stable') }, WF).map((x) => x.messageId), ['tagNeverPushed']);
    const meta = `      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ghcr.io/acme/api
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: \${{ steps.meta.outputs.tags }}
`;
    // metadata-action tags are computed (branch, semver, sha …): any tag may be pushed, but not another registry
    assert.deepEqual(lintIn({ [WF]: release(meta), 'k8s/api.yaml': deployment('ghcr.io/acme/api:1.4.2') }, WF), []);
    assert.deepEqual(lintIn({ [WF]: release(meta), 'k8s/api.yaml': deployment('acme/api:1.4.2') }, WF).map((x) => x.messageId), ['otherRegistry']);
  });

  it('reports an image of the same name from another registry', () => {
    const f = lintIn({ [WF]: release(buildPushAction), 'k8s/api.yaml': deployment('acme/api:0123456789abcdef0123456789abcdef01234567') }, WF);
    assert.deepEqual(f.map((x) => x.messageId), ['otherRegistry']);
    assert.match(f[0].message, /deploys acme\/api:0123456789abcdef0123456789abcdef01234567 from docker\.io, but CI pushes ghcr\.io\/acme\/api/);
  });

  it('checks Compose services that pull the image, not the ones that build it', () => {
    const compose = (svc: string) => `services:\n  api:\n${svc}`;
    assert.deepEqual(lintIn({ [WF]: release(buildPushAction), 'compose.yaml': compose('    image: ghcr.io/acme/api:latest\n') }, WF).map((x) => x.messageId), ['tagNeverPushed']);
    assert.deepEqual(lintIn({ [WF]: release(buildPushAction), 'compose.yaml': compose('    build: .\n    image: ghcr.io/acme/api:latest\n') }, WF), []);
  });

  it('reports a kubectl set image deploy step on that step', () => {
    const deploy = `${release(buildPushAction)}  deploy:
    needs: image
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: kubectl set image deployment/api api=ghcr.io/acme/api:latest
`;
    const f = lintIn({ [WF]: deploy, 'k8s/api.yaml': deployment('ghcr.io/acme/api:latest') }, WF);
    // the manifest's tag is a placeholder the deploy step overrides: only the step is reported
    assert.deepEqual(f.map((x) => x.messageId), ['tagNeverPushed']);
    assert.equal(deploy.slice(f[0].range.start, f[0].range.end), 'kubectl set image deployment/api api=ghcr.io/acme/api:latest');
    assert.match(f[0].message, /^This step deploys ghcr\.io\/acme\/api:latest/);
    assert.equal(f[0].related![0].path, WF);
    const good = deploy.replace('api=ghcr.io/acme/api:latest', 'api=ghcr.io/acme/api:${{ github.sha }}');
    assert.deepEqual(lintIn({ [WF]: good, 'k8s/api.yaml': deployment('ghcr.io/acme/api:latest') }, WF), []);
  });

  it('kustomize image overrides make manifest tags placeholders', () => {
    const files = { [WF]: release(buildPushAction), 'k8s/api.yaml': deployment('ghcr.io/acme/api:latest'), 'k8s/kustomization.yaml': 'resources: [api.yaml]\nimages:\n  - name: ghcr.io/acme/api\n    newTag: abc\n' };
    assert.deepEqual(lintIn(files, WF), []);
  });

  it('a repository name that is an expression could be anything: no guess', () => {
    const push = `      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/\${{ github.repository }}:\${{ github.sha }}
`;
    assert.deepEqual(lintIn({ [WF]: release(push), 'k8s/api.yaml': deployment('ghcr.io/acme/api:latest') }, WF), []);
  });

  it('stays silent without the whole workspace, or when nothing is pushed', () => {
    assert.deepEqual(lintIn({ [WF]: release(buildPushAction), 'k8s/api.yaml': deployment('ghcr.io/acme/api:latest') }, WF, false), []);
    assert.deepEqual(lintIn({ [WF]: release(buildPushAction.replace('push: true', 'push: false')), 'k8s/api.yaml': deployment('ghcr.io/acme/api:latest') }, WF), []);
  });
});
