// Compose completion and hover from the Compose Specification schema
// (engine/data/compose-spec.json), plus the file's own service names in `depends_on` and
// best-practice blocks (`healthcheck`, `deploy.resources`).
import type { SourceFile } from '../documents/source';
import { getPath, seqItems, str } from '../documents/yaml-nav';
import { SchemaNav, type JsonSchema } from './schema-nav';
import { ITEM, yamlCursor, yamlKeyAt } from './yaml-context';
import { blockItems, COMPOSE_DEPLOY_BLOCKS, COMPOSE_SERVICE_BLOCKS } from './blocks';
import { keyItems, valueItems } from './schema-items';
import type { CompletionItem, HoverResult } from './types';

/** Values the spec describes in prose only (`restart`, `pull_policy` are plain strings in the schema). */
const VALUE_HINTS: Record<string, string[]> = {
  restart: ['unless-stopped', 'always', 'on-failure', 'no'],
  pull_policy: ['missing', 'always', 'never', 'build', 'if_not_present', 'daily', 'weekly'],
  network_mode: ['bridge', 'host', 'none'],
};

let nav: SchemaNav | undefined;
let spec: (JsonSchema & { definitions: Record<string, JsonSchema> }) | undefined;
// The spec loads on the first Compose completion or hover, not at start-up.
const specRoot = () => (spec ??= require('../data/compose-spec.json') as JsonSchema & { definitions: Record<string, JsonSchema> });
const schemaNav = () => (nav ??= new SchemaNav(specRoot().definitions));

/** Service names of the file (top-level `services:` keys), from the cached parse. */
function serviceNames(file: SourceFile): string[] {
  const names: string[] = [];
  const re = /^services:[ \t]*(?:#.*)?$/m;
  const m = re.exec(file.text);
  if (!m) return names;
  // The keys one level below `services:`: the first indented key sets the column.
  const rest = file.text.slice(m.index + m[0].length);
  let col = -1;
  for (const line of rest.split(/\r?\n/)) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const ind = /^ */.exec(line)![0].length;
    if (ind === 0) break;
    if (col < 0) col = ind;
    if (ind !== col) continue;
    const k = /^ *("?)([\w.-]+)\1\s*:/.exec(line);
    if (k) names.push(k[2]);
  }
  return names;
}

export function completeCompose(file: SourceFile, offset: number): CompletionItem[] {
  const n = schemaNav();
  const c = yamlCursor(file, offset);
  const p = c.path;

  // depends_on: a list of service names, or a mapping keyed by them.
  const dep = p.indexOf('depends_on');
  if (p[0] === 'services' && dep === 2) {
    const self = p[1];
    const listed = new Set<string>();
    for (const d of file.yaml.docs) for (const it of seqItems(getPath(d.doc.contents, ['services', self, 'depends_on']))) {
      const v = str(it);
      if (v) listed.add(v);
    }
    const others = serviceNames(file).filter((s) => s !== self && !c.siblings.has(s) && !listed.has(s));
    const listItem = (c.itemStart && p.length === 4 && p[3] === ITEM) || (c.at === 'value' && p.at(-1) === ITEM);
    const mapKey = c.at === 'key' && p.length === 3 && !c.itemStart;
    if (listItem || mapKey) {
      return others.map((s) => ({
        label: s,
        kind: 'reference' as const,
        detail: 'service',
        range: c.range,
        insertText: mapKey && !c.colonFollows ? `${s}:\n${' '.repeat(c.column + 2)}condition: \${1|service_healthy,service_started,service_completed_successfully|}` : s,
        snippet: mapKey && !c.colonFollows,
      }));
    }
  }

  const target = n.at(specRoot(), p);
  if (c.at === 'value' || (c.itemStart && n.shape(target) === 'scalar' && p.at(-1) === ITEM)) {
    const hint = p[0] === 'services' && p.length === 3 ? VALUE_HINTS[p[2]] : undefined;
    if (hint) return hint.map((v, i) => ({ label: v, kind: 'enum' as const, detail: p[2], range: c.range, sortText: String(i).padStart(3, '0') }));
    return valueItems(n, target, c);
  }
  // Under `services:` the keys are service names the user makes up.
  if (p.length === 1 && p[0] === 'services') return [];
  const items = keyItems(n, target, c);
  if (p.length === 2 && p[0] === 'services') items.push(...blockItems(COMPOSE_SERVICE_BLOCKS, c.siblings, c.column, c.range));
  if (p.length === 3 && p[0] === 'services' && p[2] === 'deploy') items.push(...blockItems(COMPOSE_DEPLOY_BLOCKS, c.siblings, c.column, c.range));
  return items;
}

export function hoverCompose(file: SourceFile, offset: number): HoverResult | undefined {
  const key = yamlKeyAt(file, offset);
  if (!key) return undefined;
  const n = schemaNav();
  const s = n.at(specRoot(), key.path);
  if (!s) return undefined;
  const description = s.description ?? n.deref(s)?.description;
  if (!description) return undefined;
  const type = n.typeLabel(s);
  const values = n.values(s).filter((v) => v !== 'true' && v !== 'false');
  const parts = [`**${key.path.at(-1)}**${type ? ` \`${type}\`` : ''}`, description];
  if (values.length) parts.push(`Values: ${values.map((v) => `\`${v}\``).join(', ')}`);
  parts.push(`_Compose Specification · ${key.path.filter((x) => x !== ITEM).join('.')}_`);
  return { contents: parts.join('\n\n'), range: key.range };
}
