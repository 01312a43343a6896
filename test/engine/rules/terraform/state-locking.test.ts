import rule from '../../../../engine/rules/terraform/state-locking';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'terraform {\n  backend "s3" {\n    bucket       = "state"\n    use_lockfile = true\n  }\n}\n',
    'terraform {\n  backend "s3" {\n    bucket         = "state"\n    dynamodb_table = "terraform-locks"\n  }\n}\n',
    'terraform {\n  backend "gcs" {\n    bucket = "state"\n  }\n}\n',
    'terraform {\n  backend "s3" {\n    use_lockfile = var.lock\n  }\n}\n',
  ],
  invalid: [
    {
      code: 'terraform {\n  backend "s3" {\n    bucket  = "acme-terraform-state"\n    key     = "web/terraform.tfstate"\n    encrypt = true\n  }\n}\n',
      errors: [{ messageId: 's3', line: 2, column: 11, endLine: 2, endColumn: 15, fixes: ['Turn on S3 native locking (use_lockfile = true)'] }],
      output: 'terraform {\n  backend "s3" {\n    bucket  = "acme-terraform-state"\n    key     = "web/terraform.tfstate"\n    encrypt = true\n    use_lockfile = true\n  }\n}\n',
    },
    {
      code: 'terraform {\n  backend "s3" {\n    bucket       = "state"\n    use_lockfile = false\n  }\n}\n',
      errors: [{ messageId: 'disabled', line: 4, column: 20, endLine: 4, endColumn: 25 }],
      output: 'terraform {\n  backend "s3" {\n    bucket       = "state"\n    use_lockfile = true\n  }\n}\n',
    },
    {
      code: 'terraform {\n  backend "s3" {}\n}\n',
      errors: [{ messageId: 's3', line: 2, column: 11, endLine: 2, endColumn: 15 }],
      output: 'terraform {\n  backend "s3" {\n    use_lockfile = true\n  }\n}\n',
    },
    {
      code: 'terraform {\n  backend "http" {\n    address = "https://state.example.com/web"\n  }\n}\n',
      errors: [{ messageId: 'http', line: 2, column: 11, endLine: 2, endColumn: 17 }],
      output: null,
    },
  ],
});
