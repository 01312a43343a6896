// Typed view of a Compose file, built once per parse: services with the keys rules look at, and
// the `${VAR}` interpolations of the file.
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import type { Range } from '../types';
import type { SourceFile } from './source';
import type { YamlModel } from './yaml';
import { cachedView } from './yaml';
import { asMap, get, getPair, keyRange, mapPairs, nodeRange, seqItems, str, isAlias, isMap, isPair, isScalar, isSeq, type YNode, type YPair } from './yaml-nav';
import { detectStyle, type YamlStyle } from '../fixes/yaml';

export interface ComposeEnvEntry {
  key: string;
  /** Undefined for `KEY` without a value (taken from the shell) and `KEY:` empty. */
  value?: string;
  /** The node holding the value (map value), or the list item `KEY=value`. */
  node: Node;
  keyRange: Range;
  /** Range of the value text in the document (for the list form: after `=`). */
  valueRange?: Range;
  form: 'map' | 'list';
  /** The pair (map form). */
  pair?: YPair;
}

export interface ComposePort {
  node: Node;
  range: Range;
  /** Raw text of a short-syntax entry (`"127.0.0.1:8080:80/tcp"`). */
  raw?: string;
  hostIp?: string;
  /** Published host port(s) as written (`8080`, `8080-8081`), undefined when only a container port. */
  published?: string;
  target?: string;
  protocol: string;
  long: boolean;
}

export interface ComposeService {
  name: string;
  pair: YPair;
  keyRange: Range;
  node?: YAMLMap;
  image?: string;
  imageNode?: Scalar;
  buildPair?: YPair;
  /** Build context and Dockerfile, when the build section is literal. */
  buildContext?: string;
  dockerfile?: string;
  healthcheckPair?: YPair;
  deploy?: YAMLMap;
  userPair?: YPair;
  user?: string;
  restart?: string;
  environmentPair?: YPair;
  environment: ComposeEnvEntry[];
  envFiles: { path: string; node: Node }[];
  ports: ComposePort[];
  portsNode?: YNode;
  containerNamePair?: YPair;
  dependsOnPair?: YPair;
  /** Service names in `depends_on` with their nodes and conditions. */
  dependsOn: { name: string; node: Node; condition?: string }[];
  /** A key's value, also through `<<: *anchor` merge keys. */
  get(key: string): YNode;
  /** A key's pair, also through merge keys (the pair may then live in the anchored map). */
  pairOf(key: string): YPair | undefined;
  /** Maps merged into the service with `<<:` (YAML merge keys). */
  merged: YAMLMap[];
}

export interface Interpolation {
  name: string;
  /** `${VAR:-x}` / `${VAR-x}` default, or `?` required marker. */
  hasDefault: boolean;
  range: Range;
}

export interface ComposeModel {
  file: SourceFile;
  text: string;
  root?: YAMLMap;
  servicesPair?: YPair;
  services: ComposeService[];
  serviceByName: Map<string, ComposeService>;
  /** All `${VAR}` / `$VAR` interpolations in values (not `$$`). */
  interpolations: Interpolation[];
  style: YamlStyle;
  /** An override/fragment file (no image or build on any service): skip completeness rules. */
  fragment: boolean;
  /**
   * `toJS()` of the documents gives plain data with nothing for `resolveMergeKeys` to do: core
   * schema, no aliases, no explicit tags, only scalar keys and none of them `<<` or `__proto__`.
   */
  plainData: boolean;
}

/** The Compose view of a file, built once per parse. */
export const composeModel: (file: SourceFile) => ComposeModel = cachedView(build);

