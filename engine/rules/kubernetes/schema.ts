import { editDistance } from '../../text/distance';
import type { Node, Pair, YAMLMap } from 'yaml';
import { keyRange, keyString, nodeRange, isAlias, isMap, isPair, isScalar, isSeq } from '../../documents/yaml-nav';
import { defineK8sRule, type K8sModel, type K8sObject } from '../../documents/k8s';
import type { Range } from '../../types';

interface Schema {
  type?: string;
  enum?: string[];
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
}

interface Index {
  kinds: Map<string, Schema>;
  /** Kinds by name, for "this kind exists under another apiVersion". */
  versionsOf: Map<string, string[]>;
  groups: Set<string>;
  defs: Record<string, Schema>;
  kubernetes: string;
}

let index: Index | undefined;
function schemas(): Index {
  if (!index) {
    // The 870 KB schema loads on the first Kubernetes manifest, not at start-up.
    const data = require('../../data/k8s-schema.json') as { kinds: (Schema & { apiVersion: string; kind: string })[]; definitions: Record<string, Schema>; kubernetes: string };
    const kinds = new Map<string, Schema>();
    const versionsOf = new Map<string, string[]>();
    const groups = new Set<string>();
    for (const k of data.kinds) {
      kinds.set(`${k.apiVersion} ${k.kind}`, k);
      versionsOf.set(k.kind, [...(versionsOf.get(k.kind) ?? []), k.apiVersion]);
      groups.add(k.apiVersion.includes('/') ? k.apiVersion.slice(0, k.apiVersion.lastIndexOf('/')) : '');
    }
    index = { kinds, versionsOf, groups, defs: data.definitions, kubernetes: data.kubernetes };
  }
  return index;
}

function resolve(s: Schema | undefined): Schema | undefined {
  let cur = s;
  for (let i = 0; cur?.$ref && i < 20; i++) cur = schemas().defs[cur.$ref];
  return cur;
}

/** `{type: object, additionalProperties: true}` without properties is free-form JSON (RawExtension, JSON). */
function isAny(s: Schema): boolean {
  if (!s.type && !s.anyOf && !s.properties && !s.items && !s.enum) return true;
  return s.type === 'object' && s.additionalProperties === true && !s.properties;
}

/**
 * A schema as validation reads it, worked out once per schema object (validation visits every node
 * of every manifest; most share a few hundred schemas): the resolved `$ref`, whether it accepts
 * anything, and its properties in a Map (a key read from YAML is a new string each time, which an
 * object's keyed lookup first has to find in the string table).
 */
interface Compiled {
  /** The schema after `$ref`s; undefined when a reference leads nowhere. */
  s: Schema | undefined;
  /** Nothing to check: no schema, or one that accepts anything (isAny). */
  skip: boolean;
  props?: Map<string, Schema>;
}

const compiled = new Map<Schema, Compiled>();
const NOTHING: Compiled = { s: undefined, skip: true };

function compile(schema: Schema | undefined): Compiled {
  if (!schema) return NOTHING;
  let c = compiled.get(schema);
  if (!c) {
    const s = resolve(schema);
    c = { s, skip: !s || isAny(s), props: s?.properties ? new Map(Object.entries(s.properties)) : undefined };
    compiled.set(schema, c);
  }
  return c;
}

/**
 * `s.properties[key]`, from the Map; a name of Object.prototype's members (`constructor`,
 * `__proto__` …) is still read from the object, which answers with that member (accepting anything).
 */
function property(c: Compiled, key: string): Schema | undefined {
  return c.props!.get(key) ?? (key in Object.prototype ? c.s!.properties![key] : undefined);
}

function typeOf(node: Node): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    return 'string';
  }
  return 'unknown';
}

