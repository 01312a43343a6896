import rule from '../../../../engine/rules/terraform/unused-declarations';
import { ruleTester } from '../../rule-tester';
import { workspaceCases } from './workspace-cases';

// Alone, a declaration may be used by another file of the module: silent.
ruleTester(rule, { valid: ['variable "unused" {\n  type = string\n}\n'], invalid: [] });

workspaceCases(rule, [
  {
    name: 'an unused variable, local and data source',
    files: {
      'app/main.tf':
        'variable "region" {\n  type = string\n}\n\nvariable "legacy_flag" {\n  type    = bool\n  default = false\n}\n\nlocals {\n  name   = "web"\n  unused = "x"\n}\n\ndata "aws_ami" "old" {\n  most_recent = true\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "${local.name}-${var.region}"\n}\n',
    },
    lint: 'app/main.tf',
    errors: ['variable 5:10-5:23', 'local 12:3-12:9', 'data 15:16-15:21'],
    output: 'variable "region" {\n  type = string\n}\n\nlocals {\n  name   = "web"\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "${local.name}-${var.region}"\n}\n',
  },
  {
    name: 'used from another file of the module',
    files: { 'app/variables.tf': 'variable "region" {\n  type = string\n}\n', 'app/main.tf': 'provider "aws" {\n  region = var.region\n}\n' },
    lint: 'app/variables.tf',
    errors: [],
  },
  {
    name: 'a use in another module does not count',
    files: { 'app/variables.tf': 'variable "region" {\n  type = string\n}\n', 'other/main.tf': 'provider "aws" {\n  region = var.region\n}\n' },
    lint: 'app/variables.tf',
    errors: ['variable 1:10-1:18'],
  },
  {
    name: 'a local that only refers to itself is unused',
    files: { 'main.tf': 'locals {\n  a = "x"\n  b = local.a\n}\n' },
    lint: 'main.tf',
    errors: ['local 3:3-3:4'],
  },
]);
