// The Terraform rules as checklist evidence: backups, encryption at rest, admin ports, remote state.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyManualState, evaluateChecklists, initEngine, lint, rules, Workspace, type ChecklistReport } from '../../engine/index';

before(() => initEngine());

function evaluate(files: Record<string, string>): ChecklistReport {
  const ws = new Workspace(undefined, true);
  for (const [p, t] of Object.entries(files)) ws.set(p, t);
  const results = [...ws.all()].map((file) => ({ file, findings: lint(file, { workspace: ws }).findings }));
  return evaluateChecklists({
    workspace: ws,
    knownRules: new Set(rules.map((r) => r.meta.id)),
    findings: (ids) => results.flatMap((r) => r.findings.filter((f) => ids.includes(f.ruleId)).map((finding) => ({ path: r.file.path, finding, file: r.file }))),
    manual: emptyManualState(),
  });
}

const item = (report: ChecklistReport, id: string) => report.lists.find((l) => l.id === 'security')!.items.find((i) => i.id === id)!;

const BACKEND = 'terraform {\n  required_version = ">= 1.10"\n  backend "s3" {\n    bucket       = "state"\n    key          = "prod/terraform.tfstate"\n    use_lockfile = true\n  }\n}\n';
const DB = (retention: number) => `resource "aws_db_instance" "main" {\n  storage_encrypted       = true\n  backup_retention_period = ${retention}\n}\n`;

describe('checklist evidence from Terraform', () => {
  it('passes with a locked backend, encrypted storage and a week of backups', () => {
    const r = evaluate({ 'prod/versions.tf': BACKEND, 'prod/db.tf': DB(14) });
    assert.equal(item(r, 'remote-state').status, 'pass');
    assert.deepEqual(item(r, 'remote-state').evidence.map((e) => `${e.file}:${e.line} ${e.message}`), ['prod/versions.tf:3 prod: backend "s3"']);
    assert.equal(item(r, 'backups-iac').status, 'pass');
    assert.deepEqual(item(r, 'backups-iac').evidence.map((e) => e.message), ['aws_db_instance.main: backups 14 days']);
    assert.equal(item(r, 'encryption-at-rest-iac').status, 'pass');
    assert.equal(item(r, 'no-public-admin-ports').status, 'pass');
  });

  it('fails with the findings as evidence', () => {
    const r = evaluate({
      'prod/versions.tf': BACKEND.replace('    use_lockfile = true\n', ''),
      'prod/db.tf': DB(0).replace('  storage_encrypted       = true\n', ''),
      'prod/sg.tf': 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    });
    assert.equal(item(r, 'remote-state').status, 'fail');
    assert.match(item(r, 'remote-state').evidence[0].message, /no locking/);
    assert.equal(item(r, 'backups-iac').status, 'fail');
    assert.equal(item(r, 'encryption-at-rest-iac').status, 'fail');
    assert.equal(item(r, 'no-public-admin-ports').status, 'fail');
    assert.equal(item(r, 'no-public-admin-ports').evidence[0].file, 'prod/sg.tf');
  });

  it('is unknown without Terraform', () => {
    const r = evaluate({ Dockerfile: 'FROM node:22-alpine\n' });
    for (const id of ['remote-state', 'backups-iac', 'encryption-at-rest-iac', 'no-public-admin-ports']) assert.equal(item(r, id).status, 'unknown', id);
  });
});
