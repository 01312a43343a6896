import rule from '../../../../engine/rules/terraform/no-hardcoded-secrets';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  username = "app"\n  password = var.db_password\n}\n',
    'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
    'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db/password"\n}\n',
    'resource "aws_db_instance" "main" {\n  manage_master_user_password = true\n  password_length             = "32"\n}\n',
    'resource "random_password" "db" {\n  length  = 32\n  special = true\n}\n',
    { code: 'region = "eu-west-1"\n', path: 'prod.tfvars' },
  ],
  invalid: [
    {
      code: 'resource "aws_db_instance" "main" {\n  username = "app"\n  password = "hunter2-prod"\n}\n',
      errors: [{ messageId: 'attribute', line: 3, column: 14, endLine: 3, endColumn: 28, fixes: ['Replace with the sensitive variable var.main_password'] }],
      output:
        'resource "aws_db_instance" "main" {\n  username = "app"\n  password = var.main_password\n}\n\nvariable "main_password" {\n  description = "password of aws_db_instance.main (set it through TF_VAR_main_password or a secrets manager)."\n  type        = string\n  sensitive   = true\n}\n',
    },
    {
      code: 'variable "api_token" {\n  type    = string\n  default = "tok-8f2a9c1e"\n}\n',
      errors: [{ messageId: 'default', line: 3, column: 13, endLine: 3, endColumn: 27 }],
      output: 'variable "api_token" {\n  type    = string\n  sensitive = true\n}\n',
    },
    {
      code: 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n',
      errors: [
        { messageId: 'attribute', line: 3, column: 16, endLine: 3, endColumn: 38 },
        { messageId: 'attribute', line: 4, column: 16, endLine: 4, endColumn: 58 },
      ],
    },
    {
      code: 'locals {\n  env = {\n    DB_PASSWORD = "s3cr3t-value"\n  }\n}\n',
      name: 'a secret-named key inside locals',
      errors: [{ messageId: 'attribute', line: 3, column: 19, endLine: 3, endColumn: 33 }],
    },
    {
      code: 'resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      GITHUB = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n    }\n  }\n}\n',
      name: 'a credential-shaped value under any name',
      errors: [{ messageId: 'pattern', line: 4, column: 16, endLine: 4, endColumn: 58 }],
      output: null,
    },
    {
      code: 'terraform {\n  backend "s3" {\n    bucket     = "state"\n    secret_key = "wJalrXUtnFEMI/K7MDENG"\n  }\n}\n',
      name: 'backend credentials (no variable fix: backends cannot read variables)',
      errors: [{ messageId: 'attribute', line: 4, column: 18, endLine: 4, endColumn: 41 }],
      output: null,
    },
    {
      code: 'db_password = "Pr0d-Passw0rd"\n',
      path: 'production.tfvars',
      errors: [{ messageId: 'vars', line: 1, column: 15, endLine: 1, endColumn: 30 }],
      output: null,
    },
  ],
});
