// The HCL model: offsets are UTF-16 (what the engine uses), references and errors are collected,
// and terraform files are classified and modelled.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine, SourceFile, classify, isCandidateName, lint } from '../../engine/index';
import { parseHcl, insertIntoBlock } from '../../engine/documents/hcl';
import { anchorFile, isRootModule, joinPath, moduleCallsByTarget } from '../../engine/documents/terraform';
import { Workspace } from '../../engine/workspace';

before(() => initEngine());

describe('HCL model', () => {
  it('uses UTF-16 offsets for non-ASCII text (accents, emoji outside the BMP)', () => {
    const text = '# ünïcödé 😀 — ok\nlocals {\n  greeting = "héllo 🌍 wörld"\n  after    = var.x\n}\n';
    const m = parseHcl(text);
    const attrs = m.body.blocks[0].body.attributes;
    const g = attrs[0].value;
    assert.equal(g.type, 'string');
    assert.equal(text.slice(g.range.start, g.range.end), '"héllo 🌍 wörld"');
    assert.equal(g.type === 'string' && g.value, 'héllo 🌍 wörld');
    assert.equal(text.slice(attrs[1].nameRange.start, attrs[1].nameRange.end), 'after');
    assert.deepEqual(m.references.map((r) => [r.parts, text.slice(r.range.start, r.range.end)]), [[['var', 'x'], 'var.x']]);
  });

  it('collects references in templates, function calls, for expressions and conditionals', () => {
    const m = parseHcl('locals {\n  a = "${var.p}-${local.q}"\n  b = [for s in var.list : upper(s)]\n  c = var.on ? data.aws_ami.u.id : null\n  d = aws_instance.web[0].id\n}\n');
    const refs = m.references.map((r) => r.parts.join('.'));
    for (const want of ['var.p', 'local.q', 'var.list', 'var.on', 'data.aws_ami.u.id', 'aws_instance.web']) assert.ok(refs.includes(want), `${want} in ${refs.join(', ')}`);
  });

  it('reports syntax errors as ranges, never throws', () => {
    const m = parseHcl('resource "a" "b" {\n  x = \n');
    assert.ok(m.errors.length > 0);
    for (const e of m.errors) assert.ok(e.range.start >= 0 && e.range.end >= e.range.start);
    for (const t of ['', '{{{{', '"unterminated', '}', 'a = <<EOT\nno end', '\u0000\u0001']) assert.doesNotThrow(() => parseHcl(t));
  });

  it('inserts into a block keeping indentation and aligned equals signs', () => {
    const text = 'resource "aws_ebs_volume" "v" {\n\tavailability_zone = "a"\n\tsize              = 1\n}\n';
    const b = parseHcl(text).body.blocks[0];
    const e = insertIntoBlock(text, b, ['encrypted = true'])!;
    assert.equal(text.slice(0, e.range.start) + e.text + text.slice(e.range.end), 'resource "aws_ebs_volume" "v" {\n\tavailability_zone = "a"\n\tsize              = 1\n\tencrypted         = true\n}\n');
  });
});

describe('terraform files', () => {
  it('classifies *.tf and *.tfvars as terraform, leaves *.tf.json alone', () => {
    assert.equal(classify('infra/main.tf', ''), 'terraform');
    assert.equal(classify('infra/prod.tfvars', ''), 'terraform');
    assert.equal(classify('infra/main.tf.json', '{}'), 'unknown');
    assert.ok(isCandidateName('infra/main.tf'));
    assert.ok(isCandidateName('infra/terraform.tfvars'));
  });

  it('skips terraform files with a reason until initEngine() has resolved (checked in a fresh process)', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = "const e=require('./engine/index');const r=e.lint(new e.SourceFile('main.tf','resource \"a\" \"b\" {}\\n'));console.log(JSON.stringify(r));";
    const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: `${__dirname}/../..`, encoding: 'utf8' });
    const r = JSON.parse(out.stdout) as { findings: unknown[]; skipped?: string };
    assert.deepEqual(r.findings, []);
    assert.match(r.skipped ?? '', /Terraform parser is not loaded yet/);
  });

  it('lints after initEngine()', () => {
    const r = lint(new SourceFile('main.tf', 'resource "aws_ebs_volume" "v" {\n  size = 1\n}\n'));
    assert.equal(r.skipped, undefined);
    assert.ok(r.findings.some((f) => f.ruleId === 'terraform/encryption-at-rest'));
  });
});

describe('module view', () => {
  const ws = new Workspace(undefined, true);
  ws.set('modules/app/main.tf', 'resource "aws_sqs_queue" "q" {}\n');
  ws.set('modules/app/versions.tf', 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = ">= 5.0" }\n  }\n}\n');
  ws.set('envs/prod/main.tf', 'module "app" {\n  source = "../../modules/app"\n}\n');
  ws.set('envs/prod/backend.tf', 'terraform {\n  backend "s3" {}\n}\n');
  ws.set('tools/main.tf', 'resource "aws_sqs_queue" "q" {}\n');

  it('resolves local module sources', () => {
    assert.equal(joinPath('envs/prod', '../../modules/app'), 'modules/app');
    assert.equal(joinPath('', './x/'), 'x');
    assert.deepEqual([...moduleCallsByTarget(ws).keys()], ['modules/app']);
  });

  it('finds root modules: a backend, or nobody calls it', () => {
    assert.equal(isRootModule(ws.get('envs/prod/main.tf')!, ws), true);
    assert.equal(isRootModule(ws.get('modules/app/main.tf')!, ws), false);
    assert.equal(isRootModule(ws.get('tools/main.tf')!, ws), true);
    const alone = new Workspace(undefined, false);
    alone.set('tools/main.tf', 'resource "aws_sqs_queue" "q" {}\n');
    assert.equal(isRootModule(alone.get('tools/main.tf')!, alone), undefined);
  });

  it('puts module-level findings on versions.tf', () => {
    const files = ['modules/app/main.tf', 'modules/app/versions.tf'].map((p) => ws.get(p)!);
    assert.equal(anchorFile(files)?.path, 'modules/app/versions.tf');
  });
});
