// The CLI on a realistic multi-module Terraform repository (test/fixtures/terraform): two root
// modules (staging, production) with their backends and providers, calling one shared module.
// Exactly these findings, and nothing else: no backend or required_version finding for the shared
// module, default_tags of both roots covering its resources, tfvars values not reported.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  range: { start: { line: number; character: number } };
  fix?: unknown;
}

describe('shipready check on the Terraform fixture repository', () => {
  const r = spawnSync(process.execPath, [CLI, 'check', 'test/fixtures/terraform', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });

  it('reports exactly the expected findings', () => {
    assert.equal(r.stderr, '');
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    const got = findings.map((f) => `${f.file.replace('test/fixtures/terraform/', '')}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId}`);
    assert.deepEqual(got, [
      'environments/production/main.tf:21:23 error terraform/no-hardcoded-secrets',
      'environments/production/main.tf:24:29 warning terraform/database-backups',
      'environments/production/security.tf:7:24 error terraform/no-public-admin-ingress',
      'environments/production/versions.tf:1:1 warning terraform/required-version',
      'environments/staging/backend.tf:2:11 warning terraform/state-locking',
      'environments/staging/main.tf:2:12 warning terraform/pin-module-versions',
      'environments/staging/main.tf:19:19 info terraform/deprecated-interpolation',
      'modules/web-service/outputs.tf:11:8 warning terraform/sensitive-outputs',
      'modules/web-service/variables.tf:32:10 info terraform/variables-typed-documented',
      'modules/web-service/variables.tf:61:10 info terraform/unused-declarations',
    ]);
  });

  it('exits 1 because of the errors', () => {
    assert.equal(r.status, 1);
  });
});
