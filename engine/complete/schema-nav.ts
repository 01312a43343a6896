// Walks a JSON schema (the generated Kubernetes schema or the Compose spec) along a YAML path:
// follows `$ref`s, merges `oneOf`/`anyOf`/`allOf` alternatives, lists keys and allowed values.
import { ITEM } from './yaml-context';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  required?: string[];
  default?: unknown;
}

export interface KeyInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export class SchemaNav {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly definitions: Record<string, JsonSchema>) {}

  /** The definition a `$ref` names (`#/definitions/service` or a plain name such as `v1/Container`). */
  deref(s: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
    if (!s?.$ref || depth > 20) return s;
    const name = s.$ref.replace(/^#\/definitions\//, '');
    const target = this.definitions[name];
    if (!target) return undefined;
    const resolved = this.deref(target, depth + 1);
    return s.description && resolved && !resolved.description ? { ...resolved, description: s.description } : resolved;
  }

  /** The name of the definition a schema refers to (`v1/Container`), if any. */
  refName(s: JsonSchema | undefined): string | undefined {
    return s?.$ref?.replace(/^#\/definitions\//, '');
  }

  /** Every alternative of a schema, `$ref`s resolved (`oneOf`, `anyOf` and `allOf` flattened). */
  alternatives(s: JsonSchema | undefined, depth = 0): JsonSchema[] {
    const r = this.deref(s);
    if (!r || depth > 10) return [];
    const subs = [...(r.oneOf ?? []), ...(r.anyOf ?? []), ...(r.allOf ?? [])];
    if (subs.length === 0) return [r];
    const own = r.properties || r.enum || r.type || r.items ? [r] : [];
    return [...own, ...subs.flatMap((x) => this.alternatives(x, depth + 1))];
  }

  /** The schema of one step of a path: a key of a mapping, or `[]` for a sequence item. */
  child(s: JsonSchema | undefined, seg: string): JsonSchema | undefined {
    for (const alt of this.alternatives(s)) {
      if (seg === ITEM) {
        if (alt.items) return Array.isArray(alt.items) ? alt.items[0] : alt.items;
        continue;
      }
      const prop = alt.properties?.[seg];
      if (prop) return prop;
      for (const [pat, ps] of Object.entries(alt.patternProperties ?? {})) if (this.pattern(pat).test(seg)) return ps;
      if (alt.additionalProperties && typeof alt.additionalProperties === 'object') return alt.additionalProperties;
    }
    return undefined;
  }

  at(root: JsonSchema | undefined, path: readonly string[]): JsonSchema | undefined {
    let s = root;
    for (const seg of path) {
      s = this.child(s, seg);
      if (!s) return undefined;
    }
    return s;
  }

  /** The named keys of the mapping a schema describes (the union over its alternatives). */
  keys(s: JsonSchema | undefined): KeyInfo[] {
    const out = new Map<string, KeyInfo>();
    for (const alt of this.alternatives(s)) {
      for (const [name, schema] of Object.entries(alt.properties ?? {})) {
        if (!out.has(name)) out.set(name, { name, schema, required: !!alt.required?.includes(name) });
      }
    }
    return [...out.values()];
  }

  /** Values the schema allows by enumeration (enums and booleans). */
  values(s: JsonSchema | undefined): string[] {
    const out = new Set<string>();
    for (const alt of this.alternatives(s)) {
      for (const v of alt.enum ?? []) if (v !== null && typeof v !== 'object') out.add(String(v));
      const types = Array.isArray(alt.type) ? alt.type : alt.type ? [alt.type] : [];
      if (types.includes('boolean')) {
        out.add('true');
        out.add('false');
      }
    }
    return [...out];
  }

  /** What shape a value takes: a mapping, a sequence (of mappings or scalars), or a scalar. */
  shape(s: JsonSchema | undefined): 'map' | 'seq-map' | 'seq' | 'scalar' {
    const alts = this.alternatives(s);
    const typeOf = (a: JsonSchema) => (Array.isArray(a.type) ? a.type : a.type ? [a.type] : a.properties ? ['object'] : a.items ? ['array'] : []);
    // Prefer the structured alternative: `depends_on` is a list or a mapping; `healthcheck.test` a string or a list.
    if (alts.some((a) => typeOf(a).includes('object') && (a.properties || a.patternProperties || a.additionalProperties))) return 'map';
    const arr = alts.find((a) => typeOf(a).includes('array'));
    if (arr && !alts.some((a) => typeOf(a).includes('string'))) {
      const item = this.child(arr, ITEM);
      return this.alternatives(item).some((a) => a.properties) ? 'seq-map' : 'seq';
    }
    return 'scalar';
  }

  /** A short type for display: `string`, `Container[]`, `map[string]string`, `integer | string`. */
  typeLabel(s: JsonSchema | undefined, depth = 0): string {
    if (!s || depth > 4) return '';
    if (s.$ref) {
      const name = this.refName(s)!.split('/').pop()!;
      const r = this.deref(s);
      return r && !r.properties && !r.oneOf && !r.anyOf ? this.typeLabel(r, depth + 1) || name : name;
    }
    const alts = s.oneOf ?? s.anyOf;
    if (alts) return [...new Set(alts.map((a) => this.typeLabel(a, depth + 1)).filter(Boolean))].join(' | ');
    const t = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
    if (t === 'array' && s.items) return `${this.typeLabel(Array.isArray(s.items) ? s.items[0] : s.items, depth + 1) || 'any'}[]`;
    if (t === 'object' && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
      return `map[string]${this.typeLabel(s.additionalProperties, depth + 1) || 'any'}`;
    }
    return t ?? (s.properties ? 'object' : '');
  }

  private pattern(p: string): RegExp {
    let re = this.patterns.get(p);
    if (!re) {
      try {
        re = new RegExp(p);
      } catch {
        re = /$^/;
      }
      this.patterns.set(p, re);
    }
    return re;
  }
}
