import rule from '../../../../engine/rules/terraform/no-public-buckets';
import { ruleTester } from '../../rule-tester';
import { workspaceCases } from './workspace-cases';

const BUCKET = 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n';
const PAB = 'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket = aws_s3_bucket.site.id\n\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n';

ruleTester(rule, {
  valid: [BUCKET, PAB, 'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "private"\n}\n'],
  invalid: [
    {
      code: 'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "public-read"\n}\n',
      errors: [{ messageId: 'acl', line: 3, column: 12, endLine: 3, endColumn: 25, fixes: ['Make the ACL private'] }],
      output: 'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "private"\n}\n',
    },
    {
      code: PAB.replace('block_public_policy     = true', 'block_public_policy     = false'),
      errors: [{ messageId: 'flagOff', line: 5, column: 29, endLine: 5, endColumn: 34 }],
      output: PAB,
    },
    {
      code: 'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket            = aws_s3_bucket.site.id\n  block_public_acls = true\n}\n',
      errors: [{ messageId: 'flagMissing', line: 1, column: 1, endLine: 1, endColumn: 52 }],
      output:
        'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket            = aws_s3_bucket.site.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      code: 'resource "google_storage_bucket_iam_member" "public" {\n  bucket = google_storage_bucket.site.name\n  role   = "roles/storage.objectViewer"\n  member = "allUsers"\n}\n',
      errors: [{ messageId: 'member', line: 4, column: 12, endLine: 4, endColumn: 22 }],
      output: null,
    },
  ],
});

workspaceCases(rule, [
  {
    name: 'a bucket without a public access block gets one',
    files: { 'main.tf': BUCKET },
    lint: 'main.tf',
    errors: ['noBlock 1:1-1:32'],
    output: `${BUCKET.slice(0, -1)}\n\n${PAB}`,
  },
  { name: 'the block in another file of the module', files: { 'main.tf': BUCKET, 's3.tf': PAB }, lint: 'main.tf', errors: [] },
  {
    name: 'an account-wide public access block covers every bucket',
    files: { 'main.tf': BUCKET, 'account/main.tf': 'resource "aws_s3_account_public_access_block" "all" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' },
    lint: 'main.tf',
    errors: [],
  },
]);
