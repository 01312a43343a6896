// Kubernetes completion and hover from the generated schema (engine/data/k8s-schema.json):
// apiVersion/kind pairs, the keys valid at the cursor's path of that kind, enum values, and
// best-practice blocks inside containers and pod specs.
import type { SourceFile } from '../documents/source';
import { SchemaNav, type JsonSchema } from './schema-nav';
import { ITEM, topLevelScalars, yamlCursor, yamlKeyAt, type YamlCursor } from './yaml-context';
import { blockItems, K8S_CONTAINER_BLOCKS, K8S_POD_BLOCKS } from './blocks';
import { keyItems, valueItems } from './schema-items';
import type { CompletionItem, HoverResult } from './types';

interface KindSchema extends JsonSchema {
  apiVersion: string;
  kind: string;
}

interface K8sIndex {
  nav: SchemaNav;
  kinds: KindSchema[];
  byKey: Map<string, KindSchema>;
  kubernetes: string;
}

let index: K8sIndex | undefined;

/** The schema, indexed once per process. */
function k8s(): K8sIndex {
  if (!index) {
    // Loaded on first use, not at start-up.
    const data = require('../data/k8s-schema.json') as { kinds: KindSchema[]; definitions: Record<string, JsonSchema>; kubernetes: string };
    const byKey = new Map<string, KindSchema>();
    for (const k of data.kinds) byKey.set(`${k.apiVersion} ${k.kind}`, k);
    index = { nav: new SchemaNav(data.definitions), kinds: data.kinds, byKey, kubernetes: data.kubernetes };
  }
  return index;
}

/** Kinds people write most, offered first. */
const COMMON = [
  'apps/v1 Deployment',
  'v1 Service',
  'v1 ConfigMap',
  'v1 Secret',
  'networking.k8s.io/v1 Ingress',
  'policy/v1 PodDisruptionBudget',
  'autoscaling/v2 HorizontalPodAutoscaler',
  'networking.k8s.io/v1 NetworkPolicy',
  'apps/v1 StatefulSet',
  'batch/v1 Job',
  'batch/v1 CronJob',
  'v1 ServiceAccount',
];

/** Values the schema leaves as free strings but that have a best-practice answer. */
const VALUE_HINTS: Record<string, string[]> = {
  'capabilities.drop': ['ALL'],
  'capabilities.add': ['NET_BIND_SERVICE'],
};

const CONTAINER_DEFS = new Set(['v1/Container', 'v1/EphemeralContainer']);

export function kindSchema(file: SourceFile, c: { docStart: number; docEnd: number }): KindSchema | undefined {
  const top = topLevelScalars(file.text, c.docStart, c.docEnd, ['apiVersion', 'kind']);
  return top.apiVersion && top.kind ? k8s().byKey.get(`${top.apiVersion} ${top.kind}`) : undefined;
}

export function completeKubernetes(file: SourceFile, offset: number): CompletionItem[] {
  const { nav, kinds } = k8s();
  const c = yamlCursor(file, offset);
  const top = topLevelScalars(file.text, c.docStart, c.docEnd, ['apiVersion', 'kind']);
  const root = top.apiVersion && top.kind ? k8s().byKey.get(`${top.apiVersion} ${top.kind}`) : undefined;

  if (c.at === 'value' && c.path.length === 1 && (c.path[0] === 'apiVersion' || c.path[0] === 'kind')) return apiVersionOrKind(c, top);
  if (c.at === 'key' && c.path.length === 0 && !root) return [...kindPairs(c, top), ...keyItems(nav, genericRoot(), c)];

  const schema = root ?? genericRoot();
  const target = nav.at(schema, c.path);
  if (c.at === 'value' || (c.itemStart && nav.shape(target) === 'scalar' && c.path.at(-1) === ITEM)) {
    const hint = VALUE_HINTS[c.path.filter((x) => x !== ITEM).slice(-2).join('.')];
    if (hint) return hint.map((v, i) => ({ label: v, kind: 'enum' as const, detail: 'capability', range: c.range, sortText: String(i).padStart(3, '0') }));
    return valueItems(nav, target, c);
  }
  const items = keyItems(nav, target, c);
  const def = nav.refName(c.path.length ? nav.child(nav.at(schema, c.path.slice(0, -1)), c.path.at(-1)!) : undefined);
  if (def && CONTAINER_DEFS.has(def)) items.push(...blockItems(K8S_CONTAINER_BLOCKS, c.siblings, c.column, c.range));
  if (def === 'v1/PodSpec') items.push(...blockItems(K8S_POD_BLOCKS, c.siblings, c.column, c.range));
  void kinds;
  return items;
}

