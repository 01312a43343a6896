// Generates engine/data/k8s-schema.json from the `.d.ts` files of `kubernetes-models` (a
// devDependency, never bundled): every interface with literal `apiVersion` and `kind` is a kind;
// every property gets its description, type, enum (from string-literal unions), items, map values
// and `$ref`s into `definitions`. Run: npx tsx scripts/gen-k8s-schema.ts
// Upgrading Kubernetes: bump kubernetes-models, re-run, commit the JSON (see engine/data/README.md).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(typeof __dirname === 'string' ? join(__dirname, '..') : process.cwd());
const PKG = join(ROOT, 'node_modules', 'kubernetes-models');
const OUT = join(ROOT, 'engine', 'data', 'k8s-schema.json');
/** The Kubernetes release the package's OpenAPI documents come from (it has Lifecycle.stopSignal, new in 1.33). */
const KUBERNETES_VERSION = '1.33';

export interface Schema {
  description?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  enum?: string[];
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | true;
  anyOf?: Schema[];
}

function kindFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    if (e.startsWith('_') || e === 'node_modules') continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...kindFiles(p));
    else if (e.endsWith('.d.ts') && e !== 'index.d.ts') out.push(p);
  }
  return out;
}

const files = kindFiles(PKG);
const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, types: [] });
const checker = program.getTypeChecker();
const definitions: Record<string, Schema> = {};
const pending = new Set<string>();

const doc = (sym: ts.Symbol) =>
  ts
    .displayPartsToString(sym.getDocumentationComment(checker))
    .replace(/\r\n/g, '\n')
    .trim() || undefined;

/**
 * Definition names are `<group>/<version>/<Type>` (`apps/v1/DeploymentSpec`, `v1/Container`,
 * `apimachinery/apis/meta/v1/ObjectMeta`): type names alone repeat across API groups.
 */
function defName(sym: ts.Symbol): string {
  const file = (sym.declarations?.[0]?.getSourceFile().fileName ?? '').replace(/\\/g, '/');
  const dir = file.replace(/\/[^/]*$/, '').replace(/^.*\/node_modules\/kubernetes-models\/?/, '').replace(/^.*\/node_modules\/@kubernetes-models\//, '');
  const name = sym.getName().replace(/^I(?=[A-Z])/, '');
  return dir ? `${dir}/${name}` : name;
}

function schemaOf(type: ts.Type): Schema {
  if (type.flags & ts.TypeFlags.String) return { type: 'string' };
  if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
  if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
  if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.every((t) => t.isStringLiteral())) return { type: 'string', enum: parts.map((t) => (t as ts.StringLiteralType).value).sort() };
    if (parts.every((t) => t.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral))) return { type: 'boolean' };
    if (parts.length === 1) return schemaOf(parts[0]);
    // Quantity and IntOrString: a number or a string.
    return { anyOf: dedupe(parts.map(schemaOf)) };
  }
  if (checker.isArrayType(type)) return { type: 'array', items: schemaOf(checker.getTypeArguments(type as ts.TypeReference)[0]) };
  if (type.flags & ts.TypeFlags.Object) {
    const sym = type.getSymbol() ?? type.aliasSymbol;
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    const props = checker.getPropertiesOfType(type);
    if (index && props.length === 0) return { type: 'object', additionalProperties: schemaOf(index.type) };
    if (sym && sym.getName() !== '__type' && props.length > 0) {
      const name = defName(sym);
      if (!definitions[name] && !pending.has(name)) {
        pending.add(name);
        definitions[name] = objectSchema(type, sym);
        pending.delete(name);
      }
      return { $ref: name };
    }
    if (props.length === 0) return { type: 'object', additionalProperties: true }; // JSON, RawExtension
    return objectSchema(type);
  }
  return {};
}

function dedupe(list: Schema[]): Schema[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = JSON.stringify(s);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function objectSchema(type: ts.Type, sym?: ts.Symbol, skip: string[] = []): Schema {
  const out: Schema = { type: 'object' };
  const d = sym && doc(sym);
  if (d) out.description = d;
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const p of checker.getPropertiesOfType(type)) {
    const decl = p.valueDeclaration ?? p.declarations?.[0];
    if (!decl || skip.includes(p.getName())) continue;
    const s = { ...schemaOf(checker.getTypeOfSymbolAtLocation(p, decl)) };
    const pd = doc(p);
    if (pd) s.description = pd;
    properties[p.getName()] = s;
    if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.getName());
  }
  out.properties = properties;
  if (required.length) out.required = required;
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  if (index) out.additionalProperties = schemaOf(index.type);
  return out;
}

interface KindEntry extends Schema {
  apiVersion: string;
  kind: string;
}
const kinds: KindEntry[] = [];
for (const file of files) {
  const sf = program.getSourceFile(file);
  if (!sf) continue;
  for (const stmt of sf.statements) {
    if (!ts.isInterfaceDeclaration(stmt)) continue;
    const sym = checker.getSymbolAtLocation(stmt.name);
    if (!sym) continue;
    const type = checker.getDeclaredTypeOfSymbol(sym);
    const lit = (name: string) => {
      const p = type.getProperty(name);
      const t = p && checker.getTypeOfSymbolAtLocation(p, stmt);
      return t?.isStringLiteral() ? t.value : undefined;
    };
    const apiVersion = lit('apiVersion');
    const kind = lit('kind');
    // `*List` kinds and `status` are written by the API server, not by people: left out (half the size).
    if (!apiVersion || !kind || kind.endsWith('List')) continue;
    const s = objectSchema(type, sym, ['status']);
    // apiVersion/kind are completed from the kind list; keep them as plain described strings.
    for (const k of ['apiVersion', 'kind']) if (s.properties?.[k]) s.properties[k] = { type: 'string', description: s.properties[k].description, enum: s.properties[k].enum };
    kinds.push({ apiVersion, kind, ...s });
  }
}
kinds.sort((a, b) => a.apiVersion.localeCompare(b.apiVersion) || a.kind.localeCompare(b.kind));
const sortedDefs = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
const version = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version as string;
const out = {
  source: `kubernetes-models ${version}`,
  kubernetes: KUBERNETES_VERSION,
  kinds,
  definitions: sortedDefs,
};
writeFileSync(OUT, JSON.stringify(out) + '\n');
console.log(`${kinds.length} kinds, ${Object.keys(sortedDefs).length} definitions → ${OUT.slice(ROOT.length + 1)} (${Math.round(JSON.stringify(out).length / 1024)} KB)`);
