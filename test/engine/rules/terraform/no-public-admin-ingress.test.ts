import rule from '../../../../engine/rules/terraform/no-public-admin-ingress';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.200.0.0/16"]\n  }\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    'resource "aws_security_group_rule" "out" {\n  type        = "egress"\n  from_port   = 0\n  to_port     = 65535\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    'resource "google_compute_firewall" "web" {\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports    = ["80", "443"]\n  }\n}\n',
  ],
  invalid: [
    {
      code: 'resource "aws_security_group" "bastion" {\n  ingress {\n    from_port        = 22\n    to_port          = 22\n    protocol         = "tcp"\n    cidr_blocks      = ["0.0.0.0/0"]\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n',
      errors: [
        { messageId: 'open', line: 6, column: 25, endLine: 6, endColumn: 36 },
        { messageId: 'open', line: 7, column: 25, endLine: 7, endColumn: 31 },
      ],
      output: null,
    },
    {
      code: 'resource "aws_security_group_rule" "all" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      errors: [{ messageId: 'open', line: 6, column: 18, endLine: 6, endColumn: 29 }],
    },
    {
      code: 'resource "aws_vpc_security_group_ingress_rule" "rdp" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = 3389\n  to_port     = 3389\n  ip_protocol = "tcp"\n}\n',
      errors: [{ messageId: 'open', line: 2, column: 17, endLine: 2, endColumn: 28 }],
    },
    {
      code: 'resource "google_compute_firewall" "ssh" {\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports    = ["22"]\n  }\n}\n',
      errors: [{ messageId: 'open', line: 2, column: 20, endLine: 2, endColumn: 31 }],
    },
    {
      code: 'resource "azurerm_network_security_rule" "rdp" {\n  direction                  = "Inbound"\n  access                     = "Allow"\n  source_address_prefix      = "*"\n  destination_port_range     = "3389"\n}\n',
      errors: [{ messageId: 'open', line: 4, column: 32, endLine: 4, endColumn: 35 }],
    },
  ],
});
