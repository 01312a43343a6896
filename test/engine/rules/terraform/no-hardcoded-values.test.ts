import rule from '../../../../engine/rules/terraform/no-hardcoded-values';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'resource "aws_instance" "web" {\n  ami           = data.aws_ami.al2023.id\n  instance_type = var.instance_type\n}\n',
    'provider "aws" {\n  region = "eu-west-1"\n}\n',
    'variable "instance_type" {\n  type    = string\n  default = "t3.small"\n}\n',
    'resource "aws_security_group_rule" "https" {\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    'resource "aws_subnet" "a" {\n  cidr_block = "10.0.1.0/24"\n}\n',
    'module "web" {\n  source        = "./web"\n  instance_type = "m6i.large"\n}\n',
    { code: 'region = "eu-west-1"\n', path: 'prod.tfvars' },
  ],
  invalid: [
    {
      code: 'resource "aws_instance" "web" {\n  ami           = "ami-0abcdef1234567890"\n  instance_type = "t3.small"\n}\n',
      errors: [
        { messageId: 'ami', line: 2, column: 19, endLine: 2, endColumn: 42, fixes: ['Extract to variable "ami_id"'] },
        { messageId: 'size', line: 3, column: 19, endLine: 3, endColumn: 29 },
      ],
    },
    {
      code: 'resource "aws_db_instance" "main" {\n  instance_class = "db.t4g.micro"\n}\n',
      errors: [{ messageId: 'size', line: 2, column: 20, endLine: 2, endColumn: 34 }],
      output:
        'resource "aws_db_instance" "main" {\n  instance_class = var.instance_class\n}\n\nvariable "instance_class" {\n  description = "The instance class."\n  type        = string\n  default     = "db.t4g.micro"\n}\n',
    },
    {
      code: 'resource "aws_iam_role_policy" "p" {\n  policy = "arn:aws:iam::123456789012:role/deploy"\n}\n',
      errors: [{ messageId: 'account', line: 2, column: 26, endLine: 2, endColumn: 38 }],
      output:
        'resource "aws_iam_role_policy" "p" {\n  policy = "arn:aws:iam::${var.account_id}:role/deploy"\n}\n\nvariable "account_id" {\n  description = "The AWS account id."\n  type        = string\n  default     = "123456789012"\n}\n',
    },
    {
      code: 'resource "aws_security_group_rule" "a" {\n  cidr_blocks = ["10.20.0.0/16"]\n}\n\nresource "aws_security_group_rule" "b" {\n  cidr_blocks = ["10.20.0.0/16"]\n}\n',
      name: 'a CIDR repeated: one finding, one variable, every occurrence replaced',
      errors: [{ messageId: 'cidr', line: 2, column: 18, endLine: 2, endColumn: 32 }],
      output:
        'resource "aws_security_group_rule" "a" {\n  cidr_blocks = [var.cidr]\n}\n\nresource "aws_security_group_rule" "b" {\n  cidr_blocks = [var.cidr]\n}\n\nvariable "cidr" {\n  description = "The CIDR block."\n  type        = string\n  default     = "10.20.0.0/16"\n}\n',
    },
    {
      code: 'variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n\ndata "aws_ami" "u" {\n  filter {\n    name   = "region"\n    values = ["eu-west-1"]\n  }\n}\n',
      name: 'an existing variable with that default is reused',
      errors: [{ messageId: 'region', line: 9, column: 15, endLine: 9, endColumn: 26, fixes: ['Use var.region'] }],
      output: 'variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n\ndata "aws_ami" "u" {\n  filter {\n    name   = "region"\n    values = [var.region]\n  }\n}\n',
    },
  ],
});