const INTERP = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-?+])[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

const HAS_DEFAULT = /^:?[-+]/;

/** `${VAR}` and `$VAR` in a string (document offsets from `base`). */
export function interpolationsIn(s: string, base: number, out: Interpolation[] = []): Interpolation[] {
  // exec on the module's regex instead of matchAll, which copies the regex on every call
  INTERP.lastIndex = 0;
  for (let m = INTERP.exec(s); m; m = INTERP.exec(s)) {
    if (m[0] === '$$') continue;
    const name = m[1] ?? m[3];
    const mod = m[2] ?? '';
    out.push({ name, hasDefault: HAS_DEFAULT.test(mod), range: { start: base + m.index, end: base + m.index + m[0].length } });
  }
  return out;
}

function build(file: SourceFile, yaml: YamlModel): ComposeModel {
  const text = file.text;
  const root = asMap(yaml.docs[0]?.doc.contents);
  const style = detectStyle(text, ...yaml.docs.map((d) => d.doc.contents));
  const services: ComposeService[] = [];
  const serviceByName = new Map<string, ComposeService>();
  const servicesPair = getPair(root, 'services');
  const doc = yaml.docs[0]?.doc;
  for (const { key, pair, value } of mapPairs(servicesPair?.value)) {
    const node = asMap(value);
    const merged = mergeSources(doc, node);
    // Rules ask a service for ~35 keys: one pass over its pairs instead of two scans per ask.
    const own = node ? keyIndex(node) : undefined;
    const look = (k: string): YNode => {
      if (own && (own.strict ? own.pairs.has(k) : node!.has(k))) return (own.pairs.get(k)!.value ?? undefined) as YNode;
      for (const mm of merged) {
        const v = get(mm, k);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    const lookPair = (k: string): YPair | undefined => {
      const p = own?.pairs.get(k);
      if (p) return p;
      for (const mm of merged) {
        const q = getPair(mm, k);
        if (q) return q;
      }
      return undefined;
    };
    const svc: ComposeService = {
      name: key,
      pair,
      keyRange: keyRange(pair)!,
      node,
      environment: [],
      envFiles: [],
      ports: [],
      dependsOn: [],
      get: look,
      pairOf: lookPair,
      merged,
    };
    if (node) {
      const image = look('image');
      if (isScalar(image) && image.value !== null) {
        svc.image = String(image.value);
        svc.imageNode = image;
      }
      svc.buildPair = lookPair('build');
      const b = svc.buildPair?.value;
      if (isScalar(b)) svc.buildContext = str(b);
      else if (isMap(b)) {
        svc.buildContext = str(get(b, 'context')) ?? '.';
        svc.dockerfile = str(get(b, 'dockerfile'));
      }
      svc.healthcheckPair = lookPair('healthcheck');
      svc.deploy = asMap(look('deploy'));
      svc.userPair = lookPair('user');
      svc.user = str(svc.userPair?.value);
      svc.restart = str(look('restart'));
      svc.environmentPair = lookPair('environment');
      svc.environment = envEntries(text, svc.environmentPair?.value as YNode);
      const ef = look('env_file');
      for (const item of isSeq(ef) ? seqItems(ef) : ef ? [ef] : []) {
        const p = str(item) ?? str(get(item, 'path'));
        if (p) svc.envFiles.push({ path: p, node: item as Node });
      }
      svc.portsNode = look('ports');
      for (const item of seqItems(svc.portsNode)) {
        const p = parsePort(item);
        if (p) svc.ports.push(p);
      }
      svc.containerNamePair = lookPair('container_name');
      svc.dependsOnPair = lookPair('depends_on');
      const dep = svc.dependsOnPair?.value;
      if (isSeq(dep)) for (const d of seqItems(dep)) { const n = str(d); if (n) svc.dependsOn.push({ name: n, node: d }); }
      else if (isMap(dep)) for (const { key: n, pair: p, value: v } of mapPairs(dep)) svc.dependsOn.push({ name: n, node: p.key as Node, condition: str(get(v, 'condition')) });
    }
    services.push(svc);
    if (!serviceByName.has(key)) serviceByName.set(key, svc);
  }
  const interpolations: Interpolation[] = [];
  let plainData = true;
  for (const d of yaml.docs) {
    if (d.doc.schema?.name !== 'core') plainData = false;
    const visit = (n: unknown) => {
      if (isScalar(n)) {
        if (n.tag) plainData = false;
        if (typeof n.value === 'string' && n.value.includes('$') && n.range) {
          // plain and quoted scalars: scan the source text so offsets are exact
          interpolationsIn(text.slice(n.range[0], n.range[1]), n.range[0], interpolations);
        }
      } else if (isMap(n)) {
        if (n.tag) plainData = false;
        for (const it of n.items) {
          const k = it.key;
          if (!isScalar(k) || k.value === '<<' || k.value === '__proto__') plainData = false;
          visit(k);
          visit(it.value);
        }
      } else if (isSeq(n)) {
        if (n.tag) plainData = false;
        for (const it of n.items) visit(it);
      } else if (n !== null && n !== undefined) plainData = false; // an alias
    };
    visit(d.doc.contents);
  }
  const fragment = services.length > 0 && services.every((s) => !s.image && !s.buildPair && !get(s.node, 'extends'));
  return { file, text, root, servicesPair, services, serviceByName, interpolations, style, fragment, plainData };
}

/**
 * The pairs of a map by key as `getPair` finds them (the last duplicate wins; numbers and booleans
 * as strings). `strict`: every key is a string, so the keys are also what `YAMLMap.has` finds.
 */
function keyIndex(map: YAMLMap): { pairs: Map<string, YPair>; strict: boolean } {
  const pairs = new Map<string, YPair>();
  let strict = true;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = item.key;
    if (isScalar(k)) {
      const v = k.value;
      if (typeof v === 'string') pairs.set(v, item);
      else if (v !== null && v !== undefined) {
        pairs.set(String(v), item);
        strict = false;
      }
    } else if (typeof k === 'string') pairs.set(k, item);
    else strict = false;
  }
  return { pairs, strict };
}

function envEntries(text: string, node: YNode): ComposeEnvEntry[] {
  const out: ComposeEnvEntry[] = [];
  if (isMap(node)) {
    for (const { key, pair, value } of mapPairs(node)) {
      out.push({ key, value: str(value), node: (value ?? pair.key) as Node, keyRange: keyRange(pair)!, valueRange: str(value) !== undefined ? nodeRange(value) : undefined, form: 'map', pair });
    }
  } else if (isSeq(node)) {
    for (const item of seqItems(node)) {
      const s = str(item);
      if (s === undefined || !isScalar(item) || !item.range) continue;
      const eq = s.indexOf('=');
      const r = item.range;
      const src = text.slice(r[0], r[1]);
      const q = src.startsWith('"') || src.startsWith("'") ? 1 : 0;
      const key = eq < 0 ? s : s.slice(0, eq);
      const srcEq = src.indexOf('=');
      out.push({
        key,
        value: eq < 0 ? undefined : s.slice(eq + 1),
        node: item,
        keyRange: { start: r[0] + q, end: r[0] + q + key.length },
        valueRange: eq < 0 || srcEq < 0 ? undefined : { start: r[0] + srcEq + 1, end: r[1] - q },
        form: 'list',
      });
    }
  }
  return out;
}

/** Parse a port entry (short `"[ip:]host:container[/proto]"` or long syntax). */
export function parsePort(item: unknown): ComposePort | undefined {
  const range = nodeRange(item);
  if (!range) return undefined;
  if (isScalar(item)) {
    const raw = String(item.value ?? '');
    let rest = raw;
    let protocol = 'tcp';
    const slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      protocol = rest.slice(slash + 1);
      rest = rest.slice(0, slash);
    }
    let hostIp: string | undefined;
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(rest);
    if (v6) {
      hostIp = v6[1];
      rest = v6[2];
    }
    const parts = rest.split(':');
    let published: string | undefined;
    let target: string;
    if (parts.length >= 3) {
      hostIp ??= parts.slice(0, parts.length - 2).join(':');
      published = parts[parts.length - 2] || undefined;
      target = parts[parts.length - 1];
    } else if (parts.length === 2) {
      published = parts[0] || undefined;
      target = parts[1];
    } else target = parts[0];
    return { node: item as Node, range, raw, hostIp, published, target, protocol, long: false };
  }
  if (isMap(item)) {
    return {
      node: item as Node,
      range,
      hostIp: str(get(item, 'host_ip')),
      published: str(get(item, 'published')),
      target: str(get(item, 'target')),
      protocol: str(get(item, 'protocol')) ?? 'tcp',
      long: true,
    };
  }
  return undefined;
}

/** Split an image reference into name, tag and digest (`${VAR}` left as written). */
export function splitImage(image: string): { name: string; tag?: string; digest?: string; nameEnd: number } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash && !rest.slice(colon).includes('}')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest, nameEnd: colon };
  return { name: rest, digest, nameEnd: rest.length };
}

