import type { Node } from 'yaml';
import { defineK8sRule, workloadsOf, workspaceObjects, type K8sModel, type K8sObject, type Workload } from '../../documents/k8s';
import { asMap, bool, get, getPath, nodeRange, seqMaps, str } from '../../documents/yaml-nav';
import { perWorkspace, type WorkspaceView } from '../../workspace';
import type { SourceFile } from '../../documents/source';

type RefKind = 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim';

interface Ref {
  kind: RefKind;
  name: string;
  node: Node;
}

/** Objects (or generators) known to produce an object of a kind under a name. */
interface Defined {
  /** kind → namespace-qualified names (`ns/name`, or `*\/name` when the namespace is not set). */
  names: Map<RefKind, Set<string>>;
  /** Kinds the manifest set manages at all: a reference to a kind it never defines is left alone. */
  managed: Set<RefKind>;
}

/** Names Kubernetes itself creates in every namespace. */
const WELL_KNOWN: Record<RefKind, Set<string>> = {
  ConfigMap: new Set(['kube-root-ca.crt']),
  Secret: new Set(),
  ServiceAccount: new Set(['default']),
  PersistentVolumeClaim: new Set(),
};

function add(d: Defined, kind: RefKind, name: string | undefined, namespace: string | undefined) {
  if (!name) return;
  let set = d.names.get(kind);
  if (!set) d.names.set(kind, (set = new Set()));
  set.add(`${namespace ?? '*'}/${name}`);
  d.managed.add(kind);
}

function definedBy(o: K8sObject, d: Defined) {
  const ns = o.namespace;
  // Only the kinds below read the object's YAML (an object of another worker's file is then parsed).
  const spec = () => get(o.node, 'spec');
  switch (o.kind) {
    case 'ConfigMap':
    case 'Secret':
    case 'ServiceAccount':
    case 'PersistentVolumeClaim':
      add(d, o.kind, o.name, ns);
      break;
    case 'SealedSecret':
      add(d, 'Secret', str(getPath(spec(), ['template', 'metadata', 'name'])) ?? o.name, ns);
      break;
    case 'ExternalSecret':
    case 'PushSecret':
      add(d, 'Secret', str(getPath(spec(), ['target', 'name'])) ?? o.name, ns);
      break;
    case 'Certificate':
      add(d, 'Secret', str(get(spec(), 'secretName')), ns);
      break;
    case 'SecretProviderClass':
      for (const so of seqMaps(get(spec(), 'secretObjects'))) add(d, 'Secret', str(get(so, 'secretName')), ns);
      break;
    case 'StatefulSet':
      for (const t of seqMaps(get(spec(), 'volumeClaimTemplates'))) add(d, 'PersistentVolumeClaim', str(getPath(t, ['metadata', 'name'])), ns);
      break;
    case 'Kustomization':
      generators(o.node, d, ns);
      break;
  }
}

function generators(root: unknown, d: Defined, ns: string | undefined) {
  const namespace = str(get(root, 'namespace')) ?? ns;
  for (const g of seqMaps(get(root, 'configMapGenerator'))) add(d, 'ConfigMap', str(get(g, 'name')), str(get(g, 'namespace')) ?? namespace);
  for (const g of seqMaps(get(root, 'secretGenerator'))) add(d, 'Secret', str(get(g, 'name')), str(get(g, 'namespace')) ?? namespace);
}

/** What the workspace defines, computed once per version of the index. */
function defined(ws: WorkspaceView, all: readonly { file: SourceFile; object: K8sObject }[]): Defined & { opaque: boolean } {
  const d: Defined = { names: new Map(), managed: new Set() };
  let opaque = false;
  for (const { object } of all) {
    definedBy(object, d);
    // A templated object may define anything: names cannot be trusted to be complete.
    if (object.templated && ['ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim'].includes(object.kind)) opaque = true;
  }
  // kustomization.yaml without apiVersion/kind is a plain YAML file
  for (const f of ws.files('yaml')) {
    if (!/(^|\/)kustomization\.ya?ml$/i.test(f.path)) continue;
    for (const doc of f.yaml.docs) generators(doc.doc.contents, d, undefined);
  }
  return { ...d, opaque };
}

