// engine/documents/yaml-cst.ts is yaml's CST lexer and parser without generators: it must give the
// very tokens yaml's own Parser gives, for valid and broken YAML alike.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser } from 'yaml';
import { parseCst } from '../../engine/documents/yaml-cst';

function upstream(source: string, offset = 0): unknown[] {
  const parser = new Parser();
  parser.offset = offset;
  return Array.from(parser.parse(source));
}

function same(source: string, offset = 0) {
  assert.deepEqual(JSON.parse(JSON.stringify(parseCst(source, offset))), JSON.parse(JSON.stringify(upstream(source, offset))), JSON.stringify(source));
}

const CASES = [
  '',
  '\n',
  '# only a comment\n',
  'a: 1\nb: [1, 2, {c: d}]\n',
  'on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          echo ${{ github.sha }}\n          make\n',
  '%YAML 1.2\n%TAG !e! tag:example.com,2000: # comment\n---\n!e!foo bar\n...\n',
  '%YAML 1.2 # c\n---\na\n',
  '\ufeffa: b\n',
  '--- &a\nx: *a\n--- !!str\ny\n...\n# after\n---\n',
  'key: "multi\n  line \\" quoted"\nother: \'single \'\' quote\n  continued\'\n',
  'lit: |+2\n    kept\n\n\nfold: >-\n  a\n  b\n\n  c\nnext: 1\n',
  'a:\n\t- tab\n',
  'a: b: c\n',
  '- [a, b\n- c\n',
  '{ a: 1, b: [2, 3], ? c : d, e }\n',
  'x: [1, 2,\n  3]\ny: {a: 1,\nb: 2}\n',
  ']\n}\n,\n',
  '? explicit\n: value\n? [flow, key]\n: v\n',
  'a:\r\n  b: c\r\n  d: |\r\n    e\r\n',
  'a: "unterminated\nb: c\n',
  "a: 'unterminated\n",
  'a:\n  - b\n   - c\n  -d\n',
  'a: &anc !tag value\nb: !<tag:yaml.org,2002:str> v\nc: !e%21 v\n',
  'plain: text # comment\nurl: http://x.y:80/#frag\nk: v:w\n',
  '---\n--- x\n...\n...\n--- |\n  block\n',
  'a:\n  # indented comment\n    b: 1\n  c: 2\n# top\nd: 3\n',
  '- - - x\n    - y\n  - z\n-\n',
  'a: [\n]\nb: {\n}\n',
  '"key": value\n\'k2\': v2\n',
  'a: 1\n  b: 2\n',
  '  leading: indent\nnext: x\n',
  '[a, b]: c\n',
  'x: |\n\ty\n',
  'x: >\n  a\n \t\n  b\n',
  '@bad\n`also`\n',
  'a: - b\n',
  '? a\n? b\n',
  'k: v\n...\nk2: v2\n',
  '- a\nb: c\n',
  'a:\n  b:\n    c:\n      d:\n        e: deep\nf: back\n',
  '[[[[[[[[[[x]]]]]]]]]]\n',
  '{{ .Values.x }}: y\n',
  'a: ${{ github.event.issue.title }}\n',
];

describe('yaml-cst', () => {
  it('gives the tokens of yaml Parser on hand-picked inputs', () => {
    for (const c of CASES) {
      same(c);
      same(c, 17);
      // without the final line break, and cut in the middle
      same(c.replace(/\n$/, ''));
      same(c.slice(0, Math.floor(c.length / 2)));
    }
  });

  it('gives the tokens of yaml Parser on random YAML-ish text', () => {
    // deterministic pseudo-random (mulberry32)
    let seed = 42;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = [' ', '  ', '\n', '\r\n', '\t', '-', '- ', ':', ': ', '?', '? ', ',', '[', ']', '{', '}', '#', ' #', '&a', '*a', '!t', '!!str', '|', '|-', '>+', '|2', '"', "'", '\\', '---', '...', '%YAML 1.2', 'a', 'key', 'value', 'x y', '${{ e }}', '{{ t }}', '\ufeff', '0', 'true'];
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const len = 1 + Math.floor(rnd() * 40);
      for (let i = 0; i < len; i++) s += pieces[Math.floor(rnd() * pieces.length)];
      same(s);
    }
  });

  it('gives the tokens of yaml Parser on the YAML files of the repository and of the corpus', () => {
    const files: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (!fs.existsSync(dir) || depth > 8) return;
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name.startsWith('.git')) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (/\.ya?ml$/.test(e.name)) files.push(p);
      }
    };
    const root = path.resolve(__dirname, '../..');
    for (const d of ['test', 'sample', 'snippets', '.github']) walk(path.join(root, d), 0);
    walk(path.resolve(root, '../shared/corpus'), 0);
    for (const f of files) same(fs.readFileSync(f, 'utf8'));
  });
});
