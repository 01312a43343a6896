import { defineRule } from '../../define-rule';
import type { DfProperty, Stage } from '../../documents/dockerfile';
import { endOfInstruction, insertLines } from '../../fixes/dockerfile';

type LabelType = 'url' | 'rfc3339' | 'spdx' | 'semver' | 'hash' | 'email' | 'text';

const OCI = 'org.opencontainers.image.';
const DEFAULT_SCHEMA: Record<string, LabelType> = {
  [`${OCI}created`]: 'rfc3339',
  [`${OCI}url`]: 'url',
  [`${OCI}source`]: 'url',
  [`${OCI}documentation`]: 'url',
  [`${OCI}licenses`]: 'spdx',
  [`${OCI}revision`]: 'hash',
  [`${OCI}version`]: 'text',
  [`${OCI}title`]: 'text',
  [`${OCI}description`]: 'text',
  [`${OCI}authors`]: 'text',
  [`${OCI}vendor`]: 'text',
};
const DEFAULT_REQUIRED = [`${OCI}source`, `${OCI}description`, `${OCI}licenses`];
const PLACEHOLDER: Record<string, string> = { [`${OCI}source`]: 'https://github.com/OWNER/REPO', [`${OCI}licenses`]: 'MIT', [`${OCI}description`]: 'What this image runs' };

const CHECKS: Record<LabelType, (v: string) => boolean> = {
  url: (v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v),
  rfc3339: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
  spdx: (v) => /^\(*[A-Za-z0-9.+-]+\)*(?:\s+(?:AND|OR|WITH)\s+\(*[A-Za-z0-9.+-]+\)*)*$/.test(v.trim()),
  semver: (v) => /^v?(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(v),
  hash: (v) => /^[0-9a-f]{7,40}$|^[0-9a-f]{64}$/.test(v),
  email: (v) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(v),
  text: () => true,
};
const RESERVED = /^(?:com\.docker\.|io\.docker\.|org\.dockerproject\.)/;
const KEY = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

export default defineRule({
  id: 'dockerfile/oci-labels',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  preset: 'strict',
  summary: 'The shipped image carries the required OCI labels, each well-formed (URL, RFC 3339 date, SPDX licence, git hash …)',
  sources: ['hadolint DL3048', 'hadolint DL3049', 'hadolint DL3050', 'hadolint DL3051', 'hadolint DL3052', 'hadolint DL3053', 'hadolint DL3054', 'hadolint DL3055', 'hadolint DL3056', 'hadolint DL3058'],
  messages: {
    missing: 'The image lacks the label{{s}} {{labels}}: registries and scanners use them to link the image to its source, licence and description.',
    invalid: 'Label {{label}}="{{value}}" is not a valid {{type}}.',
    empty: 'Label {{label}} is empty.',
    badKey: 'Label key "{{label}}" {{why}}.',
  },
  fixable: true,
  options: {
    type: 'object',
    properties: {
      required: { type: 'array', items: { type: 'string' }, description: 'Labels the shipped image must have.' },
      schema: {
        type: 'object',
        additionalProperties: { enum: ['url', 'rfc3339', 'spdx', 'semver', 'hash', 'email', 'text'] },
        description: 'Label → value format, merged over the OCI defaults.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { doc, file } = ctx;
    const final = doc.finalStage;
    if (!final) return;
    const required = Array.isArray(ctx.options.required) ? (ctx.options.required as string[]) : DEFAULT_REQUIRED;
    const schema: Record<string, LabelType> = { ...DEFAULT_SCHEMA, ...((ctx.options.schema as Record<string, LabelType>) ?? {}) };
    const labels = new Map<string, DfProperty>();
    const chain: Stage[] = [];
    const seen = new Set<Stage>();
    for (let s: Stage | undefined = final; s && !seen.has(s); s = s.from.fromStage) {
      seen.add(s);
      chain.unshift(s);
    }
    for (const s of chain) for (const i of s.instructions) if (i.keyword === 'LABEL') for (const p of i.properties) labels.set(p.name, p);

    for (const [name, p] of labels) {
      const range = p.nameRange;
      if (RESERVED.test(name)) ctx.report({ range, messageId: 'badKey', data: { label: name, why: 'uses a namespace reserved for Docker' } });
      else if (!KEY.test(name) && !name.includes('$')) ctx.report({ range, messageId: 'badKey', data: { label: name, why: 'should be lowercase letters, digits, dots and dashes, in reverse-DNS form' } });
      const type = schema[name];
      const value = p.value ?? '';
      if (!type || value.includes('$')) continue;
      if (value.trim() === '') {
        if (type !== 'text' || required.includes(name)) ctx.report({ range: p.valueRange ?? range, messageId: 'empty', data: { label: name } });
      } else if (!CHECKS[type](value)) ctx.report({ range: p.valueRange ?? range, messageId: 'invalid', data: { label: name, value, type: type === 'spdx' ? 'SPDX licence expression' : type === 'rfc3339' ? 'RFC 3339 date-time' : type === 'hash' ? 'git commit hash' : type } });
    }

    const missing = required.filter((r) => !labels.has(r));
    if (missing.length === 0) return;
    const lines = missing.map((m, k) => `${k === 0 ? 'LABEL ' : '      '}${m}="\${${k + 1}:${PLACEHOLDER[m] ?? 'VALUE'}}"${k < missing.length - 1 ? ` ${doc.escapeChar}` : ''}`);
    const from = final.from;
    ctx.report({
      range: { start: from.instruction.keywordRange.start, end: from.imageRange.end },
      messageId: 'missing',
      data: { s: missing.length > 1 ? 's' : '', labels: missing.join(', ') },
      fixes: [{ title: `Add ${missing.length > 1 ? 'the labels' : missing[0]}…`, snippet: true, edits: [insertLines(file, endOfInstruction(file, from.instruction), lines)] }],
    });
  },
});
