import rule from '../../../../engine/rules/terraform/deprecated-interpolation';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'resource "aws_instance" "web" {\n  ami = var.ami\n}\n',
    'locals {\n  name = "${var.prefix}-web"\n}\n',
    'locals {\n  text = <<EOT\n${var.x}\nEOT\n}\n',
  ],
  invalid: [
    {
      code: 'resource "aws_instance" "web" {\n  ami  = "${var.ami}"\n  tags = { Name = "${local.name}" }\n}\n',
      errors: [
        { messageId: 'only', line: 2, column: 10, endLine: 2, endColumn: 22, fixes: ['Replace with var.ami'] },
        { messageId: 'only', line: 3, column: 19, endLine: 3, endColumn: 34 },
      ],
      output: 'resource "aws_instance" "web" {\n  ami  = var.ami\n  tags = { Name = local.name }\n}\n',
    },
    {
      code: 'output "ids" {\n  value = ["${aws_instance.web.*.id}"]\n}\n',
      errors: [{ messageId: 'only', line: 2, column: 12, endLine: 2, endColumn: 38 }],
      output: 'output "ids" {\n  value = [aws_instance.web.*.id]\n}\n',
    },
  ],
});
