// The real-world corpus (../shared/corpus): every file is linted without a rule throwing, every
// range lies inside its file, the files parse without syntax findings, and the CLI completes on it
// with a per-rule count. Skips cleanly when the corpus is absent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace, lint, applyFixes } from '../engine/index';

const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const CLI = path.resolve(__dirname, '../dist/cli.js');
const present = fs.existsSync(path.join(CORPUS, 'INDEX.tsv'));

/** Rules whose findings would mean we misread a valid upstream file. */
const SYNTAX_RULES = new Set(['dockerfile/syntax', 'kubernetes/schema', 'actions/schema', 'compose/schema']);

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'licenses') walk(p);
      } else if (!/\.(md|tsv)$/.test(e.name) || dir !== CORPUS) out.push(p);
    }
  };
  walk(CORPUS);
  return out.filter((p) => path.dirname(p) !== CORPUS);
}

describe('real-world corpus', { skip: !present && 'corpus not available' }, () => {
  it('lints every file: no rule throws, ranges and fixes stay inside the text', () => {
    const files = corpusFiles();
    const ws = new Workspace({
      exists: (p) => fs.existsSync(path.join(CORPUS, p)),
      readFile: (p) => {
        try {
          return fs.readFileSync(path.join(CORPUS, p), 'utf8');
        } catch {
          return undefined;
        }
      },
    });
    for (const abs of files) ws.set(path.relative(CORPUS, abs).split(path.sep).join('/'), fs.readFileSync(abs, 'utf8'));
    const errors: string[] = [];
    let linted = 0;
    for (const file of ws.all()) {
      if (file.kind === 'unknown' || file.kind === 'yaml') continue;
      linted++;
      const r = lint(file, { workspace: ws });
      for (const e of r.ruleErrors) errors.push(`${file.path}: ${e.ruleId} threw ${e.error.split('\n')[0]}`);
      for (const f of r.findings) {
        assert.ok(f.range.start >= 0 && f.range.end <= file.text.length && f.range.start <= f.range.end, `${file.path}: ${f.ruleId} range outside the text`);
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.end <= file.text.length, `${file.path}: ${f.ruleId} fix outside the text`);
      }
      // The safe fixes of a file apply together without overlapping edits.
      applyFixes(file.text, r.findings.map((f) => f.fixes.find((x) => !x.snippet)).filter((x) => x !== undefined));
    }
    assert.deepEqual(errors, []);
    assert.ok(linted > 500, `linted ${linted} files`);
  });

  it('finds no syntax or schema problems in valid upstream files (Helm templates included)', () => {
    const ws = new Workspace();
    for (const abs of corpusFiles()) ws.set(path.relative(CORPUS, abs).split(path.sep).join('/'), fs.readFileSync(abs, 'utf8'));
    const found: string[] = [];
    for (const file of ws.all()) {
      if (file.kind === 'unknown' || file.kind === 'yaml') continue;
      for (const f of lint(file, { workspace: ws }).findings) if (SYNTAX_RULES.has(f.ruleId)) found.push(`${file.path}:${file.lines.positionAt(f.range.start).line + 1} ${f.ruleId}: ${f.message}`);
    }
    assert.deepEqual(found, []);
  });

  it('the CLI completes on the corpus and prints a count per rule', { skip: !fs.existsSync(CLI) && 'run npm run build first' }, () => {
    const r = spawnSync(process.execPath, [CLI, 'check', CORPUS, '--stats', '--no-color', '--jobs', '1'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error|failed on .* and was skipped/);
    const table = r.stdout.slice(r.stdout.lastIndexOf('\nrule '));
    assert.match(table, /^\nrule +count\n/);
    const counts = table.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/));
    assert.ok(counts.length > 10, 'many rules fire somewhere in the corpus');
    for (const [id, n] of counts) assert.ok(/^[a-z]+\/[a-z0-9-]+$/.test(id) && Number(n) > 0, `${id} ${n}`);
  });
});