function refsOf(w: Workload): Ref[] {
  const out: Ref[] = [];
  const push = (kind: RefKind, nameNode: unknown, optional?: unknown) => {
    const name = str(nameNode);
    if (!name || bool(optional) === true || !nameNode) return;
    out.push({ kind, name, node: nameNode as Node });
  };
  const pod = w.podSpec;
  push('ServiceAccount', get(pod, 'serviceAccountName') ?? get(pod, 'serviceAccount'));
  for (const s of seqMaps(get(pod, 'imagePullSecrets'))) push('Secret', get(s, 'name'));
  for (const v of seqMaps(get(pod, 'volumes'))) {
    const cm = asMap(get(v, 'configMap'));
    if (cm) push('ConfigMap', get(cm, 'name'), get(cm, 'optional'));
    const sec = asMap(get(v, 'secret'));
    if (sec) push('Secret', get(sec, 'secretName'), get(sec, 'optional'));
    const pvc = asMap(get(v, 'persistentVolumeClaim'));
    if (pvc) push('PersistentVolumeClaim', get(pvc, 'claimName'));
    for (const src of seqMaps(getPath(v, ['projected', 'sources']))) {
      const pcm = asMap(get(src, 'configMap'));
      if (pcm) push('ConfigMap', get(pcm, 'name'), get(pcm, 'optional'));
      const psec = asMap(get(src, 'secret'));
      if (psec) push('Secret', get(psec, 'name'), get(psec, 'optional'));
    }
  }
  for (const c of w.containers) {
    for (const e of seqMaps(get(c.node, 'envFrom'))) {
      const cm = asMap(get(e, 'configMapRef'));
      if (cm) push('ConfigMap', get(cm, 'name'), get(cm, 'optional'));
      const sec = asMap(get(e, 'secretRef'));
      if (sec) push('Secret', get(sec, 'name'), get(sec, 'optional'));
    }
    for (const e of seqMaps(get(c.node, 'env'))) {
      const vf = asMap(get(e, 'valueFrom'));
      const cm = asMap(get(vf, 'configMapKeyRef'));
      if (cm) push('ConfigMap', get(cm, 'name'), get(cm, 'optional'));
      const sec = asMap(get(vf, 'secretKeyRef'));
      if (sec) push('Secret', get(sec, 'name'), get(sec, 'optional'));
    }
  }
  return out;
}

const suffixes = new WeakMap<Set<string>, Set<string>>();

/**
 * Every part of the qualified names after one of their `/`: `has(x)` is whether some name ends
 * with `/x`, built once per set of names (was: every name of the kind for every reference).
 */
function nameSuffixes(names: Set<string>): Set<string> {
  let out = suffixes.get(names);
  if (!out) {
    out = new Set();
    for (const n of names) for (let i = n.indexOf('/'); i >= 0; i = n.indexOf('/', i + 1)) out.add(n.slice(i + 1));
    suffixes.set(names, out);
  }
  return out;
}

const NOUN: Record<RefKind, string> = { ConfigMap: 'ConfigMap', Secret: 'Secret', ServiceAccount: 'ServiceAccount', PersistentVolumeClaim: 'PersistentVolumeClaim' };

export default defineK8sRule({
  id: 'workspace/k8s-refs-resolve',
  type: 'problem',
  severity: 'info',
  summary: 'ConfigMaps, Secrets, ServiceAccounts and PVCs that workloads reference exist in the manifest set',
  sources: ['kube-linter env-value-from', 'kube-linter non-existent-service-account'],
  messages: {
    missing: 'No {{kind}} named "{{name}}" in the manifests of this workspace, which define other {{kind}}s: the pod will not start (CreateContainerConfigError or stuck Pending) unless it is created elsewhere.',
  },
  fixable: false,
  crossFile: true,
  check(ctx, k8s: K8sModel) {
    if (!ctx.workspace.complete || k8s.templated) return;
    const all = workspaceObjects(ctx);
    // Keyed on the index: the linted file's own objects are added below when it is a candidate text.
    const base = perWorkspace(ctx.workspace, 'k8s-refs-defined', () => defined(ctx.workspace, all));
    if (base.opaque) return;
    let d: Defined = base;
    if (ctx.workspace.get(ctx.file.path) !== ctx.file) {
      d = defined(ctx.workspace, all);
      if ((d as Defined & { opaque: boolean }).opaque) return;
    }
    for (const w of workloadsOf(k8s, { helmTests: true })) {
      const ns = w.object.namespace;
      for (const r of refsOf(w)) {
        if (k8s.unknown(r.node) || /[{}$]/.test(r.name)) continue;
        if (WELL_KNOWN[r.kind].has(r.name) || !d.managed.has(r.kind)) continue;
        const names = d.names.get(r.kind)!;
        if (names.has(`*/${r.name}`) || names.has(`${ns ?? '*'}/${r.name}`)) continue;
        // an object without a namespace matches a reference from any namespace, and vice versa
        if (ns === undefined && nameSuffixes(names).has(r.name)) continue;
        const range = nodeRange(r.node);
        if (range) ctx.report({ range, messageId: 'missing', data: { kind: NOUN[r.kind], name: r.name } });
      }
    }
  },
});

