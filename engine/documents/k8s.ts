// Typed views of Kubernetes manifests, built once per parsed file: objects (List items expanded),
// workloads with their pod template, and containers, plus what Helm templates leave unknown.
import type { Node, Scalar, YAMLMap } from 'yaml';
import type { Fix, Range, RelatedLocation } from '../types';
import type { SourceFile } from './source';
import { cachedView, templateScanEnd, yamlStyle, type YamlDoc, type YamlModel } from './yaml';
import { asMap, get, getPair, getPath, isEmpty, isMap, isScalar, isSeq, keyRange, mapPairs, nodeRange, seqMaps, str, walk, type YNode, type YPair } from './yaml-nav';
import { mergeInto, raw, scalarValueStart, type YamlObject, type YamlStyle } from '../fixes/yaml';
import { defineRule, type DocumentScope, type Report, type Rule, type RuleContext, type RuleDefinition } from '../define-rule';
import { defineFacts, perWorkspace, seededFacts, type WorkspaceView } from '../workspace';

export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
/** The annotation that suppresses rules for one object (Appendix C of the catalog). */
export const IGNORE_ANNOTATION = 'shipready.dev/ignore';

export interface K8sObject {
  doc: YamlDoc;
  /** The object's map: a document root or an item of a `List`. */
  node: YAMLMap;
  apiVersion: string;
  /** API group (`''` for the core group) and version. */
  group: string;
  version: string;
  kind: string;
  kindNode: Node;
  metadata?: YAMLMap;
  name?: string;
  nameNode?: Node;
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** False when labels come (partly) from a template, so selectors cannot be matched. */
  labelsKnown: boolean;
  /** Where object-level findings go: the name's value, else the kind's value. */
  range: Range;
  /** Rule ids (and bare names) listed in the `shipready.dev/ignore` annotation. */
  ignored: Set<string>;
  /** An item of a `List` object. */
  inList: boolean;
  /** A partial object (kustomize patch, overlay fragment): not linted as a full workload. */
  partial: boolean;
  /** Its text contains Go template syntax. */
  templated: boolean;
  /** A Helm test hook (`helm.sh/hook: test`): a short-lived check pod, not part of the release's workload. */
  helmTest: boolean;
  /** For messages: the name, else its template text, else the kind. */
  displayName: string;
  workload?: Workload;
}

export interface Container {
  node: YAMLMap;
  type: 'container' | 'initContainer' | 'ephemeralContainer';
  index: number;
  name?: string;
  image?: string;
  imageNode?: Node;
  /** The name's value, else the start of the item. */
  range: Range;
}

export interface Workload {
  object: K8sObject;
  kind: WorkloadKind;
  spec?: YAMLMap;
  /** The pod template (`spec.template`, `spec.jobTemplate.spec.template`); the object itself for a Pod. */
  template?: YAMLMap;
  podMetadata?: YAMLMap;
  podLabels: Record<string, string>;
  podLabelsKnown: boolean;
  podSpec?: YAMLMap;
  /** Path of keys from the object's map to the pod spec. */
  podSpecPath: string[];
  containers: Container[];
  /** `spec.replicas` when set to a number; undefined when unset or templated. */
  replicas?: number;
  replicasPair?: YPair;
  /** Replicas in effect: the value, 1 when unset for a replicated kind, undefined when unknown. */
  effectiveReplicas?: number;
}

interface Injection {
  offset: number;
  col: number;
}

export interface K8sModel {
  file: SourceFile;
  text: string;
  objects: K8sObject[];
  workloads: Workload[];
  style: YamlStyle;
  /** The file has Go template syntax (Helm). */
  templated: boolean;
  /** The node's text has a template in it, or a template writes its value: its value is unknown. */
  unknown(node: unknown): boolean;
  /** A template may add keys to this map (e.g. `{{- toYaml .Values.x | nindent 8 }}` between its pairs). */
  open(map: unknown): boolean;
  /** Is `key` in `map`: 'yes', 'no', or 'unknown' when a template could add it. */
  has(map: unknown, key: string): 'yes' | 'no' | 'unknown';
  /** The object a source offset belongs to. */
  objectAt(offset: number): K8sObject | undefined;
}

/** The Kubernetes view of a file, built once per parse. */
export const k8sModel: (file: SourceFile) => K8sModel = cachedView(build);

