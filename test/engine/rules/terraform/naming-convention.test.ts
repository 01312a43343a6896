import rule from '../../../../engine/rules/terraform/naming-convention';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: ['resource "aws_s3_bucket" "access_logs" {\n  bucket = "x"\n}\n', 'variable "instance_type" {}\n', 'locals {\n  name_prefix = "web"\n}\n'],
  invalid: [
    {
      code: 'resource "aws_s3_bucket" "AccessLogs" {\n  bucket = "x"\n}\n\noutput "bucket" {\n  value = aws_s3_bucket.AccessLogs.id\n}\n',
      errors: [{ messageId: 'name', line: 1, column: 26, endLine: 1, endColumn: 38, fixes: ['Rename to access_logs (with a moved block)'] }],
      output:
        'resource "aws_s3_bucket" "access_logs" {\n  bucket = "x"\n}\n\noutput "bucket" {\n  value = aws_s3_bucket.access_logs.id\n}\n\nmoved {\n  from = aws_s3_bucket.AccessLogs\n  to   = aws_s3_bucket.access_logs\n}\n',
    },
    {
      code: 'locals {\n  name-prefix = "web"\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "${local.name-prefix}-q"\n}\n',
      errors: [{ messageId: 'name', line: 2, column: 3, endLine: 2, endColumn: 14 }],
      output: 'locals {\n  name_prefix = "web"\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "${local.name_prefix}-q"\n}\n',
    },
    {
      code: 'variable "instanceType" {}\n',
      errors: [{ messageId: 'name', line: 1, column: 10, endLine: 1, endColumn: 24, fixes: [] }],
      output: null,
    },
  ],
});