const TYPE_NAMES: Record<string, string> = { object: 'a map', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false', null: 'empty' };


function suggestion(key: string, props: string[]): string {
  const lower = key.toLowerCase();
  const best = props
    .map((p) => ({ p, d: p.toLowerCase() === lower ? 0 : editDistance(key, p) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(key.length / 4)))
    .sort((a, b) => a.d - b.d)[0];
  return best ? ` Did you mean "${best.p}"?` : '';
}

type Reporter = (range: Range, messageId: 'unknownField' | 'type' | 'enum' | 'required', data: Record<string, string>) => void;

/**
 * The path to a node as keys and item indexes, spelled out (`spec.containers[0].name`) only for a
 * finding: validation visits every node of a manifest and most of them are fine.
 */
type PathTo = { up: PathTo; key: string | number } | undefined;
function pathText(p: PathTo): string {
  if (!p) return '';
  const up = pathText(p.up);
  return typeof p.key === 'number' ? `${up}[${p.key}]` : `${up ? `${up}.` : ''}${p.key}`;
}

/**
 * Where a missing required field of a map is reported: a range, or the pair whose key it is (its
 * range worked out only for a finding: most maps have no missing field).
 */
type Holder = Range | Pair;
const holderRange = (h: Holder): Range => (isPair(h) ? keyRange(h)! : h);

function validate(k8s: K8sModel, node: Node | null | undefined, schema: Schema | undefined, at: PathTo, holder: Holder, partial: boolean, report: Reporter): void {
  const c = compile(schema);
  if (c.skip || !node || isAlias(node) || k8s.unknown(node)) return;
  const s = c.s!;
  const actual = typeOf(node);
  if (actual === 'null') return; // an empty value is the same as leaving the field out
  const path = () => pathText(at);
  if (s.anyOf) {
    const options = s.anyOf.map(resolve).filter((x): x is Schema => !!x);
    if (options.some((o) => isAny(o) || o.type === actual || (o.type === 'integer' && actual === 'number'))) return;
    report(nodeRange(node)!, 'type', { path: path(), expected: [...new Set(options.map((o) => TYPE_NAMES[o.type ?? ''] ?? o.type ?? ''))].join(' or '), actual: TYPE_NAMES[actual] ?? actual });
    return;
  }
  const expected = s.type === 'integer' ? 'number' : s.type;
  if (expected && expected !== actual) {
    report(nodeRange(node)!, 'type', { path: path(), expected: TYPE_NAMES[expected] ?? expected, actual: TYPE_NAMES[actual] ?? actual });
    return;
  }
  if (s.enum && isScalar(node) && typeof node.value === 'string' && !s.enum.includes(node.value)) {
    report(nodeRange(node)!, 'enum', { path: path(), value: node.value, allowed: s.enum.map((e) => (e === '' ? '""' : e)).join(', ') });
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, i) => {
      // A missing required field of a list item is reported on the item's first key.
      const first = isMap(item) ? (item.items[0] as { key?: Node } | undefined)?.key : undefined;
      validate(k8s, item as Node, s.items, { up: at, key: i }, nodeRange(first ?? item) ?? holderRange(holder), partial, report);
    });
    return;
  }
  if (!isMap(node)) return;
  const open = k8s.open(node);
  // Keys seen, only when required fields are to be checked.
  const seen = !partial && !open && s.required?.length ? new Set<string>() : undefined;
  for (const item of (node as YAMLMap).items) {
    if (!isPair(item)) continue;
    const key = keyString(item);
    if (key === undefined || key === '<<' || k8s.unknown(item.key)) continue;
    // `status` is written by the API server and left out of the schema; dumps of live objects carry it.
    if (key === 'status' && pathText(at) === '') continue;
    seen?.add(key);
    const prop = c.props ? property(c, key) : undefined;
    if (prop) validate(k8s, item.value as Node, prop, { up: at, key }, item, partial, report);
    else if (s.additionalProperties && s.additionalProperties !== true) validate(k8s, item.value as Node, s.additionalProperties, { up: at, key }, item, partial, report);
    else if (s.properties && !s.additionalProperties) {
      report(keyRange(item)!, 'unknownField', { field: key, where: path() || 'the object', hint: suggestion(key, Object.keys(s.properties)) });
    }
  }
  if (seen) {
    for (const r of s.required!) {
      if (!seen.has(r)) report(holderRange(holder), 'required', { field: r, where: path() || 'the object' });
    }
  }
}

export default defineK8sRule({
  id: 'kubernetes/schema',
  type: 'problem',
  severity: 'error',
  summary: 'Manifests are valid YAML and built-in objects match the Kubernetes API schema (field names, types, enums, required fields)',
  sources: ['kube-linter schema-validation', 'kubeconform', 'Kubernetes 1.33 API (kubernetes-models)'],
  messages: {
    yaml: 'YAML syntax error: {{detail}}.',
    unknownField: 'Unknown field "{{field}}" in {{where}}: the API server rejects it (or drops it silently with client-side validation off).{{hint}}',
    type: '{{path}} must be {{expected}}, not {{actual}}.',
    enum: '{{path}} is "{{value}}"; allowed: {{allowed}}.',
    required: '{{where}} is missing the required field "{{field}}".',
    unknownVersion: '{{kind}} is not served as {{apiVersion}} by Kubernetes {{kubernetes}}: use {{versions}}.',
  },
  fixable: false,
  perDocument: true,
  check(ctx, k8s) {
    // Helm templates are not YAML until rendered: their syntax is not judged (workspace/helm-template-aware).
    if (!k8s.templated) {
      for (const e of ctx.doc.errors) ctx.report({ range: visible(e.range), messageId: 'yaml', data: { detail: e.message.split('\n')[0].replace(/\.$/, '').replace(/ at line \d+, column \d+:?$/, '') } });
    }
    const idx = schemas();
    for (const o of k8s.objects) {
      if (o.partial || o.doc.doc.errors.length) continue;
      const schema = idx.kinds.get(`${o.apiVersion} ${o.kind}`);
      if (!schema) {
        checkVersion(o);
        continue;
      }
      validate(k8s, o.node, schema, undefined, o.range, false, (range, messageId, data) => ctx.report({ range, messageId, data }));
    }

    /** An empty error range (often at the end of the file) widened to the content of its line, or the last non-empty one. */
    function visible(r: Range): Range {
      if (ctx.file.text.slice(r.start, r.end).trim() !== '') return r;
      const lines = ctx.file.lines;
      let line = lines.positionAt(r.start).line;
      while (line > 0 && lines.lineText(line).trim() === '') line--;
      const text = lines.lineText(line);
      const start = lines.lineStart(line) + (text.length - text.trimStart().length);
      return { start, end: Math.max(start, lines.lineEnd(line)) };
    }

    function checkVersion(o: K8sObject) {
      const versions = idx.versionsOf.get(o.kind);
      if (!versions || !idx.groups.has(o.group) || k8s.unknown(o.kindNode)) return;
      // Removed versions (extensions/v1beta1 …) are kubernetes/deprecated-api's business.
      if (/(alpha|beta)\d*$/.test(o.version)) return;
      ctx.report({ range: nodeRange(o.node.get('apiVersion', true))!, messageId: 'unknownVersion', data: { kind: o.kind, apiVersion: o.apiVersion, kubernetes: idx.kubernetes, versions: (versions.filter((v) => !/(alpha|beta)\d*$/.test(v)).length ? versions.filter((v) => !/(alpha|beta)\d*$/.test(v)) : versions).join(' or ') } });
    }
  },
});
