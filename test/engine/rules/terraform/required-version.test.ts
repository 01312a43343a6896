import rule from '../../../../engine/rules/terraform/required-version';
import { ruleTester } from '../../rule-tester';
import { workspaceCases } from './workspace-cases';

const BACKEND = 'terraform {\n  backend "s3" {\n    bucket       = "state"\n    use_lockfile = true\n  }\n}\n';

ruleTester(rule, {
  valid: ['terraform {\n  required_version = ">= 1.10"\n}\n', 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n'],
  invalid: [
    {
      code: BACKEND,
      name: 'a backend makes it a root module even when the workspace is unknown',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 10 }],
      output: 'terraform {\n  required_version = ">= 1.10"\n  backend "s3" {\n    bucket       = "state"\n    use_lockfile = true\n  }\n}\n',
    },
  ],
});

workspaceCases(rule, [
  {
    name: 'a root module without a terraform block',
    files: { 'live/main.tf': '# The web service.\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n' },
    lint: 'live/main.tf',
    errors: ['missing 2:1-2:29'],
    output: '# The web service.\nterraform {\n  required_version = ">= 1.10"\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
  },
  {
    name: 'required_version in another file of the module',
    files: { 'live/main.tf': BACKEND, 'live/versions.tf': 'terraform {\n  required_version = "~> 1.10"\n}\n' },
    lint: 'live/main.tf',
    errors: [],
  },
  {
    name: 'a child module is not asked for required_version',
    files: { 'modules/q/main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n', 'live/main.tf': `${BACKEND}\nmodule "q" {\n  source = "../modules/q"\n}\n`, 'live/versions.tf': 'terraform {\n  required_version = "~> 1.10"\n}\n' },
    lint: 'modules/q/main.tf',
    errors: [],
  },
]);
