import rule from '../../../../engine/rules/terraform/database-backups';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    'resource "aws_db_instance" "main" {\n  backup_retention_period = 14\n  skip_final_snapshot     = false\n}\n',
    'resource "aws_db_instance" "main" {\n  backup_retention_period = var.backup_days\n}\n',
    { code: 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n  skip_final_snapshot     = true\n}\n', path: 'envs/staging/main.tf', name: 'skip_final_snapshot outside production' },
    'module "db" {\n  source = "./db"\n}\n',
    'resource "google_sql_database_instance" "main" {\n  settings {\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\n',
  ],
  invalid: [
    {
      code: 'resource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  backup_retention_period = 0\n}\n',
      errors: [{ messageId: 'off', line: 3, column: 29, endLine: 3, endColumn: 30, fixes: ['Keep backups for 7 days'] }],
      output: 'resource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  backup_retention_period = 7\n}\n',
    },
    {
      code: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n}\n',
      errors: [{ messageId: 'default', line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: 'resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n  backup_retention_period = 7\n}\n',
    },
    {
      code: 'resource "aws_db_instance" "orders" {\n  backup_retention_period = 7\n  skip_final_snapshot     = true\n}\n',
      path: 'environments/production/db.tf',
      errors: [{ messageId: 'finalSnapshot', line: 3, column: 29, endLine: 3, endColumn: 33 }],
      output: 'resource "aws_db_instance" "orders" {\n  backup_retention_period = 7\n  skip_final_snapshot     = false\n  final_snapshot_identifier = "orders-final"\n}\n',
    },
    {
      code: 'module "web" {\n  source = "../../modules/web"\n\n  backup_retention_period = 1\n  skip_final_snapshot     = true\n}\n',
      path: 'prod/main.tf',
      name: 'values passed to a module in production',
      errors: [
        { messageId: 'retention', line: 4, column: 29, endLine: 4, endColumn: 30 },
        { messageId: 'finalSnapshot', line: 5, column: 29, endLine: 5, endColumn: 33 },
      ],
      output: 'module "web" {\n  source = "../../modules/web"\n\n  backup_retention_period = 7\n  skip_final_snapshot     = false\n}\n',
    },
    {
      code: 'resource "google_sql_database_instance" "main" {\n  settings {\n    tier = "db-f1-micro"\n  }\n}\n',
      errors: [{ messageId: 'gcp', line: 1, column: 1, endLine: 1, endColumn: 47 }],
      output: 'resource "google_sql_database_instance" "main" {\n  settings {\n    tier = "db-f1-micro"\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\n',
    },
  ],
});
