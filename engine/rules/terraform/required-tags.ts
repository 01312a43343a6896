import { defineRule } from '../../define-rule';
import { attr, blocksOf, headRange, hclKey, insertIntoBlock, insertIntoObject, type HclBlock, type HclExpr } from '../../documents/hcl';
import { dirOf, localValue, moduleCallsByTarget, moduleFiles } from '../../documents/terraform';
import type { SourceFile } from '../../documents/source';
import type { WorkspaceView } from '../../workspace';
import type { TextEdit } from '../../types';

const DEFAULT_TAGS = ['environment', 'service', 'team', 'cost-center'];

/** Resource types that take tags although the file may not set any yet. */
const TAGGABLE = new Set([
  'aws_instance', 'aws_launch_template', 'aws_autoscaling_group_tag', 'aws_s3_bucket', 'aws_db_instance', 'aws_rds_cluster', 'aws_dynamodb_table', 'aws_vpc', 'aws_subnet',
  'aws_security_group', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_eip', 'aws_route_table', 'aws_lb', 'aws_alb', 'aws_lb_target_group', 'aws_ecs_cluster',
  'aws_ecs_service', 'aws_ecs_task_definition', 'aws_eks_cluster', 'aws_eks_node_group', 'aws_lambda_function', 'aws_sqs_queue', 'aws_sns_topic', 'aws_kms_key',
  'aws_ecr_repository', 'aws_cloudwatch_log_group', 'aws_elasticache_replication_group', 'aws_elasticache_cluster', 'aws_efs_file_system', 'aws_ebs_volume',
  'aws_iam_role', 'aws_iam_policy', 'aws_secretsmanager_secret', 'aws_cloudfront_distribution', 'aws_api_gateway_rest_api', 'aws_apigatewayv2_api',
  'aws_redshift_cluster', 'aws_docdb_cluster', 'aws_opensearch_domain', 'aws_msk_cluster', 'aws_kinesis_stream', 'aws_sfn_state_machine', 'aws_vpc_endpoint',
  'azurerm_resource_group', 'azurerm_virtual_network', 'azurerm_storage_account', 'azurerm_kubernetes_cluster', 'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine', 'azurerm_key_vault', 'azurerm_postgresql_flexible_server', 'azurerm_mssql_server', 'azurerm_container_registry',
]);

const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Keys of a tags expression; undefined when part of it cannot be read (a variable, a function). */
function tagKeys(e: HclExpr | undefined, files: readonly SourceFile[], depth = 0): Set<string> | undefined {
  if (!e) return new Set();
  if (depth > 5) return undefined;
  if (e.type === 'object') return e.entries.every((x) => x.key !== undefined) ? new Set(e.entries.map((x) => norm(x.key!))) : undefined;
  if (e.type === 'call' && e.name === 'merge') {
    const out = new Set<string>();
    for (const a of e.args) {
      const k = tagKeys(a, files, depth + 1);
      if (!k) return undefined;
      for (const x of k) out.add(x);
    }
    return out;
  }
  if (e.type === 'traversal' && e.parts[0] === 'local' && e.parts.length === 2) {
    const v = localValue(files, e.parts[1]);
    return v ? tagKeys(v, files, depth + 1) : undefined;
  }
  return undefined;
}

/** Keys the module's AWS provider adds through default_tags (inherited from the callers when it has none). */
function defaultTagKeys(dir: string, ws: WorkspaceView, seen = new Set<string>()): Set<string> | undefined {
  if (seen.has(dir)) return new Set();
  seen.add(dir);
  const files = ws.files('terraform').filter((f) => /\.tf$/i.test(f.path) && dirOf(f.path) === dir);
  const providers = files.flatMap((f) => f.terraform.providers).filter((p) => p.labels[0]?.value === 'aws' && !attr(p, 'alias'));
  if (providers.length) {
    const out = new Set<string>();
    for (const p of providers) {
      for (const dt of blocksOf(p, 'default_tags')) {
        const k = tagKeys(attr(dt, 'tags')?.value, files);
        if (!k) return undefined;
        for (const x of k) out.add(x);
      }
    }
    return out;
  }
  // A child module uses its callers' provider configuration: a key counts when every caller has it.
  const callers = moduleCallsByTarget(ws).get(dir) ?? [];
  let common: Set<string> | undefined;
  for (const c of callers) {
    const k = defaultTagKeys(dirOf(c.file.path), ws, seen);
    if (!k) return undefined;
    common = common ? new Set([...common].filter((x) => k.has(x))) : k;
  }
  return common ?? new Set();
}

