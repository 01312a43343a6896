import rule from '../../../../engine/rules/terraform/encryption-at-rest';
import { ruleTester } from '../../rule-tester';
import { workspaceCases } from './workspace-cases';

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n';

ruleTester(rule, {
  valid: [
    'resource "aws_ebs_volume" "data" {\n  size      = 100\n  encrypted = true\n}\n',
    'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n}\n',
    'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.main.identifier\n}\n',
    'resource "aws_ebs_volume" "data" {\n  encrypted = var.encrypted\n}\n',
    // Alone, a bucket's encryption configuration may be in another file: silent.
    BUCKET,
  ],
  invalid: [
    {
      code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 33, fixes: ['Set encrypted = true'] }],
      output: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n}\n',
    },
    {
      code: 'resource "aws_rds_cluster" "main" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = false\n}\n',
      errors: [{ messageId: 'disabled', line: 3, column: 23, endLine: 3, endColumn: 28 }],
      output: 'resource "aws_rds_cluster" "main" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = true\n}\n',
    },
    {
      code: 'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n  }\n}\n',
      errors: [{ messageId: 'device', line: 2, column: 3, endLine: 2, endColumn: 20 }],
      output: 'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n    encrypted = true\n  }\n}\n',
    },
  ],
});

workspaceCases(rule, [
  {
    name: 'an S3 bucket without an encryption configuration in its module',
    files: { 'main.tf': BUCKET },
    lint: 'main.tf',
    errors: ['bucket 1:1-1:32'],
    output: `${BUCKET.slice(0, -1)}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n    bucket_key_enabled = true\n  }\n}\n`,
  },
  {
    name: 'the configuration in another file of the module counts',
    files: { 'main.tf': BUCKET, 'encryption.tf': 'resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n' },
    lint: 'main.tf',
    errors: [],
  },
  {
    name: 'a configuration in another module does not',
    files: { 'main.tf': BUCKET, 'other/encryption.tf': 'resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n}\n' },
    lint: 'main.tf',
    errors: ['bucket 1:1-1:32'],
  },
]);
