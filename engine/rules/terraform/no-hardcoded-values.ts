import { defineRule } from '../../define-rule';
import { hclString, type HclBlock, type HclExpr } from '../../documents/hcl';
import { freeVariableName, moduleFiles, variableBlock } from '../../documents/terraform';
import type { Range, RelatedLocation } from '../../types';

const AMI = /^ami-[0-9a-f]{8,17}$/;
const REGION = /^(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/;
const ACCOUNT_IN_ARN = /^arn:aws[\w-]*:[\w-]*:[\w-]*:(\d{12}):/;
const ACCOUNT = /^\d{12}$/;
const CIDR = /^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/;
const SIZE_ATTRS = new Set(['instance_type', 'instance_class', 'node_type', 'machine_type', 'vm_size', 'instance_types', 'db_instance_class', 'cache_node_type']);

type Kind = 'ami' | 'account' | 'region' | 'size' | 'cidr';
interface Hit {
  kind: Kind;
  value: string;
  /** The text to replace: the whole literal, or the account id inside an ARN. */
  range: Range;
  literal: boolean;
  attr: string;
}

export default defineRule({
  id: 'terraform/no-hardcoded-values',
  kind: 'terraform',
  type: 'suggestion',
  severity: 'info',
  summary: 'Environment-specific values (region, account, AMI, CIDR, instance size) come from variables, not literals in resources',
  sources: ['brief (no hard-coded values)', 'HashiCorp recommended practices: parameterise environments'],
  messages: {
    ami: 'AMI id "{{value}}" is hard-coded: AMIs differ per region and go stale. Use a variable or a data "aws_ami" lookup.',
    account: 'AWS account id "{{value}}" is hard-coded: use a variable or data "aws_caller_identity".',
    region: 'Region "{{value}}" is hard-coded in a resource: use a variable (or the provider\'s region).',
    size: '{{attr}} "{{value}}" is hard-coded: staging and production usually differ. Use a variable.',
    cidr: 'CIDR "{{value}}" is repeated {{count}} times: declare it once as a variable.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    const hits: Hit[] = [];
    const visit = (e: HclExpr, attrName: string) => {
      if (e.type === 'string') {
        const v = e.value;
        if (AMI.test(v)) hits.push({ kind: 'ami', value: v, range: e.range, literal: true, attr: attrName });
        else if (REGION.test(v)) hits.push({ kind: 'region', value: v, range: e.range, literal: true, attr: attrName });
        else if (ACCOUNT.test(v) && /account/.test(attrName)) hits.push({ kind: 'account', value: v, range: e.range, literal: true, attr: attrName });
        else if (CIDR.test(v) && v !== '0.0.0.0/0') hits.push({ kind: 'cidr', value: v, range: e.range, literal: true, attr: attrName });
        else if (SIZE_ATTRS.has(attrName)) hits.push({ kind: 'size', value: v, range: e.range, literal: true, attr: attrName });
        else {
          const m = ACCOUNT_IN_ARN.exec(v);
          if (m && file.text.slice(e.valueRange.start, e.valueRange.end) === v) {
            const at = e.valueRange.start + m[0].length - 1 - m[1].length;
            hits.push({ kind: 'account', value: m[1], range: { start: at, end: at + 12 }, literal: false, attr: attrName });
          }
        }
      } else if (e.type === 'tuple') for (const i of e.items) visit(i, attrName);
      else if (e.type === 'object') for (const en of e.entries) visit(en.value, en.key ?? attrName);
    };
    const walk = (b: HclBlock) => {
      for (const a of b.body.attributes) visit(a.value, a.name);
      for (const c of b.body.blocks) walk(c);
    };
    for (const b of [...doc.resources, ...doc.data]) walk(b);

    const byValue = new Map<string, Hit[]>();
    for (const h of hits) {
      const k = `${h.kind}\0${h.value}`;
      byValue.set(k, [...(byValue.get(k) ?? []), h]);
    }
    let files: ReturnType<typeof moduleFiles> | undefined;
    const pending = new Set<string>();
    for (const group of byValue.values()) {
      const first = group[0];
      if (first.kind === 'cidr' && group.length < 2) continue;
      files ??= moduleFiles(file, ctx.workspace);
      const wanted = first.kind === 'ami' ? 'ami_id' : first.kind === 'account' ? 'account_id' : first.kind === 'region' ? 'region' : first.kind === 'cidr' ? cidrName(first.attr) : first.attr;
      // Reuse a variable that already holds this value as its default.
      const existing = files.flatMap((f) => f.terraform.variables).find((v) => {
        const d = v.body.attributes.find((a) => a.name === 'default');
        return d?.value.type === 'string' && d.value.value === first.value;
      });
      let name = existing?.labels[0]?.value ?? freeVariableName(files, wanted);
      while (!existing && pending.has(name)) name = `${name}_2`;
      pending.add(name);
      const edits = group.map((h) => ({ range: h.range, text: h.literal ? `var.${name}` : `\${var.${name}}` }));
      if (!existing) {
        const what = first.kind === 'size' ? `${first.attr.replace(/_/g, ' ')}` : first.kind === 'cidr' ? 'CIDR block' : first.kind === 'ami' ? 'AMI id' : first.kind === 'account' ? 'AWS account id' : 'AWS region';
        edits.push(variableBlock(file.text, name, [`description = ${hclString(`The ${what}.`)}`, 'type = string', `default = ${hclString(first.value)}`]));
      }
      const related: RelatedLocation[] = group.slice(1).map((h) => ({ path: file.path, range: h.range, message: `"${h.value}" again` }));
      ctx.report({
        range: first.range,
        messageId: first.kind,
        data: { value: first.value, attr: first.attr, count: group.length },
        fixes: [{ title: existing ? `Use var.${name}` : `Extract to variable "${name}"`, edits }],
        ...(related.length ? { related } : {}),
      });
    }
  },
});

function cidrName(attrName: string): string {
  const base = attrName.replace(/_blocks?$/, '');
  return /cidr$/.test(base) ? base : `${base}_cidr`;
}
