import rule from '../../../../engine/rules/terraform/remote-backend';
import { ruleTester } from '../../rule-tester';
import { workspaceCases } from './workspace-cases';

const MAIN = 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n';

ruleTester(rule, {
  // Alone (the workspace unknown) a file without a backend may be a child module: silent.
  valid: [MAIN, 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n'],
  invalid: [
    {
      code: 'terraform {\n  backend "local" {\n    path = "terraform.tfstate"\n  }\n}\n',
      errors: [{ messageId: 'local', line: 2, column: 11, endLine: 2, endColumn: 18 }],
    },
  ],
});

workspaceCases(rule, [
  {
    name: 'a root module without a backend gets an s3 skeleton in its terraform block',
    files: { 'envs/prod/main.tf': MAIN, 'envs/prod/versions.tf': 'terraform {\n  required_version = ">= 1.10"\n}\n' },
    lint: 'envs/prod/versions.tf',
    errors: ['missing 1:1-1:10'],
    output:
      'terraform {\n  required_version = ">= 1.10"\n  backend "s3" {\n    bucket       = "my-org-terraform-state"\n    key          = "envs/prod/terraform.tfstate"\n    region       = "eu-west-1"\n    encrypt      = true\n    use_lockfile = true\n  }\n}\n',
  },
  {
    name: 'only the anchor file of the module reports',
    files: { 'envs/prod/main.tf': MAIN, 'envs/prod/versions.tf': 'terraform {\n  required_version = ">= 1.10"\n}\n' },
    lint: 'envs/prod/main.tf',
    errors: [],
  },
  {
    name: 'a module that another module calls is a child: silent',
    files: { 'modules/queue/main.tf': MAIN, 'envs/prod/main.tf': 'terraform {\n  backend "s3" {\n    bucket       = "s"\n    use_lockfile = true\n  }\n}\n\nmodule "queue" {\n  source = "../../modules/queue"\n}\n' },
    lint: 'modules/queue/main.tf',
    errors: [],
  },
  {
    name: 'the backend may live in another file of the folder',
    files: { 'main.tf': MAIN, 'backend.tf': 'terraform {\n  backend "gcs" {\n    bucket = "s"\n  }\n}\n' },
    lint: 'main.tf',
    errors: [],
  },
  {
    name: 'no terraform block: a new one is inserted, gcs for a Google configuration',
    files: { 'main.tf': 'provider "google" {\n  project = "acme"\n}\n' },
    lint: 'main.tf',
    errors: ['missing 1:1-1:18'],
    output: 'terraform {\n  backend "gcs" {\n    bucket = "my-org-terraform-state"\n    prefix = "root"\n  }\n}\n\nprovider "google" {\n  project = "acme"\n}\n',
  },
]);
