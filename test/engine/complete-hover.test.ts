// Engine-level completion and hover: speed on a 2,000-line manifest, and the hover data
// generated from docs/rules staying in step with the pages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { complete, hover, SourceFile } from '../../engine/index';
import { buildRuleDocs, serialize, RULE_DOCS_JSON } from '../../scripts/gen-rule-hover-docs';

const DOC = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
`;

describe('completion engine', () => {
  it('completes in a 2,000-line manifest in well under a frame, without parsing it', async () => {
    const docs: string[] = [];
    while (docs.join('---\n').split('\n').length < 2000) docs.push(DOC);
    const text = docs.join('---\n') + '---\n' + DOC.replace('          image: nginx:1.27\n', '          imagePullPolicy: |\n          image: nginx:1.27\n');
    const offset = text.lastIndexOf('|');
    const file = new SourceFile('k8s/big.yaml', text.slice(0, offset) + text.slice(offset + 1));
    assert.equal(file.kind, 'kubernetes');
    await complete(file, offset); // warm up the schema index
    const t0 = performance.now();
    let items;
    for (let i = 0; i < 20; i++) items = await complete(file, offset);
    const per = (performance.now() - t0) / 20;
    assert.deepEqual(items!.map((i) => i.label).sort(), ['Always', 'IfNotPresent', 'Never']);
    assert.ok(per < 10, `${per.toFixed(2)} ms per completion`);
  });

  it('hover on a key deep in a container gives the schema description', async () => {
    const file = new SourceFile('k8s/d.yaml', DOC);
    const h = await hover(file, DOC.indexOf('containerPort') + 2);
    assert.match(h!.contents, /\*\*containerPort\*\*/);
    assert.match(h!.contents, /Number of port to expose on the pod's IP address/);
  });
});

describe('rule hover data', () => {
  it('engine/data/rule-docs.json is up to date with docs/rules (npx tsx scripts/gen-rule-hover-docs.ts)', () => {
    assert.equal(readFileSync(RULE_DOCS_JSON, 'utf8'), serialize(buildRuleDocs()));
  });
});
