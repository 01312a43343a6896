import rule from '../../../../engine/rules/terraform/sensitive-outputs';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'output "db_endpoint" {\n  value = aws_db_instance.main.endpoint\n}\n',
    'output "db_password" {\n  value     = random_password.db.result\n  sensitive = true\n}\n',
    'output "secret_arn" {\n  value = aws_secretsmanager_secret.db.arn\n}\n',
  ],
  invalid: [
    {
      code: 'output "db_password" {\n  value = random_password.db.result\n}\n',
      errors: [{ messageId: 'secret', line: 1, column: 8, endLine: 1, endColumn: 21, fixes: ['Mark the output sensitive'] }],
      output: 'output "db_password" {\n  value = random_password.db.result\n  sensitive = true\n}\n',
    },
    {
      code: 'variable "api_token" {\n  type      = string\n  sensitive = true\n}\n\noutput "config" {\n  value     = "token=${var.api_token}"\n  sensitive = false\n}\n',
      errors: [{ messageId: 'secret', line: 6, column: 8, endLine: 6, endColumn: 16 }],
      output: 'variable "api_token" {\n  type      = string\n  sensitive = true\n}\n\noutput "config" {\n  value     = "token=${var.api_token}"\n  sensitive = true\n}\n',
    },
    {
      code: 'output "key" {\n  value = tls_private_key.deploy.private_key_pem\n}\n',
      errors: [{ messageId: 'secret', line: 1, column: 8, endLine: 1, endColumn: 13 }],
    },
  ],
});