export default defineRule({
  id: 'terraform/required-tags',
  kind: 'terraform',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Taggable resources carry the required tags (environment, service, team, cost-center), directly or through provider default_tags',
  sources: ['brief (tags for environment, service, team and cost center)', 'tflint-ruleset-aws aws_resource_missing_tags', 'AWS tagging best practices'],
  messages: {
    missing: '{{address}} lacks the tag(s) {{tags}} (neither on the resource nor in the provider\'s default_tags): costs and incidents cannot be traced to an owner.',
  },
  options: {
    type: 'object',
    properties: { tags: { type: 'array', items: { type: 'string' }, minItems: 1 } },
    additionalProperties: false,
  },
  fixable: true,
  crossFile: true,
  check(ctx) {
    const { doc, file, workspace } = ctx;
    if (!doc.hcl.ready || doc.isVars || !workspace.complete) return;
    const required = ((ctx.options.tags as string[] | undefined) ?? DEFAULT_TAGS).filter((t) => t.trim());
    let files: SourceFile[] | undefined;
    let defaults: Set<string> | undefined | null = null;
    const env = /(?:^|\/)(prod|production|staging|stage|dev|development|test|qa)(?:\/|$)/i.exec(dirOf(file.path))?.[1].toLowerCase();
    for (const r of doc.resources) {
      const [type, name] = r.labels.map((l) => l.value);
      const tags = attr(r, 'tags');
      if (!tags && !TAGGABLE.has(type)) continue;
      files ??= moduleFiles(file, workspace);
      const own = tagKeys(tags?.value, files);
      if (!own) continue; // tags from a variable or a function: cannot tell
      if (type.startsWith('aws_')) {
        if (defaults === null) defaults = defaultTagKeys(dirOf(file.path), workspace);
        if (defaults === undefined) continue;
      }
      const have = new Set([...own, ...(type.startsWith('aws_') && defaults ? defaults : [])]);
      const missing = required.filter((t) => !have.has(norm(t)));
      if (!missing.length) continue;
      let tab = 1;
      const value = (t: string) => `"\${${tab++}:${norm(t) === 'environment' && env ? env : 'TODO'}}"`;
      let edit: TextEdit | undefined;
      const target = tags?.value.type === 'object' ? tags.value : tags?.value.type === 'call' && tags.value.args[tags.value.args.length - 1]?.type === 'object' ? tags.value.args[tags.value.args.length - 1] : undefined;
      if (target?.type === 'object' && target.entries.length === 0) {
        edit = { range: target.range, text: `{ ${missing.map((t) => `${hclKey(t)} = ${value(t)}`).join(', ')} }` };
      } else if (target?.type === 'object') {
        const parts = missing.map((t) => insertIntoObject(file.text, target, hclKey(t), value(t)));
        edit = { range: parts[0].range, text: parts.map((p) => p.text).join('') };
      } else if (!tags) {
        const width = Math.max(...missing.map((t) => hclKey(t).length));
        edit = insertIntoBlock(file.text, r, [`tags = {\n${missing.map((t) => `  ${hclKey(t).padEnd(width)} = ${value(t)}`).join('\n')}\n}`]);
      }
      ctx.report({
        range: tags ? tags.nameRange : headRange(r as HclBlock),
        messageId: 'missing',
        data: { address: `${type}.${name}`, tags: missing.join(', ') },
        fixes: edit ? [{ title: `Add the tag(s) ${missing.join(', ')}`, snippet: true, edits: [edit] }] : [],
      });
    }
  },
});
