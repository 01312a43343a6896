import rule from '../../../../engine/rules/terraform/pin-provider-versions';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 6.0"\n    }\n  }\n}\n',
    'terraform {\n  required_providers {\n    aws = "~> 5.0"\n  }\n}\n',
  ],
  invalid: [
    {
      code: 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n    random = { source = "hashicorp/random" }\n  }\n}\n',
      errors: [
        { messageId: 'missing', line: 3, column: 5, endLine: 3, endColumn: 8, fixes: ['Add a version constraint for aws'] },
        { messageId: 'missing', line: 6, column: 5, endLine: 6, endColumn: 11 },
      ],
      output: 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n      version = "~> 6.0"\n    }\n    random = { source = "hashicorp/random", version = "~> 3.0" }\n  }\n}\n',
    },
    {
      code: 'terraform {\n  required_providers {\n    acme = {\n      source  = "acme/acme"\n      version = ""\n    }\n  }\n}\n',
      errors: [{ messageId: 'missing', line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: 'terraform {\n  required_providers {\n    acme = {\n      source  = "acme/acme"\n      version = "~> 1.0"\n    }\n  }\n}\n',
    },
  ],
});