/**
 * Does the service look like a one-shot task (migrations, init, tests) rather than a long-running
 * service? Those need no health check, restart policy or resource limits.
 */
/**
 * The services a long-running-service rule judges: defined in this file (not a fragment), not
 * `extends` of another, and not a one-shot task (migrations, init, tests …).
 */
export function longRunningServices(m: ComposeModel): readonly (ComposeService & { node: YAMLMap })[] {
  let out = longRunning.get(m);
  if (!out) {
    out = m.fragment ? [] : m.services.filter((s): s is ComposeService & { node: YAMLMap } => !!s.node && !s.get('extends') && !isOneShot(s));
    longRunning.set(m, out);
  }
  return out;
}
/** Once per model: five rules ask. */
const longRunning = new WeakMap<ComposeModel, (ComposeService & { node: YAMLMap })[]>();

export function isOneShot(svc: ComposeService): boolean {
  if (svc.restart === 'no' && /migrat|init|setup|seed|bootstrap|test|job|task|cli|tools?$/i.test(svc.name)) return true;
  if (/(^|[-_])(migrate|migration|migrations|init|setup|seed|prestart|bootstrap|createbuckets|create-buckets|certs?|tests?|e2e|cypress|playwright)([-_]|$)/i.test(svc.name)) return true;
  const profiles = get(svc.node, 'profiles');
  if (isSeq(profiles) && seqItems(profiles).some((p) => /tools?|test|setup|init|cli|debug/i.test(str(p) ?? ''))) return true;
  return false;
}

