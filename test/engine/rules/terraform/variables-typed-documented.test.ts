import rule from '../../../../engine/rules/terraform/variables-typed-documented';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'variable "region" {\n  description = "AWS region."\n  type        = string\n}\n',
    'output "url" {\n  description = "Public URL."\n  value       = aws_lb.web.dns_name\n}\n',
  ],
  invalid: [
    {
      code: 'variable "instance_count" {\n  default = 2\n}\n',
      errors: [{ messageId: 'variable', line: 1, column: 10, endLine: 1, endColumn: 26, fixes: ['Add a type and a description'] }],
      output: 'variable "instance_count" {\n  description = "instance count"\n  type = number\n  default = 2\n}\n',
    },
    {
      code: 'variable "subnets" {\n  description = "Private subnets."\n  default     = ["a", "b"]\n}\n',
      errors: [{ messageId: 'variable', line: 1, column: 10, endLine: 1, endColumn: 19, fixes: ['Add type = list(string)'] }],
      output: 'variable "subnets" {\n  type        = list(string)\n  description = "Private subnets."\n  default     = ["a", "b"]\n}\n',
    },
    {
      code: 'variable "name" {}\n',
      errors: [{ messageId: 'variable', line: 1, column: 10, endLine: 1, endColumn: 16 }],
      output: 'variable "name" {\n  description = "name"\n  type = string\n}\n',
    },
    {
      code: 'variable "name" {\n  type        = string\n  description = ""\n}\n',
      errors: [{ messageId: 'variable', line: 1, column: 10, endLine: 1, endColumn: 16 }],
      output: 'variable "name" {\n  type        = string\n  description = "name"\n}\n',
    },
    {
      code: 'output "db_endpoint" {\n  value = aws_db_instance.main.endpoint\n}\n',
      errors: [{ messageId: 'output', line: 1, column: 8, endLine: 1, endColumn: 21 }],
      output: 'output "db_endpoint" {\n  description = "db endpoint"\n  value = aws_db_instance.main.endpoint\n}\n',
    },
  ],
});
