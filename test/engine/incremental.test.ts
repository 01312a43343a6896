// Editing one document of a multi-document manifest re-parses only that document (counted, not timed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments, visit } from 'yaml';
import { Workspace, lint } from '../../engine/index';
import { yamlParseStats } from '../../engine/documents/yaml';

function manifest(n: number, edit?: number): string {
  let text = '# generated\n';
  for (let i = 0; i < n; i++) {
    text += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${i === edit ? `config-${i}-renamed` : `config-${i}`}\n  labels: { app: demo, index: "${i}" }\ndata:\n  key: value # comment\n  list: [a, b, {c: d}]\n`;
  }
  return text;
}

/** Every node range of every document, for comparing an incremental parse with a full one. */
function ranges(docs: { range?: unknown; errors: { pos: unknown }[] }[]): string {
  const out: string[] = [];
  for (const d of docs) {
    out.push(`doc ${String(d.range)}`);
    visit(d as never, (_k, n) => void out.push(String((n as { range?: unknown }).range)));
    for (const e of d.errors) out.push(`error ${String(e.pos)}`);
  }
  return out.join('\n');
}

describe('incremental YAML parsing', () => {
  it('re-parses only the edited document of a 200-document file', () => {
    const ws = new Workspace();
    const first = ws.set('k8s/all.yaml', manifest(200));
    lint(first, { workspace: ws });
    assert.equal(first.yaml.docs.length, 200);

    const before = yamlParseStats.chunksParsed;
    const second = ws.set('k8s/all.yaml', manifest(200, 120));
    lint(second, { workspace: ws });
    assert.equal(yamlParseStats.chunksParsed - before, 1, 'one document parsed again');
    assert.equal(second.yaml.docs.length, 200);
  });

  it('gives exactly the ranges of a full parse, also after edits that move later documents', () => {
    const ws = new Workspace();
    const v1 = ws.set('m.yaml', manifest(30));
    void v1.yaml;
    const text2 = manifest(30, 3);
    const v2 = ws.set('m.yaml', text2);
    assert.equal(ranges(v2.yaml.docs.map((d) => d.doc)), ranges(parseAllDocuments(text2) as never));
    const text3 = text2.replace('kind: ConfigMap\nmetadata:\n  name: config-10', 'kind: [ConfigMap\nmetadata:\n  name: config-10');
    const v3 = ws.set('m.yaml', text3);
    assert.equal(ranges(v3.yaml.docs.map((d) => d.doc)), ranges(parseAllDocuments(text3) as never));
    assert.equal(v3.yaml.errors.length > 0, true);
  });

  it('leaves the previous version usable: it parses its own text again if asked', () => {
    const ws = new Workspace();
    const v1 = ws.set('m.yaml', manifest(5));
    void v1.yaml;
    const v2 = ws.set('m.yaml', manifest(5, 0));
    void v2.yaml;
    assert.equal(ranges(v1.yaml.docs.map((d) => d.doc)), ranges(parseAllDocuments(manifest(5)) as never));
  });
});
