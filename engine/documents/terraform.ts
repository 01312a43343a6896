// The Terraform view of an HCL file, and the module view of the workspace: a folder of *.tf files
// is one module; root modules are the folders that configure a backend (or Terraform Cloud) and
// the folders no other module calls through a local `source`.
import type { SourceFile } from './source';
import type { WorkspaceView } from '../workspace';
import { allBlocks, attr, blocksOf, parseHcl, strValue, type HclAttribute, type HclBlock, type HclExpr, type HclModel } from './hcl';

export interface TerraformModel {
  hcl: HclModel;
  /** A `*.tfvars` file: attributes only, not part of a module's configuration. */
  isVars: boolean;
  resources: HclBlock[];
  data: HclBlock[];
  variables: HclBlock[];
  outputs: HclBlock[];
  modules: HclBlock[];
  providers: HclBlock[];
  /** `terraform { … }` blocks. */
  terraform: HclBlock[];
  /** The attributes of every `locals` block. */
  locals: HclAttribute[];
}

export function parseTerraform(path: string, text: string): TerraformModel {
  const hcl = parseHcl(text);
  const top = hcl.body.blocks;
  const of = (t: string) => top.filter((b) => b.type === t);
  return {
    hcl,
    isVars: /\.tfvars$/i.test(path),
    resources: of('resource'),
    data: of('data'),
    variables: of('variable'),
    outputs: of('output'),
    modules: of('module'),
    providers: of('provider'),
    terraform: of('terraform'),
    locals: of('locals').flatMap((b) => b.body.attributes),
  };
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Join a folder and a relative path, resolving `.` and `..`. */
export function joinPath(dir: string, rel: string): string {
  const out = dir ? dir.split('/') : [];
  for (const seg of rel.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

const isModuleFile = (f: SourceFile) => f.kind === 'terraform' && /\.tf$/i.test(f.path);

/** The *.tf files of the file's folder (the file itself included, as this version). */
export function moduleFiles(file: SourceFile, ws: WorkspaceView): SourceFile[] {
  const dir = dirOf(file.path);
  const out = ws.files('terraform').filter((f) => isModuleFile(f) && f.path !== file.path && dirOf(f.path) === dir);
  if (isModuleFile(file)) out.push(file);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** `./x`, `../x`: a module in the same repository. */
export function isLocalSource(source: string): boolean {
  return /^\.\.?(?:\/|\\|$)/.test(source);
}

export interface ModuleCall {
  file: SourceFile;
  block: HclBlock;
  /** The folder the call resolves to. */
  target: string;
}

const callsCache = new WeakMap<readonly SourceFile[], Map<string, ModuleCall[]>>();

/** Local module calls of the workspace, by the folder they call. */
export function moduleCallsByTarget(ws: WorkspaceView): Map<string, ModuleCall[]> {
  const files = ws.files('terraform');
  let map = callsCache.get(files);
  if (map) return map;
  map = new Map();
  for (const file of files) {
    if (!isModuleFile(file)) continue;
    for (const block of file.terraform.modules) {
      const source = strValue(attr(block, 'source')?.value);
      if (!source || !isLocalSource(source)) continue;
      const target = joinPath(dirOf(file.path), source);
      const list = map.get(target) ?? [];
      list.push({ file, block, target });
      map.set(target, list);
    }
  }
  callsCache.set(files, map);
  return map;
}

/** The `backend` (or `cloud`) block of a module, if any. */
export function backendOf(files: readonly SourceFile[]): { file: SourceFile; block: HclBlock } | undefined {
  for (const file of files) {
    for (const t of file.terraform.terraform) {
      const b = t.body.blocks.find((x) => x.type === 'backend' || x.type === 'cloud');
      if (b) return { file, block: b };
    }
  }
  return undefined;
}

/**
 * Is the file's folder a root module? Undefined when the workspace is incomplete (a module that
 * looks like a root may be called from a folder we cannot see).
 */
export function isRootModule(file: SourceFile, ws: WorkspaceView): boolean | undefined {
  if (!isModuleFile(file)) return false;
  const files = moduleFiles(file, ws);
  if (backendOf(files)) return true;
  if (!ws.complete) return undefined;
  // Called by another module: a child, even if it (wrongly) configures a provider itself.
  return !moduleCallsByTarget(ws).has(dirOf(file.path));
}

/**
 * The file of a module where module-level findings go: versions.tf (or the file whose `terraform`
 * block lists the providers), else any file with a `terraform` block, else main.tf, else the first. Module-level rules report only when linting this file.
 */
export function anchorFile(files: readonly SourceFile[]): SourceFile | undefined {
  return (
    files.find((f) => /(?:^|\/)(?:versions|terraform)\.tf$/i.test(f.path) && f.terraform.terraform.length > 0) ??
    files.find((f) => f.terraform.terraform.some((t) => t.body.blocks.some((b) => b.type === 'required_providers'))) ??
    files.find((f) => f.terraform.terraform.length > 0) ??
    files.find((f) => /(?:^|\/)main\.tf$/i.test(f.path)) ??
    files.find((f) => f.terraform.hcl.body.blocks.length > 0) ??
    files[0]
  );
}

/** Does any file of the module reference `parts` (e.g. ['var', 'region'] or ['data', 'aws_ami', 'u'])? */
export function isReferenced(files: readonly SourceFile[], parts: string[], except?: { file: SourceFile; start: number; end: number }): boolean {
  for (const f of files) {
    for (const ref of f.terraform.hcl.references) {
      if (except && f === except.file && ref.range.start >= except.start && ref.range.end <= except.end) continue;
      if (parts.every((p, i) => ref.parts[i] === p)) return true;
    }
  }
  return false;
}

/** Resolve `local.x` within a module to its expression (one level). */
export function localValue(files: readonly SourceFile[], name: string): HclExpr | undefined {
  for (const f of files) {
    const a = f.terraform.locals.find((l) => l.name === name);
    if (a) return a.value;
  }
  return undefined;
}

export { allBlocks, attr, blocksOf };

// ---- shared knowledge of the rules -------------------------------------------------------------

/** Attribute / key names that hold secrets. */
const SECRET_NAME = /(?:^|[_-])(?:password|passwd|passphrase|pwd|secret|token|api_?key|apikey|access_key|secret_key|private_key|client_secret|credentials?|connection_string|auth)(?:[_-]|$)/i;
const NOT_SECRET_NAME =
  /(?:[_-](?:arn|id|ids|name|names|length|policy|path|file|version|type|ttl|enabled|rotation|count|prefix|location|header|reset_required|wo_version|min_length|max_length|required)$)|^(?:manage_master_user_password|auth_type|authentication_type|token_type|auth_mode)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

const SECRET_VALUES: [RegExp, string][] = [
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/, 'a private key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}/, 'a GitHub token'],
  [/\bxox[baprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bsk_live_[A-Za-z0-9]{16,}/, 'a Stripe secret key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\bglpat-[A-Za-z0-9_-]{20}\b/, 'a GitLab token'],
];

/** What a literal looks like if it is a well-known credential format. */
export function secretValueKind(value: string): string | undefined {
  return SECRET_VALUES.find(([re]) => re.test(value))?.[1];
}

/** A literal that is a real secret value, not an empty or obviously derived one. */
export function isSecretLiteral(value: string): boolean {
  const v = value.trim();
  return v.length >= 4 && !/^(?:arn:|\/|https?:\/\/|data\.|var\.|module\.)/.test(v) && !/^(?:true|false|null|none|n\/a)$/i.test(v);
}

/** A name for a new variable that no declaration of the module uses yet. */
export function freeVariableName(files: readonly SourceFile[], wanted: string): string {
  const base = wanted.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'v_$1') || 'value';
  const taken = new Set(files.flatMap((f) => f.terraform.variables.map((v) => v.labels[0]?.value)));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** A `variable` block appended at the end of a file. */
export function variableBlock(text: string, name: string, lines: string[]): { range: { start: number; end: number }; text: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = text.length;
  const sep = text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol;
  const width = Math.max(...lines.map((l) => l.indexOf(' = ')).filter((i) => i > 0));
  const body = lines.map((l) => {
    const i = l.indexOf(' = ');
    return `  ${i > 0 ? l.slice(0, i).padEnd(width) + l.slice(i) : l}`;
  });
  return { range: { start: end, end }, text: `${sep}variable "${name}" {${eol}${body.join(eol)}${eol}}${eol}` };
}

/**
 * Is there a `companionType` resource in the module whose `bucket` (or `attrName`) refers to the
 * given resource? 'unknown' when some companion points at something we cannot resolve.
 */
export function hasCompanion(files: readonly SourceFile[], target: HclBlock, companionType: string, attrName = 'bucket'): 'yes' | 'no' | 'unknown' {
  const [type, name] = target.labels.map((l) => l.value);
  const literalName = strValue(attr(target, attrName)?.value);
  let unknown = false;
  for (const f of files) {
    for (const c of f.terraform.resources) {
      if (c.labels[0]?.value !== companionType) continue;
      const a = attr(c, attrName);
      if (!a) continue;
      if (a.value.type === 'string') {
        if (literalName !== undefined && a.value.value === literalName) return 'yes';
        continue;
      }
      const refs = f.terraform.hcl.references.filter((r) => r.range.start >= a.value.range.start && r.range.end <= a.value.range.end);
      if (refs.some((r) => r.parts[0] === type && r.parts[1] === name)) return 'yes';
      if (!refs.some((r) => r.parts[0] === type)) unknown = true; // var.bucket_id, each.value …
    }
  }
  return unknown ? 'unknown' : 'no';
}

/** A resource block inserted after another one (same indentation, one blank line between). */
export function resourceAfter(text: string, after: HclBlock, lines: string[]): { range: { start: number; end: number }; text: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let at = text.indexOf('\n', after.range.end);
  at = at < 0 ? text.length : text[at - 1] === '\r' ? at - 1 : at;
  const unit = /^\t/m.test(text) ? '\t' : '  ';
  const body = lines.map((l) => l.replace(/^( {2})+/, (m) => unit.repeat(m.length / 2))).join(eol);
  return { range: { start: at, end: at }, text: `${eol}${eol}${body}` };
}

/** Is this file part of a production configuration (by its folder names)? */
export function isProductionPath(path: string): boolean {
  return /(?:^|\/)(?:prod|production|prd|live)(?:[-_][^/]*)?\//i.test(path);
}