export { asMap, get, getPair, str, mapPairs, nodeRange, keyRange };
export type { YAMLMap, Node, Scalar };

// --- Secret-looking literals (shared by compose and workflow rules) -----------------------------

const TOKEN_PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'GitHub token', re: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { name: 'AWS access key', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { name: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { name: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'OpenAI key', re: /\bsk-(proj-)?[A-Za-z0-9_-]{32,}/ },
  { name: 'Anthropic key', re: /\bsk-ant-[A-Za-z0-9_-]{32,}/ },
  { name: 'Stripe key', re: /\b[sr]k_live_[A-Za-z0-9]{20,}/ },
  { name: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'password in a URL', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@${}]+:([^\s@/${}]{3,})@/i },
];

const SECRET_KEY = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|secret[_-]?key|client[_-]?secret|credentials?|auth[_-]?key|encryption[_-]?key|signing[_-]?key|jwt[_-]?secret|session[_-]?secret|master[_-]?key)([_.-]|$)/i;
const NOT_SECRET_KEY = /(_file|_path|_dir|_url_file|_length|_min|_max|_expir[a-z]*|_ttl|_timeout|_enabled?|_required|_policy|_type|_mode|_header|_name|_user(name)?|_hash_algorithm|_rounds|_cost|_lifetime|_endpoint|_uri|_url|_host|_port)$/i;
const PLACEHOLDER = /^(|true|false|yes|no|on|off|none|null|nil|0|1|changeme|change[-_]?me|xxx+|\*+|<.*>|your[-_].*|example|dummy|test|placeholder|redacted|\.\.\.|-)$/i;

/**
 * Is this key/value a literal secret? Returns what it looks like, or undefined. Values with
 * interpolation (`${VAR}`, `${{ secrets.X }}`) and obvious placeholders are not secrets.
 */
