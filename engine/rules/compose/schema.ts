import type { ErrorObject, ValidateFunction } from 'ajv';
import { defineRule } from '../../define-rule';
import { composeModel, plainToJS, resolveMergeKeys } from '../../documents/compose';
import { getPath, keyRange, getPair, nodeRange, type YNode } from '../../documents/yaml-nav';

let validator: ValidateFunction | undefined;
/** Ajv and the Compose spec load on the first Compose file, not at start-up. */
function validate(): ValidateFunction {
  if (validator) return validator;
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const spec = require('../../data/compose-spec.json') as object;
  return (validator = new Ajv({ allErrors: true, strict: false, verbose: true, code: { optimize: false } }).compile(spec));
}

export default defineRule({
  id: 'compose/schema',
  kind: 'compose',
  type: 'problem',
  severity: 'error',
  summary: 'Compose files are valid YAML and follow the Compose specification',
  sources: ['dclint invalid-yaml, invalid-schema', 'Compose Specification schema'],
  messages: {
    yaml: 'YAML syntax error: {{detail}}.',
    unknownKey: 'Unknown key "{{key}}" in {{where}}.',
    invalid: '{{where}} {{detail}}.',
  },
  fixable: false,
  check(ctx) {
    const yaml = ctx.doc;
    for (const e of yaml.errors) ctx.report({ range: e.range, messageId: 'yaml', data: { detail: e.message.split('\n')[0].replace(/\.$/, '') } });
    if (yaml.errors.length || yaml.templated) return;
    const m = composeModel(ctx.file);
    if (!m.root) return;
    let json: unknown;
    try {
      // Plain data (no aliases, tags or merge keys) converts directly, with nothing to resolve.
      json = m.plainData ? plainToJS(yaml.docs[0].doc.contents) : resolveMergeKeys(yaml.docs[0].doc.toJS({ maxAliasCount: 100 }));
    } catch (e) {
      // Unresolved aliases and alias bombs: Compose rejects the file too.
      ctx.report({ range: yaml.docs[0].range, messageId: 'yaml', data: { detail: (e as Error).message.split('\n')[0].replace(/\.$/, '') } });
      return;
    }
    const fn = validate();
    if (fn(json)) return;
    const seen = new Set<string>();
    for (const e of pick(fn.errors ?? [])) {
      const path = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const node = path.length ? getPath(m.root, path) : m.root;
      const where = path.length ? `"${path.join('.')}"` : 'the file';
      if (e.keyword === 'additionalProperties') {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const pair = getPair(node, key);
        const r = pair ? keyRange(pair) : undefined;
        if (!r || seen.has(`${r.start}`)) continue;
        seen.add(`${r.start}`);
        ctx.report({ range: r, messageId: 'unknownKey', data: { key, where: path.length ? where : 'the top level' } });
        continue;
      }
      // `key:` with nothing after it: Compose treats it as unset
      if (e.data === null) continue;
      const r = nodeRange(node as YNode) ?? { start: 0, end: 0 };
      if (seen.has(`${r.start}`)) continue;
      // interpolated values (${VAR}) are checked by Compose after substitution
      if (ctx.file.text.slice(r.start, r.end).includes('${')) continue;
      seen.add(`${r.start}`);
      ctx.report({ range: r, messageId: 'invalid', data: { where: path.length ? where : 'The file', detail: e.message ?? 'is invalid' } });
    }
  },
});

/** The most useful error per location: drop oneOf/anyOf summaries when a branch says more. */
function pick(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const out: ErrorObject[] = [];
  for (const [path, list] of byPath) {
    const deeper = errors.some((e) => e.instancePath.startsWith(`${path}/`));
    const add = list.filter((e) => e.keyword === 'additionalProperties');
    out.push(...add);
    if (deeper) continue;
    const rest = list.filter((e) => e.keyword !== 'additionalProperties' && e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
    const summary = list.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    if (summary && rest.every((e) => e.keyword === 'type')) out.push({ ...summary, message: `has the wrong type (expected ${[...new Set(rest.map((e) => (e.params as { type: string }).type))].join(' or ')})` });
    else if (rest[0]) out.push(rest[0]);
  }
  return out;
}
