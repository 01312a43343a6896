import rule from '../../../../engine/rules/terraform/pin-module-versions';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 5.16"\n}\n',
    'module "web" {\n  source = "../../modules/web"\n}\n',
    'module "net" {\n  source = "git::https://github.com/acme/tf-net.git?ref=v1.4.0"\n}\n',
    'module "net" {\n  source = "github.com/acme/tf-net?ref=3f2c1a9"\n}\n',
    'module "zip" {\n  source = "https://example.com/modules/vpc.zip"\n}\n',
  ],
  invalid: [
    {
      code: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n\n  name = "main"\n}\n',
      errors: [{ messageId: 'registry', line: 2, column: 12, endLine: 2, endColumn: 43 }],
      output: 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n\n  name = "main"\n  version = "~> 1.0"\n}\n',
    },
    {
      code: 'module "net" {\n  source = "git::https://github.com/acme/tf-net.git"\n}\n',
      errors: [{ messageId: 'git', line: 2, column: 12, endLine: 2, endColumn: 53 }],
      output: 'module "net" {\n  source = "git::https://github.com/acme/tf-net.git?ref=v1.0.0"\n}\n',
    },
    {
      code: 'module "net" {\n  source = "git@github.com:acme/tf-net.git?ref=main"\n}\n',
      errors: [{ messageId: 'branch', line: 2, column: 12, endLine: 2, endColumn: 53 }],
      output: null,
    },
  ],
});