const TEMPLATE = /\{\{-?[\s\S]*?-?\}\}/g;
const CONTROL = /^\{\{-?\s*(?:if|else|end|with|range|define|block|break|continue|\/\*|\$[\w.]*\s*:?=)/;

function findInjections(text: string): Injection[] {
  const out: Injection[] = [];
  if (!text.includes('{{')) return out;
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    // Ends with `}}`: a `{{` after the last `}}` would make the scan quadratic (and the line not template-only).
    if (trimmed.startsWith('{{') && trimmed.endsWith('}}') && trimmed.replace(TEMPLATE, '').trim() === '') {
      const actions = trimmed.match(TEMPLATE) ?? [];
      const output = actions.filter((a) => !CONTROL.test(a));
      if (output.length) {
        const n = /\bn?indent\s+(\d+)/.exec(output[0]);
        out.push({ offset, col: n ? Number(n[1]) : line.indexOf('{{') });
      }
    }
    offset += line.length + 1;
  }
  return out;
}

function build(file: SourceFile, yaml: YamlModel): K8sModel {
  const text = file.text;
  const templated = yaml.templated;
  const injections = templated ? findInjections(text) : [];
  const openCache = new Map<YAMLMap, boolean>();
  const injectedValues = new Set<unknown>();
  let maskedText = templated ? undefined : text;
  const maskedOf = () => (maskedText ??= text.slice(0, templateScanEnd(text)).replace(TEMPLATE, (m) => m.replace(/[^\r\n]/g, ' ')) + text.slice(templateScanEnd(text)));

  const lineStartOf = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  const colOf = (o: number) => o - lineStartOf(o);

  /** End of the region a map's keys own: up to the next content line indented less than the keys. */
  const regionEnd = (from: number, col: number) => {
    const mt = maskedOf();
    let i = mt.indexOf('\n', from);
    while (i >= 0 && i < mt.length) {
      const next = mt.indexOf('\n', i + 1);
      const line = mt.slice(i + 1, next < 0 ? mt.length : next);
      const t = line.trim();
      if (t && !t.startsWith('#')) {
        const ind = line.length - line.trimStart().length;
        if (ind < col || t === '---' || (ind === col && t.startsWith('- '))) return i + 1;
      }
      if (next < 0) break;
      i = next;
    }
    return mt.length;
  };

  const isOpen = (map: YAMLMap): boolean => {
    if (!templated || !isMap(map) || map.flow) return false;
    let v = openCache.get(map);
    if (v !== undefined) return v;
    v = false;
    const first = map.items[0]?.key as Node | undefined;
    if (first?.range) {
      const col = colOf(first.range[0]);
      const end = regionEnd(first.range[0], col);
      v = injections.some((inj) => inj.offset > first.range![0] && inj.offset < end && inj.col === col);
    }
    openCache.set(map, v);
    return v;
  };

  if (templated) {
    // `key:` followed by a template that writes the value (`{{- toYaml .Values.x | nindent 4 }}`)
    for (const d of yaml.docs) {
      walk(d.doc.contents, (node) => {
        if (!isMap(node)) return;
        for (const { pair, value } of mapPairs(node)) {
          if (!isEmpty(value) || !value) continue;
          const k = (pair.key as Node).range!;
          const col = colOf(k[0]);
          const end = regionEnd(k[0], col + 1);
          if (injections.some((inj) => inj.offset > k[0] && inj.offset < end && inj.col > col)) injectedValues.add(value);
        }
      });
    }
  }

  const unknown = (node: unknown): boolean => {
    if (!templated || node === null || node === undefined) return false;
    if (injectedValues.has(node)) return true;
    const r = (node as Node).range;
    if (!r) return false;
    if (isScalar(node)) return text.slice(r[0], r[1]).includes('{{');
    return false;
  };

  const objects: K8sObject[] = [];
  for (const d of yaml.docs) {
    const root = asMap(d.doc.contents);
    if (!root) continue;
    const kind = str(get(root, 'kind'));
    if (kind && /List$/.test(kind) && isSeq(get(root, 'items'))) {
      for (const item of seqMaps(get(root, 'items'))) {
        const o = objectOf(d, item, true);
        if (o) objects.push(o);
      }
      continue;
    }
    const o = objectOf(d, root, false);
    if (o) objects.push(o);
  }

  function stringMap(node: YNode): { values: Record<string, string>; known: boolean } {
    const values: Record<string, string> = {};
    let known = !unknown(node) && !(isMap(node) && isOpen(node));
    if (isMap(node)) {
      for (const { key, pair, value } of mapPairs(node)) {
        const s = str(value);
        if (s !== undefined) values[key] = s;
        if (unknown(value) || unknown(pair.key)) known = false;
      }
    } else if (node && !isEmpty(node)) known = false;
    return { values, known };
  }

  function objectOf(doc: YamlDoc, node: YAMLMap, inList: boolean): K8sObject | undefined {
    const apiVersion = str(get(node, 'apiVersion'));
    const kindNode = get(node, 'kind');
    const kind = str(kindNode);
    if (!apiVersion || !kind || !kindNode) return undefined;
    // kustomize's own files (Kustomization, Component, transformer configs) are build instructions, not objects.
    if (/^kustomize\.config\.k8s\.io\//.test(apiVersion) || /^builtin$/.test(apiVersion)) return undefined;
    const slash = apiVersion.indexOf('/');
    const metadata = asMap(get(node, 'metadata'));
    const nameNode = get(metadata, 'name') ?? undefined;
    const labels = stringMap(get(metadata, 'labels'));
    const annotations = stringMap(get(metadata, 'annotations')).values;
    const ignored = new Set<string>();
    for (const id of (annotations[IGNORE_ANNOTATION] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      ignored.add(id);
      if (!id.includes('/')) ignored.add(`kubernetes/${id}`);
    }
    const r = nodeRange(nameNode && !isEmpty(nameNode) ? nameNode : kindNode)!;
    const range = nodeRange(kindNode)!;
    const o: K8sObject = {
      doc,
      node,
      apiVersion,
      group: slash < 0 ? '' : apiVersion.slice(0, slash),
      version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
      kind,
      kindNode,
      metadata,
      name: str(nameNode),
      nameNode: nameNode ?? undefined,
      namespace: str(get(metadata, 'namespace')),
      labels: labels.values,
      annotations,
      labelsKnown: labels.known,
      range: r ?? range,
      ignored,
      inList,
      partial: false,
      templated: templated && !!node.range && text.slice(node.range[0], node.range[1]).includes('{{'),
      helmTest: /(^|,)\s*test(-success|-failure)?\s*(,|$)/.test(annotations['helm.sh/hook'] ?? ''),
      displayName: str(nameNode) ?? (str(get(metadata, 'generateName')) ? `${str(get(metadata, 'generateName'))}…` : kind),
    };
    if (unknown(nameNode)) {
      o.name = undefined;
      const r = nameNode!.range!;
      const raw = text.slice(r[0], r[1]).trim();
      o.displayName = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
    }
    if (unknown(get(metadata, 'namespace'))) o.namespace = undefined;
    if ((WORKLOAD_KINDS as readonly string[]).includes(kind) && (o.group === '' || o.group === 'apps' || o.group === 'batch' || o.group === 'extensions')) {
      o.workload = workloadOf(o, kind as WorkloadKind);
    }
    return o;
  }

  function workloadOf(o: K8sObject, kind: WorkloadKind): Workload {
    const spec = asMap(get(o.node, 'spec'));
    let templatePath: string[];
    if (kind === 'Pod') templatePath = [];
    else if (kind === 'CronJob') templatePath = ['spec', 'jobTemplate', 'spec', 'template'];
    else templatePath = ['spec', 'template'];
    const template = templatePath.length ? asMap(getPath(o.node, templatePath)) : o.node;
    const podMetadata = asMap(get(template, 'metadata'));
    const podSpec = asMap(get(template, 'spec'));
    const labels = stringMap(get(podMetadata, 'labels'));
    const containers: Container[] = [];
    const lists: [string, Container['type']][] = [
      ['initContainers', 'initContainer'],
      ['containers', 'container'],
      ['ephemeralContainers', 'ephemeralContainer'],
    ];
    for (const [key, type] of lists) {
      seqMaps(get(podSpec, key)).forEach((node, index) => {
        const nameNode = get(node, 'name');
        const imageNode = get(node, 'image') ?? undefined;
        const first = node.items[0]?.key as Node | undefined;
        containers.push({
          node,
          type,
          index,
          name: unknown(nameNode) ? undefined : str(nameNode),
          image: unknown(imageNode) ? undefined : str(imageNode),
          imageNode,
          range: nodeRange(nameNode && !isEmpty(nameNode) ? nameNode : first) ?? nodeRange(node)!,
        });
      });
    }
    const replicasPair = getPair(spec, 'replicas');
    const rv = replicasPair?.value;
    const replicas = rv && isScalar(rv) && typeof (rv as Scalar).value === 'number' && !unknown(rv) ? ((rv as Scalar).value as number) : undefined;
    const replicated = kind === 'Deployment' || kind === 'StatefulSet' || kind === 'ReplicaSet' || kind === 'ReplicationController';
    let effectiveReplicas: number | undefined;
    if (replicated) effectiveReplicas = replicasPair ? replicas : spec && (isOpen(spec) || unknown(spec)) ? undefined : 1;
    // A kustomize patch or overlay fragment: no container with an image, or an apps/v1 workload without selector.
    const templatedImages = containers.some((c) => c.imageNode && unknown(c.imageNode));
    const hasImage = containers.some((c) => c.image !== undefined) || templatedImages || (podSpec !== undefined && isOpen(podSpec));
    // Without a selector and without pod labels, a workload is an overlay fragment, not an object to apply.
    const fragment = kind !== 'Job' && kind !== 'CronJob' && !getPair(spec, 'selector') && !(spec && isOpen(spec)) && !getPair(podMetadata, 'labels') && !(podMetadata && isOpen(podMetadata));
    o.partial = kind !== 'Pod' && (!hasImage || fragment);
    if (kind === 'Pod') o.partial = !hasImage;
    return {
      object: o,
      kind,
      spec,
      template,
      podMetadata,
      podLabels: labels.values,
      podLabelsKnown: labels.known,
      podSpec,
      podSpecPath: [...templatePath, 'spec'],
      containers,
      replicas,
      replicasPair,
      effectiveReplicas,
    };
  }

  const workloads = objects.filter((o) => o.workload).map((o) => o.workload!);
  let byStart: ReturnType<typeof indexByStart> | undefined;
  const model = new View(file, text, objects, workloads, templated, unknown, (map) => isMap(map) && isOpen(map), (map, key) => {
    if (getPair(map, key)) return 'yes';
    if (isMap(map) && isOpen(map)) return 'unknown';
    if (map && unknown(map)) return 'unknown';
    return 'no';
  }, (offset) => {
    // The containing object with the greatest start (the later one on a tie), by binary search
    // over the objects sorted by start: every finding goes through here.
    const ix = (byStart ??= indexByStart(objects));
    let lo = 0;
    let hi = ix.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ix.starts[mid] <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let i = hi; i >= 0 && ix.maxEnd[i] >= offset; i--) if (ix.ends[i] >= offset) return ix.objects[i];
    return undefined;
  });
  for (const o of objects) objectModels.set(o, model);
  return model;
}

/**
 * The K8sModel of a file. A class, so that its lazy `style` is a getter on the prototype: an object
 * literal with a getter of its own is a dictionary-mode object (a hash lookup for every property a
 * rule reads, e.g. \`unknown\` and \`open\` for every node that kubernetes/schema validates).
 */
class View implements K8sModel {
  constructor(
    readonly file: SourceFile,
    readonly text: string,
    readonly objects: K8sObject[],
    readonly workloads: Workload[],
    readonly templated: boolean,
    readonly unknown: K8sModel['unknown'],
    readonly open: K8sModel['open'],
    readonly has: K8sModel['has'],
    readonly objectAt: K8sModel['objectAt'],
  ) {}

  get style(): YamlStyle {
    return yamlStyle(this.file);
  }
}

/** Objects with a range sorted by start (stable), their ends, and the running maximum of the ends. */
function indexByStart(objects: readonly K8sObject[]): { objects: K8sObject[]; starts: number[]; ends: number[]; maxEnd: number[] } {
  const sorted = objects.filter((o) => o.node.range).sort((a, b) => a.node.range![0] - b.node.range![0]);
  const starts = sorted.map((o) => o.node.range![0]);
  const ends = sorted.map((o) => o.node.range![2]);
  const maxEnd: number[] = [];
  for (let i = 0; i < ends.length; i++) maxEnd.push(Math.max(ends[i], i ? maxEnd[i - 1] : -Infinity));
  return { objects: sorted, starts, ends, maxEnd };
}

/** Does a label selector (`matchLabels` + `matchExpressions`, or a plain map for Services) select these labels? */
export function selectorMatches(selector: unknown, labels: Record<string, string>, plain = false): boolean {
  if (!isMap(selector)) return false;
  if (plain) {
    return mapPairs(selector).every(({ key, value }) => labels[key] === str(value));
  }
  const ml = asMap(get(selector, 'matchLabels'));
  for (const { key, value } of mapPairs(ml)) if (labels[key] !== str(value)) return false;
  for (const expr of seqMaps(get(selector, 'matchExpressions'))) {
    const key = str(get(expr, 'key')) ?? '';
    const op = str(get(expr, 'operator'));
    const values = (isSeq(get(expr, 'values')) ? (get(expr, 'values') as { items: unknown[] }).items.map((v) => str(v)) : []) as string[];
    const has = key in labels;
    if (op === 'In' && !(has && values.includes(labels[key]))) return false;
    if (op === 'NotIn' && has && values.includes(labels[key])) return false;
    if (op === 'Exists' && !has) return false;
    if (op === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Is a selector empty (selects everything in the namespace)? */
export function selectorIsEmpty(selector: unknown): boolean {
  if (selector === undefined || isEmpty(selector)) return true;
  if (!isMap(selector)) return false;
  return mapPairs(get(selector, 'matchLabels')).length === 0 && seqMaps(get(selector, 'matchExpressions')).length === 0;
}

/** Do two objects share a namespace? An object without one matches any (it takes the namespace it is applied to). */
export function sameNamespace(a: { namespace?: string }, b: { namespace?: string }): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

/** Every Kubernetes object of the index, once per version of it (files of other workers as RemoteObjects). */
export function indexedObjects(ws: WorkspaceView): Located[] {
  // A file another worker parsed contributes stand-ins built from its facts (see RemoteObject).
  return perWorkspace(ws, 'k8s-objects', () =>
    ws.files('kubernetes').flatMap((file) => {
      const facts = seededFacts(ws, K8S_FACTS, file);
      if (facts) return facts.objects.map((f, i) => ({ file, object: new RemoteObject(file, f, i) as K8sObject }));
      return k8sModel(file).objects.map((object) => ({ file, object }));
    }),
  );
}

/** Does a file of the index have Go template syntax (from its facts when another worker parsed it)? */
export function indexedTemplated(ws: WorkspaceView, file: SourceFile): boolean {
  return seededFacts(ws, K8S_FACTS, file)?.templated ?? k8sModel(file).templated;
}

/** Every Kubernetes object of the workspace, with its file (for cross-file rules). */
export function workspaceObjects(ctx: RuleContext): { file: SourceFile; object: K8sObject }[] {
  // Every object of the index, built once per version of it; the linted file's own objects come
  // from the file being linted (it may be a candidate text not in the index, e.g. during fix-all).
  const indexed = indexedObjects(ctx.workspace);
  const own = ctx.workspace.get(ctx.file.path);
  if (own === ctx.file) return indexed;
  return [...indexed.filter((l) => l.file.path !== ctx.file.path), ...k8sModel(ctx.file).objects.map((object) => ({ file: ctx.file, object }))];
}

/** The range of a pair's key, for findings about a key that is set. */
export function keyOf(pair: YPair): Range {
  return keyRange(pair)!;
}

export interface K8sRuleDefinition<M extends string> extends Omit<RuleDefinition<'kubernetes', M>, 'kind' | 'check'> {
  check(ctx: RuleContext<'kubernetes', M>, k8s: K8sModel): void;
}

/**
 * Define a kubernetes/* rule: the check gets the file's Kubernetes view, and findings inside an
 * object whose `shipready.dev/ignore` annotation lists the rule are dropped here, in one place.
 */
export function defineK8sRule<M extends string>(def: K8sRuleDefinition<M>): Rule {
  const { check, ...rest } = def;
  const filter: IgnoreFilter = { id: def.id, foreign: foreignIds(def.sources) };
  return defineRule<'kubernetes', M>({
    ...rest,
    kind: 'kubernetes',
    check(ctx) {
      const whole = k8sModel(ctx.file);
      if (whole.objects.length === 0) return;
      const k8s = ctx.scope ? scopedModel(whole, ctx.scope) : whole;
      check(new K8sRuleContext<M>(ctx, k8s, filter), k8s);
    },
  });
}

interface IgnoreFilter {
  id: string;
  foreign: ReturnType<typeof foreignIds>;
}

/**
 * What a kubernetes/* rule's check sees: the runner's context, with findings inside an object that
 * ignores the rule dropped. A class (one shape, methods on the prototype) rather than an object
 * literal with a getter and three closures per rule and file.
 */
class K8sRuleContext<M extends string> implements RuleContext<'kubernetes', M> {
  readonly file: SourceFile;
  readonly options: Record<string, unknown>;
  readonly workspace: WorkspaceView;
  readonly #ctx: RuleContext<'kubernetes', M>;
  readonly #k8s: K8sModel;
  readonly #filter: IgnoreFilter;
  constructor(ctx: RuleContext<'kubernetes', M>, k8s: K8sModel, filter: IgnoreFilter) {
    this.file = ctx.file;
    this.options = ctx.options;
    this.workspace = ctx.workspace;
    this.#ctx = ctx;
    this.#k8s = k8s;
    this.#filter = filter;
  }

  get doc(): YamlModel {
    return this.#ctx.doc;
  }

  report(r: Report<M>): void {
    const o = this.#k8s.objectAt(r.range.start);
    const { id, foreign } = this.#filter;
    if (o && (o.ignored.has(id) || o.ignored.has('all') || foreignIgnored(o, foreign))) return;
    this.#ctx.report(r);
  }
}

const scopedModels = new WeakMap<K8sModel, Map<number, K8sModel>>();

/** The Kubernetes view of part of a file (for `perDocument` rules): only the objects of its documents. */
function scopedModel(whole: K8sModel, scope: DocumentScope): K8sModel {
  let byStart = scopedModels.get(whole);
  if (!byStart) scopedModels.set(whole, (byStart = new Map()));
  let view = byStart.get(scope.range.start);
  if (!view) {
    // Objects are in document order: the first at or after the scope's first document, up to its last.
    const firstAt = (index: number) => {
      let lo = 0;
      let hi = whole.objects.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (whole.objects[mid].doc.index < index) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const objects = whole.objects.slice(firstAt(scope.docs[0]), firstAt(scope.docs[1]));
    view = Object.assign(Object.create(whole) as K8sModel, { objects, workloads: objects.filter((o) => o.workload).map((o) => o.workload!) });
    byStart.set(scope.range.start, view);
  }
  return view;
}

export interface WorkloadFilter {
  /**
   * Include Helm test pods (`helm.sh/hook: test`). Rules about settings that are missing skip them
   * (a test pod that runs curl once needs no probes or resource limits); rules about dangerous
   * settings that are present include them.
   */
  helmTests?: boolean;
}

/** Containers of the complete (non-partial) workloads of a file, optionally of some types only. */
export function* containersOf(k8s: K8sModel, types: readonly Container['type'][] = ['initContainer', 'container', 'ephemeralContainer'], filter: WorkloadFilter = {}): Generator<{ w: Workload; c: Container }> {
  for (const w of workloadsOf(k8s, filter)) {
    for (const c of w.containers) if (types.includes(c.type)) yield { w, c };
  }
}

/** Complete (non-partial) workloads of a file. */
export function workloadsOf(k8s: K8sModel, filter: WorkloadFilter = {}): Workload[] {
  return k8s.workloads.filter((w) => !w.object.partial && (filter.helmTests || !w.object.helmTest));
}

/** Is the workload a batch one (Job, CronJob): no probes, no PDB, no long-running service? */
export function isBatch(w: Workload): boolean {
  return w.kind === 'Job' || w.kind === 'CronJob' || (w.kind === 'Pod' && ['Never', 'OnFailure'].includes(str(get(w.podSpec, 'restartPolicy')) ?? ''));
}

/**
 * A securityContext setting as it takes effect for a container: the container's own value,
 * else the pod's (for the fields a pod can set). `unknown` when a template decides it.
 */
export function securitySetting(k8s: K8sModel, w: Workload, c: Container, key: string, podLevel: boolean): { value: YNode; level: 'container' | 'pod' | 'none'; unknown: boolean; pair?: YPair } {
  const sc = get(c.node, 'securityContext');
  const own = getPair(sc, key);
  if (own) return { value: own.value as YNode, level: 'container', unknown: k8s.unknown(own.value), pair: own };
  const unknownOwn = k8s.has(c.node, 'securityContext') === 'unknown' || k8s.unknown(sc) || k8s.has(sc, key) === 'unknown';
  if (podLevel) {
    const psc = get(w.podSpec, 'securityContext');
    const p = getPair(psc, key);
    if (p) return { value: p.value as YNode, level: 'pod', unknown: unknownOwn || k8s.unknown(p.value), pair: p };
    const unknownPod = k8s.has(w.podSpec, 'securityContext') === 'unknown' || k8s.unknown(psc) || k8s.has(psc, key) === 'unknown';
    return { value: undefined, level: 'none', unknown: unknownOwn || unknownPod };
  }
  return { value: undefined, level: 'none', unknown: unknownOwn };
}

/** The securityContext a hardened container gets (brief: Kubernetes). */
export const HARDENED_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

/** Fix: merge settings into a container's securityContext (creating it when needed). */
export function containerSecurityFix(k8s: K8sModel, c: Container, entries: YamlObject, title: string): Fix {
  return { title, edits: mergeInto(k8s.text, c.node, { securityContext: entries }, { overwrite: true, style: k8s.style }) };
}

/** Fix: the full hardened securityContext for a container. */
export function hardenFix(k8s: K8sModel, c: Container): Fix {
  return containerSecurityFix(k8s, c, HARDENED_SECURITY_CONTEXT, `Harden the securityContext of "${c.name ?? 'container'}" (non-root, read-only root, no escalation, drop ALL)`);
}

/** Does the pod mount a PersistentVolumeClaim (usually ReadWriteOnce: one pod at a time)? */
export function usesClaim(w: Workload): boolean {
  return seqMaps(get(w.podSpec, 'volumes')).some((v) => getPair(v, 'persistentVolumeClaim') !== undefined);
}

/** A pod spec's volumes by name. */
export function volumesOf(w: Workload): Map<string, YAMLMap> {
  const out = new Map<string, YAMLMap>();
  for (const v of seqMaps(get(w.podSpec, 'volumes'))) {
    const n = str(get(v, 'name'));
    if (n) out.set(n, v);
  }
  return out;
}

/** Declared container ports: numbers and names. */
export function portsOf(c: Container): { number?: number; name?: string; node: YAMLMap }[] {
  return seqMaps(get(c.node, 'ports')).map((p) => {
    const n = get(p, 'containerPort');
    return { number: isScalar(n) && typeof n.value === 'number' ? n.value : undefined, name: str(get(p, 'name')), node: p };
  });
}

const SUFFIX: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6, n: 1e-9, u: 1e-6 };

/** A Kubernetes quantity (`100m`, `1.5`, `128Mi`, `1e3`) as a number; undefined when malformed. */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (typeof q === 'number') return q;
  if (!q) return undefined;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|n|u)?)$/.exec(q.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIX[m[3] ?? ''];
}

/** Fix: replace a container image's tag (or add one), keeping the value's quotes. */
export function imageTagEdit(text: string, node: Node, ref: { name: string; nameEnd: number; tagEnd?: number; tag?: string }, newTag: string): { range: Range; text: string } | undefined {
  const start = scalarValueStart(text, node as Scalar);
  if (start === undefined) return undefined;
  return { range: { start: start + ref.nameEnd, end: start + (ref.tagEnd ?? ref.nameEnd) }, text: `:${newTag}` };
}

/** Fix: insert an httpGet probe on the container's first declared port (placeholders for the path). */
export function probeFix(k8s: K8sModel, c: Container, key: 'readinessProbe' | 'livenessProbe', path: string): Fix | undefined {
  const port = portsOf(c)[0];
  if (!port || (port.number === undefined && !port.name)) return undefined;
  const probe: YamlObject = { httpGet: { path: raw(`\${1:${path}}`), port: port.name ?? port.number! }, periodSeconds: raw(`\${2:10}`) };
  return { title: `Add a ${key} (HTTP GET ${path} on port ${port.name ?? port.number})`, snippet: true, edits: mergeInto(k8s.text, c.node, { [key]: probe }, { style: k8s.style }) };
}

/** An object of the workspace with the file it is in. */
export interface Located {
  file: SourceFile;
  object: K8sObject;
}

/** A related location pointing at another object (for `related` on cross-file findings). */
export function relatedTo(l: Located, message: string): RelatedLocation {
  return { path: l.file.path, range: l.object.range, message };
}

/** What an HPA scales: `spec.scaleTargetRef`. */
export function hpaTarget(o: K8sObject): { kind?: string; name?: string; nameNode?: Node; known: boolean } {
  if (o instanceof RemoteObject && o.facts.hpa) {
    const { kind, name, known } = o.facts.hpa;
    return { kind, name, known, get nameNode() { return hpaTarget(o.real()).nameNode; } };
  }
  const ref = getPath(o.node, ['spec', 'scaleTargetRef']);
  const nameNode = get(ref, 'name') ?? undefined;
  const model = k8sModelOfObject(o);
  return { kind: str(get(ref, 'kind')), name: str(nameNode), nameNode, known: !!nameNode && !model?.unknown(nameNode) && !model?.unknown(get(ref, 'kind')) };
}

/** An HPA's minReplicas (default 1); undefined when a template decides it. */
export function hpaMin(o: K8sObject): number | undefined {
  if (o instanceof RemoteObject && o.facts.hpa) return o.facts.hpa.min ?? undefined;
  const n = getPath(o.node, ['spec', 'minReplicas']);
  if (!n) return 1;
  if (k8sModelOfObject(o)?.unknown(n)) return undefined;
  return isScalar(n) && typeof n.value === 'number' ? n.value : undefined;
}

const derivedCache = new WeakMap<readonly Located[], Map<string, unknown>>();

/**
 * Something computed from the workspace's objects, once per list: `workspaceObjects` returns the
 * same list until the index changes, so every file and rule shares it and a scan stays linear.
 */
export function derived<T>(all: readonly Located[], key: string, compute: () => T): T {
  let map = derivedCache.get(all);
  if (!map) derivedCache.set(all, (map = new Map()));
  if (!map.has(key)) map.set(key, compute());
  return map.get(key) as T;
}

/** The objects of one kind in the workspace. */
export function ofKind(all: readonly Located[], kind: string): Located[] {
  return derived(all, `kind:${kind}`, () => all.filter((l) => l.object.kind === kind));
}

/** The complete workloads of the workspace (not kustomize fragments). */
export function workloadObjects(all: readonly Located[]): Located[] {
  return derived(all, 'workloads', () => all.filter((l) => l.object.workload && !l.object.partial));
}

/** HPAs of the workspace that target this workload. */
const hpaKey = (kind: string, name: string | undefined) => (name === undefined ? `${kind}\n` : `${kind}\n=${name}`);

export function hpasFor(all: readonly Located[], w: Workload): Located[] {
  // The autoscalers by target, once per list (was: every HPA of the workspace for every workload).
  const byTarget = derived(all, 'hpas-by-target', () => {
    const m = new Map<string, Located[]>();
    for (const l of ofKind(all, 'HorizontalPodAutoscaler')) {
      const t = hpaTarget(l.object);
      if (!t.known || t.kind === undefined) continue;
      const k = hpaKey(t.kind, t.name);
      const list = m.get(k);
      if (list) list.push(l);
      else m.set(k, [l]);
    }
    return m;
  });
  return (byTarget.get(hpaKey(w.kind, w.object.name)) ?? []).filter((l) => sameNamespace(l.object, w.object));
}

/** The labels a workload's pods are selected by: `spec.selector.matchLabels`, else the pod labels. */
export function selectorLabels(w: Workload): Record<string, string> {
  const ml = getPath(w.object.node, ['spec', 'selector', 'matchLabels']);
  const out: Record<string, string> = {};
  for (const { key, value } of mapPairs(ml)) {
    const s = str(value);
    if (s !== undefined) out[key] = s;
  }
  return Object.keys(out).length ? out : { ...w.podLabels };
}

const objectModels = new WeakMap<K8sObject, K8sModel>();

/** The range of a container's image value (from the facts for a container of another worker's file). */
export function containerImageRange(c: Container): Range | undefined {
  return c instanceof RemoteContainer ? c.imageRange : nodeRange(c.imageNode);
}

/** Where an object starts in its file (its map's first offset), for ordering objects of the workspace. */
export function objectStart(o: K8sObject): number {
  return o instanceof RemoteObject ? o.facts.start : o.node.range![0];
}

// --- Facts for workers that do not parse a file (see defineFacts in ../workspace) -------------------

interface ContainerFacts {
  type: Container['type'];
  index: number;
  name?: string;
  image?: string;
  /** nodeRange(imageNode), for containerImageRange(). */
  imageRange?: Range;
  range: Range;
}

/** The fields of a K8sObject that are plain data: its facts carry them as they are. */
const PLAIN_FIELDS = ['apiVersion', 'group', 'version', 'kind', 'name', 'namespace', 'labels', 'annotations', 'labelsKnown', 'range', 'inList', 'partial', 'templated', 'helmTest', 'displayName'] as const;
type PlainFields = Pick<K8sObject, (typeof PLAIN_FIELDS)[number]>;

/** Copies the plain fields of `from` onto `to`. */
function copyPlain(from: PlainFields, to: PlainFields): void {
  for (const k of PLAIN_FIELDS) (to as unknown as Record<string, unknown>)[k] = from[k];
}

interface ObjectFacts extends PlainFields {
  ignored: string[];
  start: number;
  /** hpaTarget() and hpaMin() of a HorizontalPodAutoscaler (min null when unknown). */
  hpa?: { kind?: string; name?: string; known: boolean; min: number | null };
  workload?: {
    kind: WorkloadKind;
    podLabels: Record<string, string>;
    podLabelsKnown: boolean;
    podSpecPath: string[];
    replicas?: number;
    effectiveReplicas?: number;
    containers: ContainerFacts[];
  };
}

/** What the workspace's Kubernetes index needs of a file: its objects without their YAML nodes. */
export const K8S_FACTS = defineFacts<{ templated: boolean; objects: ObjectFacts[] }>({
  key: 'k8s-objects',
  kinds: ['kubernetes'],
  extract(file) {
    const k8s = k8sModel(file);
    return {
      templated: k8s.templated,
      objects: k8s.objects.map((o): ObjectFacts => {
        const t = o.kind === 'HorizontalPodAutoscaler' ? hpaTarget(o) : undefined;
        const w = o.workload;
        const facts = { ignored: [...o.ignored], start: o.node.range![0] } as ObjectFacts;
        copyPlain(o, facts);
        if (t) facts.hpa = { kind: t.kind, name: t.name, known: t.known, min: hpaMin(o) ?? null };
        if (w) {
          facts.workload = {
            kind: w.kind,
            podLabels: w.podLabels,
            podLabelsKnown: w.podLabelsKnown,
            podSpecPath: w.podSpecPath,
            replicas: w.replicas,
            effectiveReplicas: w.effectiveReplicas,
            containers: w.containers.map((c) => ({ type: c.type, index: c.index, name: c.name, image: c.image, imageRange: nodeRange(c.imageNode), range: c.range })),
          };
        }
        return facts;
      }),
    };
  },
});

/** RemoteObject's plain fields: declared once (PLAIN_FIELDS), set by copyPlain. */
interface RemoteObject extends PlainFields {}

/**
 * A Kubernetes object of a file this worker did not parse, built from the file's facts: the plain
 * fields are the facts; reading a YAML node parses the file then (lazily, once) and returns the
 * real node, so a rule sees exactly what it would see on a parsed file.
 */
class RemoteObject implements K8sObject {
  ignored: Set<string>;
  workload?: Workload;

  constructor(
    readonly file: SourceFile,
    readonly facts: ObjectFacts,
    readonly index: number,
  ) {
    copyPlain(facts, this);
    this.ignored = new Set(facts.ignored);
    if (facts.workload) this.workload = new RemoteWorkload(this, facts.workload);
  }

  /** The parsed object (parses the file). */
  real(): K8sObject {
    return k8sModel(this.file).objects[this.index];
  }
  get doc() {
    return this.real().doc;
  }
  get node() {
    return this.real().node;
  }
  get kindNode() {
    return this.real().kindNode;
  }
  get metadata() {
    return this.real().metadata;
  }
  get nameNode() {
    return this.real().nameNode;
  }
}

class RemoteWorkload implements Workload {
  kind: WorkloadKind;
  podLabels: Record<string, string>;
  podLabelsKnown: boolean;
  podSpecPath: string[];
  replicas?: number;
  effectiveReplicas?: number;
  containers: Container[];

  constructor(
    readonly object: RemoteObject,
    facts: NonNullable<ObjectFacts['workload']>,
  ) {
    this.kind = facts.kind;
    this.podLabels = facts.podLabels;
    this.podLabelsKnown = facts.podLabelsKnown;
    this.podSpecPath = facts.podSpecPath;
    this.replicas = facts.replicas;
    this.effectiveReplicas = facts.effectiveReplicas;
    this.containers = facts.containers.map((c, i) => new RemoteContainer(this, c, i));
  }

  real(): Workload {
    return this.object.real().workload!;
  }
  get spec() {
    return this.real().spec;
  }
  get template() {
    return this.real().template;
  }
  get podMetadata() {
    return this.real().podMetadata;
  }
  get podSpec() {
    return this.real().podSpec;
  }
  get replicasPair() {
    return this.real().replicasPair;
  }
}

class RemoteContainer implements Container {
  type: Container['type'];
  index: number;
  name?: string;
  image?: string;
  imageRange?: Range;
  range: Range;

  constructor(
    private readonly workload: RemoteWorkload,
    facts: ContainerFacts,
    private readonly at: number,
  ) {
    this.type = facts.type;
    this.index = facts.index;
    this.name = facts.name;
    this.image = facts.image;
    this.imageRange = facts.imageRange;
    this.range = facts.range;
  }

  get node() {
    return this.workload.real().containers[this.at].node;
  }
  get imageNode() {
    return this.workload.real().containers[this.at].imageNode;
  }
}
function k8sModelOfObject(o: K8sObject): K8sModel | undefined {
  return objectModels.get(o);
}

/** A NetworkPolicy's pod selector, and whether it can be evaluated. */
export function policySelector(l: Located): { selector: YNode; known: boolean } {
  const model = k8sModel(l.file);
  const selector = getPath(l.object.node, ['spec', 'podSelector']);
  const known = !model.unknown(selector) && !model.open(selector) && !model.open(get(selector, 'matchLabels')) && !model.open(getPath(l.object.node, ['spec']));
  return { selector, known };
}

/** Does a NetworkPolicy isolate both ingress and egress of the pods it selects? */
export function policyTypes(o: K8sObject): Set<string> {
  const spec = get(o.node, 'spec');
  const declared = get(spec, 'policyTypes');
  const types = new Set<string>();
  if (isSeq(declared)) for (const t of declared.items) types.add(str(t) ?? '');
  else {
    types.add('Ingress');
    if (getPair(spec, 'egress')) types.add('Egress');
  }
  return types;
}

/** The check names of other linters a rule stands for, read from its `sources` (`kube-linter run-as-non-root`). */
function foreignIds(sources: readonly string[]): { kubeLinter: Set<string>; kubeScore: Set<string>; polaris: Set<string> } {
  const pick = (prefix: string) => new Set(sources.filter((s) => s.startsWith(`${prefix} `)).map((s) => s.slice(prefix.length + 1).trim()));
  return { kubeLinter: pick('kube-linter'), kubeScore: pick('kube-score'), polaris: pick('Polaris') };
}

/**
 * Annotations of other linters that users already put on their objects (Appendix C): kube-linter's
 * `ignore-check.kube-linter.io/<check>` and `kube-linter.io/ignore-all`, kube-score's
 * `kube-score/ignore`, Polaris' `polaris.fairwinds.com/<check>-exempt` and `…/exempt`.
 */
function foreignIgnored(o: K8sObject, ids: ReturnType<typeof foreignIds>): boolean {
  const a = o.annotations;
  if (a['kube-linter.io/ignore-all'] !== undefined || a['polaris.fairwinds.com/exempt'] === 'true') return true;
  for (const check of ids.kubeLinter) if (a[`ignore-check.kube-linter.io/${check}`] !== undefined) return true;
  for (const check of ids.polaris) if (a[`polaris.fairwinds.com/${check}-exempt`] === 'true') return true;
  const score = (a['kube-score/ignore'] ?? '').split(',').map((x) => x.trim());
  return score.some((x) => ids.kubeScore.has(x));
}