/** Keys every object has, for documents whose kind is not known yet. */
function genericRoot(): JsonSchema {
  const d = k8s().byKey.get('v1 ConfigMap')!;
  return {
    type: 'object',
    properties: {
      apiVersion: d.properties!.apiVersion,
      kind: d.properties!.kind,
      metadata: d.properties!.metadata,
      spec: { type: 'object', description: 'The desired state of the object; its fields depend on the kind.' },
    },
  };
}

function apiVersionOrKind(c: YamlCursor, top: Record<string, string>): CompletionItem[] {
  const { kinds } = k8s();
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  const rank = (k: KindSchema) => {
    const i = COMMON.indexOf(`${k.apiVersion} ${k.kind}`);
    return i < 0 ? 50 : i;
  };
  for (const k of [...kinds].sort((a, b) => rank(a) - rank(b))) {
    if (c.path[0] === 'apiVersion') {
      if (top.kind && k.kind !== top.kind) continue;
      if (seen.has(k.apiVersion)) continue;
      seen.add(k.apiVersion);
      out.push({ label: k.apiVersion, kind: 'module', detail: top.kind ? `${top.kind}` : 'API group/version', range: c.range, sortText: String(rank(k)).padStart(3, '0') });
    } else {
      if (top.apiVersion && k.apiVersion !== top.apiVersion) continue;
      if (seen.has(k.kind)) continue;
      seen.add(k.kind);
      out.push({ label: k.kind, kind: 'class', detail: k.apiVersion, documentation: k.description, range: c.range, sortText: String(rank(k)).padStart(3, '0') + k.kind });
    }
  }
  return out;
}

/** `Deployment (apps/v1)` items that write both lines and the name. */
function kindPairs(c: YamlCursor, top: Record<string, string>): CompletionItem[] {
  if (c.column !== 0 || c.itemStart || c.siblings.has('apiVersion') || c.siblings.has('kind') || top.apiVersion || top.kind) return [];
  const { kinds } = k8s();
  return kinds.map((k) => {
    const common = COMMON.indexOf(`${k.apiVersion} ${k.kind}`);
    return {
      label: `${k.kind} (${k.apiVersion})`,
      kind: 'class' as const,
      detail: `apiVersion: ${k.apiVersion} · kind: ${k.kind}`,
      documentation: k.description,
      insertText: `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\nmetadata:\n  name: \${1:name}\n$0`,
      snippet: true,
      range: c.range,
      filterText: `${k.kind} ${k.apiVersion}`,
      sortText: `0_${String(common < 0 ? 99 : common).padStart(2, '0')}_${k.kind}`,
    };
  });
}

export function hoverKubernetes(file: SourceFile, offset: number): HoverResult | undefined {
  const key = yamlKeyAt(file, offset);
  if (!key) return undefined;
  const { nav, kubernetes } = k8s();
  const c = yamlCursor(file, key.range.start);
  const root = kindSchema(file, c);
  if (!root) return undefined;
  if (key.path.length === 1 && (key.path[0] === 'apiVersion' || key.path[0] === 'kind')) {
    return { contents: `**${root.kind}** \`${root.apiVersion}\`\n\n${root.description ?? ''}\n\n_Kubernetes ${kubernetes}_`, range: key.range };
  }
  const s = nav.at(root, key.path);
  if (!s) return undefined;
  const r = nav.deref(s);
  const description = s.description ?? r?.description ?? '';
  const type = nav.typeLabel(s);
  const values = nav.values(s).filter((v) => v !== 'true' && v !== 'false');
  const parts = [`**${key.path.at(-1)}**${type ? ` \`${type}\`` : ''}`, description];
  if (values.length) parts.push(`Values: ${values.map((v) => `\`${v}\``).join(', ')}`);
  parts.push(`_${root.kind} (${root.apiVersion}) · ${key.path.filter((p) => p !== ITEM).join('.')} · Kubernetes ${kubernetes}_`);
  return { contents: parts.filter(Boolean).join('\n\n'), range: key.range };
}
