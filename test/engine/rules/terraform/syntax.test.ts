import rule from '../../../../engine/rules/terraform/syntax';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
    'terraform {\n  required_version = ">= 1.10"\n}\n\nlocals {\n  name = "web"\n}\n',
    { code: 'region        = "eu-west-1"\ninstance_type = "t3.small"\n', path: 'prod.tfvars', name: 'a variables file' },
    '# only a comment\n',
    '',
  ],
  invalid: [
    {
      code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n',
      errors: [{ messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: null,
    },
    {
      code: 'variable "region" {\n  type = string\n  default = \n}\n',
      name: 'an attribute without a value',
      errors: [{ messageId: 'unexpected', line: 3, column: 3, endLine: 3, endColumn: 12 }],
    },
    {
      code: 'resource "aws_s3_bucket" {\n  bucket = "acme-logs"\n}\n',
      errors: [{ messageId: 'labels', line: 1, column: 10, endLine: 1, endColumn: 25 }],
    },
    {
      code: 'resources "aws_s3_bucket" "logs" {\n}\n',
      errors: [{ messageId: 'unknownBlock', line: 1, column: 1, endLine: 1, endColumn: 10 }],
    },
    {
      code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "a"\n  bucket = "b"\n}\n',
      errors: [{ messageId: 'duplicate', line: 3, column: 3, endLine: 3, endColumn: 9 }],
    },
    {
      code: 'region = "eu-west-1"\nvariable "x" {}\n',
      path: 'terraform.tfvars',
      errors: [{ messageId: 'blockInVars', line: 2, column: 1, endLine: 2, endColumn: 9 }],
    },
  ],
});
