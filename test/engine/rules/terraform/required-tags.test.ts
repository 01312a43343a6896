import rule from '../../../../engine/rules/terraform/required-tags';
import { ruleTester } from '../../rule-tester';
import { workspaceCases } from './workspace-cases';

const PROVIDER = (tags: string) => `provider "aws" {\n  region = "eu-west-1"\n\n  default_tags {\n    tags = {\n${tags}    }\n  }\n}\n`;
const ALL = '      environment   = "production"\n      service       = "web"\n      team          = "platform"\n      "cost-center" = "cc-4100"\n';
const QUEUE = 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n';

ruleTester(rule, {
  // Alone, the provider's default_tags are unknown: silent.
  valid: [QUEUE],
  invalid: [],
});

workspaceCases(rule, [
  { name: 'default_tags of the provider cover the resources', files: { 'prod/providers.tf': PROVIDER(ALL), 'prod/main.tf': QUEUE }, lint: 'prod/main.tf', errors: [] },
  {
    name: 'a resource without tags and no default_tags: a tags attribute is added',
    files: { 'prod/main.tf': QUEUE },
    lint: 'prod/main.tf',
    errors: ['missing 1:1-1:32'],
    output: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  tags = {\n    environment   = "prod"\n    service       = "TODO"\n    team          = "TODO"\n    "cost-center" = "TODO"\n  }\n}\n',
  },
  {
    name: 'tags complete what default_tags lack; keys match across case and separators',
    files: {
      'prod/providers.tf': PROVIDER('      Environment = "production"\n      Service     = "web"\n'),
      'prod/main.tf': 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  tags = {\n    Team = "platform"\n  }\n}\n',
    },
    lint: 'prod/main.tf',
    errors: ['missing 3:3-3:7'],
    output: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  tags = {\n    Team = "platform"\n    "cost-center" = "TODO"\n  }\n}\n',
  },
  {
    name: 'a shared module inherits the default_tags of every root module that calls it',
    files: {
      'envs/staging/providers.tf': PROVIDER(ALL),
      'envs/staging/main.tf': 'module "app" {\n  source = "../../modules/app"\n}\n',
      'envs/production/providers.tf': PROVIDER('      environment = "production"\n      service     = "web"\n      team        = "platform"\n'),
      'envs/production/main.tf': 'module "app" {\n  source = "../../modules/app"\n}\n',
      'modules/app/main.tf': 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  tags = merge(local.common, { Name = "jobs" })\n}\n\nlocals {\n  common = { component = "queue" }\n}\n',
    },
    lint: 'modules/app/main.tf',
    errors: ['missing 3:3-3:7'],
    output: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  tags = merge(local.common, { Name = "jobs", "cost-center" = "TODO" })\n}\n\nlocals {\n  common = { component = "queue" }\n}\n',
  },
  {
    name: 'tags from a variable cannot be read: silent',
    files: { 'main.tf': 'resource "aws_sqs_queue" "jobs" {\n  tags = var.tags\n}\n' },
    lint: 'main.tf',
    errors: [],
  },
  {
    name: 'a configured tag list',
    files: { 'main.tf': 'resource "aws_sqs_queue" "jobs" {\n  tags = { owner = "me" }\n}\n' },
    lint: 'main.tf',
    options: { tags: ['owner', 'data-classification'] },
    errors: ['missing 2:3-2:7'],
    output: 'resource "aws_sqs_queue" "jobs" {\n  tags = { owner = "me", "data-classification" = "TODO" }\n}\n',
  },
]);
