// Completion in Terraform files; `|` marks the cursor.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { complete, initEngine, SourceFile, snippetToText } from '../../engine/index';

before(() => initEngine());

async function at(marked: string, path = 'main.tf') {
  const offset = marked.indexOf('|');
  const file = new SourceFile(path, marked.slice(0, offset) + marked.slice(offset + 1));
  return complete(file, offset);
}
const labels = async (marked: string, path?: string) => (await at(marked, path)).map((i) => i.label);

describe('terraform completion', () => {
  it('offers block types at the top level', async () => {
    const l = await labels('resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n\n|');
    for (const want of ['resource', 'data', 'variable', 'output', 'locals', 'module', 'provider', 'terraform']) assert.ok(l.includes(want), want);
  });

  it('offers the arguments of the enclosing block that are not set yet', async () => {
    const l = await labels('variable "region" {\n  type = string\n  |\n}\n');
    assert.ok(l.includes('description') && !l.includes('type'));
    const t = await labels('terraform {\n  |\n}\n');
    assert.deepEqual(t, ['required_version', 'required_providers', 'backend "s3"', 'cloud']);
    const r = await labels('resource "aws_instance" "web" {\n  ami = var.ami\n  |\n}\n');
    assert.ok(r.includes('tags') && r.includes('lifecycle') && r.includes('for_each'));
  });

  it('offers a locked S3 backend in the terraform block', async () => {
    const items = await at('terraform {\n  b|\n}\n');
    const s3 = items.find((i) => i.label === 'backend "s3"')!;
    assert.match(snippetToText(s3.insertText!), /use_lockfile = true/);
  });

  it('offers the missing required tag keys inside tags = { … }', async () => {
    assert.deepEqual(await labels('resource "aws_sqs_queue" "q" {\n  tags = {\n    team = "x"\n    |\n  }\n}\n'), ['environment', 'service', 'cost-center']);
    assert.deepEqual(await labels('provider "aws" {\n  default_tags {\n    tags = {\n      |\n    }\n  }\n}\n'), ['environment', 'service', 'team', 'cost-center']);
    const items = await at('resource "aws_sqs_queue" "q" {\n  tags = merge(var.tags, {\n    |\n  })\n}\n');
    assert.equal(items.find((i) => i.label === 'cost-center')?.insertText, '"cost-center" = "${1}"');
  });

  it('offers default_tags in the provider block, nothing inside values or in tfvars', async () => {
    assert.ok((await labels('provider "aws" {\n  region = "eu-west-1"\n  |\n}\n')).includes('default_tags'));
    assert.deepEqual(await labels('resource "a" "b" {\n  name = "|"\n}\n'), []);
    assert.deepEqual(await labels('region = |\n', 'prod.tfvars'), []);
  });
});
