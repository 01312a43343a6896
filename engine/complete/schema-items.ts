// Completion items from a schema: the keys of a mapping (with type, description and the YAML
// structure their value needs) and the values an enum or boolean allows.
import type { SchemaNav, JsonSchema } from './schema-nav';
import type { YamlCursor } from './yaml-context';
import type { CompletionItem } from './types';

/** The keys of the mapping at the cursor that are not there yet; required keys first. */
export function keyItems(nav: SchemaNav, schema: JsonSchema | undefined, c: YamlCursor): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const k of nav.keys(schema)) {
    if (c.siblings.has(k.name)) continue;
    const type = nav.typeLabel(k.schema);
    const doc = k.schema.description ?? nav.deref(k.schema)?.description;
    const item: CompletionItem = {
      label: k.name,
      kind: 'property',
      detail: type + (k.required ? ' (required)' : ''),
      documentation: doc,
      range: c.range,
      sortText: `${k.required ? '1' : '2'}_${k.name}`,
    };
    if (!c.colonFollows) {
      const pad = ' '.repeat(c.column + 2);
      const shape = nav.shape(k.schema);
      const values = nav.values(k.schema);
      if (shape === 'map') item.insertText = `${k.name}:\n${pad}$0`;
      else if (shape === 'seq-map' || shape === 'seq') item.insertText = `${k.name}:\n${pad}- $0`;
      else if (values.length > 1 && values.length <= 12 && values.every((v) => /^[\w./-]+$/.test(v))) item.insertText = `${k.name}: \${1|${values.join(',')}|}`;
      else item.insertText = `${k.name}: $0`;
      item.snippet = true;
    }
    out.push(item);
  }
  return out;
}

/** The values an enum or boolean schema allows. */
export function valueItems(nav: SchemaNav, schema: JsonSchema | undefined, c: YamlCursor): CompletionItem[] {
  const doc = schema?.description ?? nav.deref(schema)?.description;
  return nav.values(schema).map((v, i) => ({
    label: v,
    kind: 'enum' as const,
    detail: nav.typeLabel(schema),
    documentation: doc,
    range: c.range,
    sortText: String(i).padStart(3, '0'),
  }));
}
