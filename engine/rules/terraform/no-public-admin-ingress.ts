import { defineRule } from '../../define-rule';
import { attr, blocksOf, numValue, strValue, type HclBlock, type HclExpr } from '../../documents/hcl';
import type { Range } from '../../types';

const OPEN = new Set(['0.0.0.0/0', '::/0']);
const AZURE_ANY = new Set(['*', '0.0.0.0/0', '::/0', 'internet', 'any']);
const ADMIN: [number, string][] = [
  [22, 'SSH (22)'],
  [3389, 'RDP (3389)'],
];

/** Open CIDR literals in a string or list attribute. */
function openCidrs(e: HclExpr | undefined): { cidr: string; range: Range }[] {
  if (!e) return [];
  if (e.type === 'string') return OPEN.has(e.value.trim()) ? [{ cidr: e.value.trim(), range: e.range }] : [];
  if (e.type === 'tuple') return e.items.flatMap(openCidrs);
  return [];
}

/** What an inclusive port range exposes; undefined when nothing of interest (or not literal). */
function exposed(from: number | undefined, to: number | undefined, allProtocols: boolean): string | undefined {
  if (allProtocols) return 'every port';
  if (from === undefined || to === undefined) return undefined;
  if (from <= 0 && to >= 65535) return 'every port';
  const hit = ADMIN.filter(([p]) => from <= p && p <= to).map(([, n]) => n);
  return hit.length ? hit.join(' and ') : undefined;
}

/** Ports of a port string: "22", "20-30", "*". */
function portSpec(s: string | undefined): [number, number] | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (t === '*') return [0, 65535];
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(t);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
}

export default defineRule({
  id: 'terraform/no-public-admin-ingress',
  kind: 'terraform',
  type: 'problem',
  severity: 'error',
  summary: 'Security groups and firewalls do not open SSH, RDP or all ports to the internet',
  sources: ['Trivy/tfsec AVD-AWS-0107 (aws-ec2-no-public-ingress-sgr)', 'Checkov CKV_AWS_24, CKV_AWS_25, CKV_AWS_260, CKV_GCP_2, CKV_AZURE_9'],
  messages: {
    open: '{{what}} is open to the internet ({{cidr}}): reach admin ports through a VPN, a bastion or SSM Session Manager.',
  },
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    if (!doc.hcl.ready || doc.isVars) return;
    const report = (cidrs: { cidr: string; range: Range }[], what: string | undefined) => {
      if (!what) return;
      for (const c of cidrs) ctx.report({ range: c.range, messageId: 'open', data: { what: what[0].toUpperCase() + what.slice(1), cidr: c.cidr } });
    };
    const awsRule = (b: HclBlock, cidrAttrs: string[], protocolAttr: string) => {
      const cidrs = cidrAttrs.flatMap((n) => openCidrs(attr(b, n)?.value));
      if (!cidrs.length) return;
      const proto = strValue(attr(b, protocolAttr)?.value) ?? String(numValue(attr(b, protocolAttr)?.value) ?? '');
      report(cidrs, exposed(numValue(attr(b, 'from_port')?.value), numValue(attr(b, 'to_port')?.value), proto === '-1' || proto.toLowerCase() === 'all'));
    };
    const azureRule = (b: HclBlock) => {
      if ((strValue(attr(b, 'direction')?.value) ?? '').toLowerCase() !== 'inbound') return;
      if ((strValue(attr(b, 'access')?.value) ?? '').toLowerCase() !== 'allow') return;
      const src = attr(b, 'source_address_prefix')?.value;
      const srcs = [...(src?.type === 'string' && AZURE_ANY.has(src.value.toLowerCase()) ? [{ cidr: src.value, range: src.range }] : []), ...openCidrs(attr(b, 'source_address_prefixes')?.value)];
      if (!srcs.length) return;
      const specs = [strValue(attr(b, 'destination_port_range')?.value), ...((attr(b, 'destination_port_ranges')?.value.type === 'tuple' ? (attr(b, 'destination_port_ranges')!.value as Extract<HclExpr, { type: 'tuple' }>).items.map(strValue) : []) as (string | undefined)[])];
      const what = specs.map(portSpec).map((p) => (p ? exposed(p[0], p[1], false) : undefined)).find(Boolean);
      report(srcs, what);
    };
    for (const r of doc.resources) {
      const type = r.labels[0]?.value;
      if (type === 'aws_security_group') for (const i of blocksOf(r, 'ingress')) awsRule(i, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
      else if (type === 'aws_security_group_rule' && strValue(attr(r, 'type')?.value) === 'ingress') awsRule(r, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
      else if (type === 'aws_vpc_security_group_ingress_rule') awsRule(r, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol');
      else if (type === 'google_compute_firewall') {
        if ((strValue(attr(r, 'direction')?.value) ?? 'INGRESS').toUpperCase() !== 'INGRESS') continue;
        const cidrs = openCidrs(attr(r, 'source_ranges')?.value);
        if (!cidrs.length) continue;
        for (const a of blocksOf(r, 'allow')) {
          const proto = (strValue(attr(a, 'protocol')?.value) ?? '').toLowerCase();
          const ports = attr(a, 'ports')?.value;
          if (proto === 'all' || (['tcp', 'udp'].includes(proto) && !ports)) report(cidrs, 'every port');
          else if (ports?.type === 'tuple') {
            const what = ports.items.map((p) => portSpec(strValue(p) ?? String(numValue(p) ?? ''))).map((p) => (p ? exposed(p[0], p[1], false) : undefined)).find(Boolean);
            report(cidrs, what);
          }
        }
      } else if (type === 'azurerm_network_security_rule') azureRule(r);
      else if (type === 'azurerm_network_security_group') for (const s of blocksOf(r, 'security_rule')) azureRule(s);
    }
  },
});