export function secretLiteral(key: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  for (const p of TOKEN_PATTERNS) if (p.re.test(v)) return p.name;
  if (/\$\{|\$[A-Za-z_]|\{\{/.test(v)) return undefined;
  if (!SECRET_KEY.test(key) || NOT_SECRET_KEY.test(key)) return undefined;
  if (PLACEHOLDER.test(v) || /^\d{1,6}$/.test(v) || v.length < 4) return undefined;
  if (/^(\/|\.\/|~\/)[^\s]*$/.test(v) && !/\s/.test(v)) return undefined; // a path to a secret file
  if (/^https?:\/\/[^@]*$/.test(v)) return undefined; // an endpoint
  return 'a literal secret';
}

/** The maps a `<<: *anchor` (or `<<: [*a, *b]`) merge key brings into `map`. */
export function mergeSources(doc: Document.Parsed | undefined, map: YAMLMap | undefined): YAMLMap[] {
  const out: YAMLMap[] = [];
  const v = getPair(map, '<<')?.value;
  const items = isSeq(v) ? v.items : v ? [v] : [];
  for (const it of items) {
    const target = isAlias(it) && doc ? it.resolve(doc) : it;
    if (isMap(target)) out.push(target, ...mergeSources(doc, target));
  }
  return out;
}

/**
 * What `doc.toJS()` gives for plain data (ComposeModel.plainData: core schema, no aliases, no
 * tags, scalar keys other than `<<` and `__proto__`): a scalar's value, a map as an object keyed
 * by the keys' values as strings (null as ''), a list as an array; without toJS's per-node context
 * (anchors, merge keys, key stringifying) that such data never needs.
 */
export function plainToJS(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const { key, value } of node.items) {
      const k = (key as Scalar).value;
      out[k === null ? '' : String(k)] = plainToJS(value);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map(plainToJS);
  return node;
}

/** Resolve YAML merge keys (`<<`) in plain JS data, as Compose does. */
export function resolveMergeKeys(value: unknown, inProgress = new Set<unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  // An alias to an enclosing node (`x: &a { <<: *a }`) is a cycle: it merges nothing.
  if (inProgress.has(value)) return {};
  inProgress.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => resolveMergeKeys(v, inProgress));
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const merge = obj['<<'];
    for (const src of Array.isArray(merge) ? merge : merge ? [merge] : []) {
      const r = resolveMergeKeys(src, inProgress);
      if (r && typeof r === 'object' && !Array.isArray(r)) Object.assign(out, r);
    }
    for (const [k, v] of Object.entries(obj)) if (k !== '<<') out[k] = resolveMergeKeys(v, inProgress);
    return out;
  } finally {
    inProgress.delete(value);
  }
}

// --- What the images of a service are known to do ----------------------------------------------

/** Official images that start as root only to drop to their own user in the entrypoint. */
const DROPS_PRIVILEGES = /^(docker\.io\/)?(library\/)?(postgres|postgis\/postgis|mysql|mariadb|redis|valkey\/valkey|mongo|rabbitmq|memcached|elasticsearch|cassandra|couchdb|zookeeper|neo4j|influxdb|percona|timescale\/timescaledb[\w-]*)(:|@|$)/i;
/** Images that run as a non-root user by default. */
const NON_ROOT_IMAGES = /^((docker\.io\/)?(grafana\/|prom\/|bitnami\/|nginxinc\/nginx-unprivileged|cgr\.dev\/chainguard\/|confluentinc\/|docker\.elastic\.co\/|quay\.io\/prometheus\/|quay\.io\/keycloak\/|jaegertracing\/|otel\/opentelemetry-collector|gcr\.io\/distroless\/[^:]*:(nonroot|debug-nonroot)|sonarqube|jenkins\/jenkins|minio\/minio|hashicorp\/(vault|consul))|.*:[^@]*nonroot)/i;

/** Does the image start as root to drop to its own user (so it needs CHOWN/SETUID/SETGID at start)? */
export function dropsPrivileges(image: string | undefined): boolean {
  return !!image && DROPS_PRIVILEGES.test(image);
}

/** Does the image run as non-root, or drop root itself (so `user:` is not needed or would break it)? */
export function imageHandlesUser(image: string | undefined): boolean {
  if (!image) return false;
  return DROPS_PRIVILEGES.test(image) || NON_ROOT_IMAGES.test(image);
}

/** The workspace path of a build service's Dockerfile (relative to the compose file's folder). */
export function dockerfilePath(composePath: string, svc: ComposeService): string | undefined {
  if (!svc.buildPair || svc.buildContext === undefined) return undefined;
  const ctx = svc.buildContext;
  if (/^[a-z]+:\/\//i.test(ctx) || ctx.includes('$') || ctx.startsWith('/')) return undefined;
  const dir = composePath.includes('/') ? composePath.slice(0, composePath.lastIndexOf('/')) : '';
  const file = svc.dockerfile ?? 'Dockerfile';
  if (file.includes('$') || file.startsWith('/')) return undefined;
  const parts = [...(dir ? dir.split('/') : []), ...ctx.split('/'), ...file.split('/')];
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

/** The Dockerfile text of a build service, when the workspace has it. */
export function dockerfileOf(workspace: { complete: boolean; readFile(path: string): string | undefined }, composePath: string, svc: ComposeService): string | undefined {
  if (!workspace.complete) return undefined;
  const p = dockerfilePath(composePath, svc);
  return p ? readOptional(workspace, p) : undefined;
}

/** Read a workspace file that may be missing (file-system views may throw instead of returning undefined). */
export function readOptional(workspace: { readFile(path: string): string | undefined }, path: string): string | undefined {
  try {
    return workspace.readFile(path);
  } catch {
    return undefined;
  }
}

/** Does a workspace path exist (false when the file-system view throws)? */
export function existsOptional(workspace: { exists(path: string): boolean }, path: string): boolean {
  try {
    return workspace.exists(path);
  } catch {
    return false;
  }
}
