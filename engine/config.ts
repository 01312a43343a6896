import type { ValidateFunction } from 'ajv';
import { parseDocument, LineCounter, type Node } from 'yaml';
import { isMap, isScalar } from './documents/yaml-nav';
import { Minimatch } from 'minimatch';
import schema from '../schemas/shipready-config.schema.json';
import type { Range, Severity, SeveritySetting } from './types';
import type { Rule } from './define-rule';

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

export interface ShipreadyConfig {
  extends?: 'recommended' | 'strict' | 'all' | 'none';
  rules?: Record<string, RuleSetting>;
  ignorePaths?: string[];
  overrides?: { files: string[]; rules: Record<string, RuleSetting> }[];
  maxFileSizeKB?: number;
  lintTimeBudgetMs?: number;
}

export interface ConfigError {
  message: string;
  /** Offsets into the config text, when the error has a place. */
  range?: Range;
}

export const CONFIG_FILE_NAMES = ['.shipready.yaml', '.shipready.yml'];
export const DEFAULT_MAX_FILE_SIZE_KB = 5120;
export const DEFAULT_LINT_TIME_BUDGET_MS = 5000;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Config globs compiled once (a glob without `/` matches the base name, as in .gitignore). */
const compiled = new Map<string, Minimatch>();
function globMatches(glob: string, relPath: string): boolean {
  let m = compiled.get(glob);
  if (!m) compiled.set(glob, (m = new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') })));
  return m.match(relPath);
}

// Ajv loads and compiles on first use: most workspaces have no config file, and start-up should not pay for it.
let validator: ValidateFunction | undefined;
function validateSchema(): ValidateFunction {
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  return (validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
}

/** Parse and validate `.shipready.yaml` text; unknown rule ids are errors too. */
export function parseConfig(text: string, knownRules: readonly Rule[]): { config?: ShipreadyConfig; errors: ConfigError[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    return { errors: doc.errors.map((e) => ({ message: `YAML: ${e.message.split('\n')[0]}`, range: { start: Math.min(e.pos[0], text.length), end: Math.min(e.pos[1], text.length) } })) };
  }
  const value = (doc.toJS({ maxAliasCount: 50 }) ?? {}) as unknown;
  const errors: ConfigError[] = [];
  const validate = validateSchema();
  if (!validate(value)) {
    for (const e of validate.errors ?? []) {
      const path = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const where = e.instancePath || '(root)';
      const extra = e.keyword === 'additionalProperties' ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"` : '';
      const msg = e.keyword === 'enum' ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : e.message;
      errors.push({ message: `${where}: ${msg}${extra}`, range: rangeOf(doc.contents, path) });
    }
    return { errors: dedupe(errors) };
  }
  const config = value as ShipreadyConfig;
  const ids = new Set(knownRules.map((r) => r.meta.id));
  const ruleMaps: [Record<string, RuleSetting> | undefined, (string | number)[]][] = [[config.rules, ['rules']]];
  config.overrides?.forEach((o, i) => ruleMaps.push([o.rules, ['overrides', i, 'rules']]));
  for (const [rules, path] of ruleMaps) {
    for (const id of Object.keys(rules ?? {})) {
      if (!ids.has(id)) errors.push({ message: `unknown rule "${id}"`, range: rangeOf(doc.contents, [...path, id], true) });
    }
  }
  return errors.length ? { errors } : { config, errors };
}

function dedupe(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.message) && !!seen.add(e.message));
}

function rangeOf(node: unknown, path: (string | number)[], key = false): Range | undefined {
  let cur = node as Node | null;
  let keyNode: Node | undefined;
  for (const p of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((it) => isScalar(it.key) && String(it.key.value) === String(p));
      if (!pair) break;
      keyNode = pair.key as Node;
      cur = pair.value as Node | null;
    } else if (cur && 'items' in cur && Array.isArray((cur as { items: unknown[] }).items)) {
      cur = ((cur as { items: Node[] }).items[Number(p)] ?? null) as Node | null;
      keyNode = undefined;
    } else break;
  }
  const target = key && keyNode ? keyNode : (cur ?? keyNode);
  const r = target?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Effective configuration: presets, the file's `rules`, then editor settings, then overrides. */
export class ResolvedConfig {
  private readonly base = new Map<string, [SeveritySetting, Record<string, unknown>]>();

  constructor(
    rules: readonly Rule[],
    private readonly layers: ShipreadyConfig[] = [],
  ) {
    const preset = [...layers].reverse().find((l) => l.extends)?.extends ?? 'recommended';
    for (const r of rules) {
      const on = preset === 'all' || preset === 'strict' || (preset === 'recommended' && r.meta.preset === 'recommended');
      this.base.set(r.meta.id, [on ? r.meta.severity : 'off', {}]);
    }
    for (const layer of layers) this.apply(this.base, layer.rules);
  }

  private apply(into: Map<string, [SeveritySetting, Record<string, unknown>]>, rules: Record<string, RuleSetting> | undefined) {
    for (const [id, setting] of Object.entries(rules ?? {})) {
      if (!into.has(id)) continue;
      const [sev, opts] = Array.isArray(setting) ? setting : [setting, undefined];
      into.set(id, [sev, { ...into.get(id)![1], ...(opts ?? {}) }]);
    }
  }

  /** Severity and options of a rule for a path relative to the config root. */
  ruleFor(id: string, relPath = ''): { severity: SeveritySetting; options: Record<string, unknown> } {
    let entry = this.base.get(id) ?? ['off', {}];
    for (const layer of this.layers) {
      for (const o of layer.overrides ?? []) {
        if (id in o.rules && o.files.some((g) => globMatches(g, relPath))) {
          const m = new Map([[id, entry]]);
          this.apply(m, { [id]: o.rules[id] });
          entry = m.get(id)!;
        }
      }
    }
    return { severity: entry[0], options: entry[1] };
  }

  isEnabled(id: string, relPath = ''): boolean {
    return this.ruleFor(id, relPath).severity !== 'off';
  }

  /** Is a path (relative to the config root) excluded from linting? */
  isIgnored(relPath: string): boolean {
    return ALWAYS_IGNORED.some((g) => globMatches(g, relPath)) || this.layers.some((l) => l.ignorePaths?.some((g) => globMatches(g, relPath)));
  }

  get lintTimeBudgetMs(): number {
    return [...this.layers].reverse().find((l) => l.lintTimeBudgetMs)?.lintTimeBudgetMs ?? DEFAULT_LINT_TIME_BUDGET_MS;
  }

  get maxFileSizeKB(): number {
    return [...this.layers].reverse().find((l) => l.maxFileSizeKB)?.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  }
}

export function severityOf(s: SeveritySetting): Severity | undefined {
  return s === 'off' ? undefined : s;
}
