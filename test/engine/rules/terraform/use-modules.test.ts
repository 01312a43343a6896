import rule from '../../../../engine/rules/terraform/use-modules';
import { ruleTester } from '../../rule-tester';
import { workspaceCases } from './workspace-cases';

const queues = (n: number) => Array.from({ length: n }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`).join('\n');

ruleTester(rule, { valid: [queues(3)], invalid: [] });

workspaceCases(rule, [
  { name: 'a few resources', files: { 'live/main.tf': queues(5) }, lint: 'live/main.tf', errors: [] },
  { name: 'many resources in a root module', files: { 'live/main.tf': queues(16) }, lint: 'live/main.tf', errors: ['many 1:1-1:30'] },
  { name: 'a configured limit', files: { 'live/main.tf': queues(5) }, lint: 'live/main.tf', options: { maxResources: 4 }, errors: ['many 1:1-1:30'] },
  {
    name: 'a module called by another is not a root module',
    files: { 'modules/q/main.tf': queues(16), 'live/main.tf': 'module "q" {\n  source = "../modules/q"\n}\n' },
    lint: 'modules/q/main.tf',
    errors: [],
  },
]);
