import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../engine/rules/workspace/k8s-refs-resolve';
import { lint, ResolvedConfig, SourceFile, Workspace, type Finding } from '../../../../engine/index';
import { ruleTester } from '../../rule-tester';

function lintIn(files: Record<string, string>, complete = true): Finding[] {
  const ws = new Workspace({ exists: (p) => p in files, readFile: (p) => files[p] }, complete);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: [rule.meta.severity, {}] } }]);
  const result = lint(ws.get(Object.keys(files)[0])!, { config, rules: [rule], workspace: ws });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

function at(path: string, text: string, f: Finding) {
  const file = new SourceFile(path, text);
  const s = file.lines.positionAt(f.range.start);
  const e = file.lines.positionAt(f.range.end);
  return `${f.messageId} ${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

const deploy = `apiVersion: apps/v1
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
      serviceAccountName: api
      imagePullSecrets:
        - name: regcred
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
          envFrom:
            - configMapRef:
                name: api-config
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: api-db
                  key: password
            - name: FEATURE
              valueFrom:
                configMapKeyRef:
                  name: flags
                  key: feature
                  optional: true
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: api-data
`;

const others = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
---
apiVersion: v1
kind: Secret
metadata:
  name: web-db
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
`;

const complete = `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: api-db
---
apiVersion: v1
kind: Secret
metadata:
  name: regcred
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: api-data
`;

// Linted alone, the rule cannot see the other manifests and stays silent.
ruleTester(rule, { valid: [deploy], invalid: [] });

describe('workspace/k8s-refs-resolve', () => {
  it('reports each reference to a kind the manifest set manages but not under that name', () => {
    const f = lintIn({ 'k8s/api.yaml': deploy, 'k8s/web.yaml': others });
    assert.deepEqual(
      f.map((x) => at('k8s/api.yaml', deploy, x)),
      ['missing 12:27-12:30', 'missing 14:17-14:24', 'missing 20:23-20:33', 'missing 25:25-25:31', 'missing 36:24-36:32'],
    );
    assert.equal(f[0].message, 'No ServiceAccount named "api" in the manifests of this workspace, which define other ServiceAccounts: the pod will not start (CreateContainerConfigError or stuck Pending) unless it is created elsewhere.');
    assert.equal(f[0].related, undefined);
  });

  it('accepts objects defined anywhere in the workspace, by SealedSecret, or by a kustomize generator', () => {
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'k8s/web.yaml': others, 'k8s/more.yaml': complete }), []);
    const kust = 'configMapGenerator:\n  - name: api-config\nsecretGenerator:\n  - name: api-db\n  - name: regcred\n';
    const rest = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: api-data\n';
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'k8s/kustomization.yaml': kust, 'k8s/rest.yaml': rest }), []);
  });

  it('stays silent for kinds the manifests never define, well-known names, templates and partial workspaces', () => {
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy }), []);
    assert.deepEqual(lintIn({ 'k8s/api.yaml': deploy, 'k8s/web.yaml': others }, false), []);
    const def = deploy.replace('serviceAccountName: api', 'serviceAccountName: default');
    assert.deepEqual(lintIn({ 'k8s/api.yaml': def, 'k8s/web.yaml': others, 'k8s/more.yaml': complete.replace('name: api\n---', 'name: x\n---') }), []);
    const templated = deploy.replace('claimName: api-data', 'claimName: {{ .Values.claim }}');
    assert.deepEqual(lintIn({ 'chart/templates/api.yaml': templated, 'k8s/web.yaml': others }), []);
  });

  it('matches namespaces', () => {
    const ns = deploy.replace('  name: api\nspec', '  name: api\n  namespace: prod\nspec');
    const cm = complete.replace('  name: api-config', '  name: api-config\n  namespace: staging');
    const f = lintIn({ 'k8s/api.yaml': ns, 'k8s/more.yaml': cm });
    assert.deepEqual(f.map((x) => x.message.slice(0, 40)), ['No ConfigMap named "api-config" in the m']);
  });
});
