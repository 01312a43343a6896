// Extracts, from every docs/rules/<domain>/<name>.md, what a hover on a finding shows: the "Why"
// section (its first paragraphs) and the first "✅ Correct" example. Writes
// engine/data/rule-docs.json, which the engine bundles (esbuild and tsx both import JSON).
// Run after adding or editing a rule page: npx tsx scripts/gen-rule-hover-docs.ts
// (test/engine/complete-hover.test.ts fails when the file is stale).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(typeof __dirname === 'string' ? join(__dirname, '..') : process.cwd());
const DOCS = join(ROOT, 'docs', 'rules');
export const RULE_DOCS_JSON = join(ROOT, 'engine', 'data', 'rule-docs.json');
const WHY_LIMIT = 900;

export interface RuleDoc {
  why: string;
  good?: { lang: string; code: string };
}

function section(md: string, heading: RegExp): string | undefined {
  const lines = md.split(/\r?\n/);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const body: string[] = [];
  let fence = false;
  for (const l of lines.slice(start + 1)) {
    if (/^```/.test(l)) fence = !fence;
    if (!fence && /^## /.test(l)) break;
    body.push(l);
  }
  return body.join('\n').trim();
}

/** Whole paragraphs of the Why section, up to about WHY_LIMIT characters. */
function why(text: string): string {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  let n = 0;
  for (const p of paras) {
    if (out.length && n + p.length > WHY_LIMIT) break;
    out.push(p);
    n += p.length;
  }
  return out.join('\n\n');
}

export function buildRuleDocs(): Record<string, RuleDoc> {
  const out: Record<string, RuleDoc> = {};
  for (const domain of readdirSync(DOCS).sort()) {
    const dir = join(DOCS, domain);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.md')) continue;
      const md = readFileSync(join(dir, f), 'utf8');
      const w = section(md, /^## Why\s*$/);
      if (!w) continue;
      const entry: RuleDoc = { why: why(w) };
      const correct = section(md, /^## ✅ Correct/);
      const block = correct && /```(\w*)\r?\n([\s\S]*?)\r?\n```/.exec(correct);
      if (block) entry.good = { lang: block[1] || 'text', code: block[2] };
      out[`${domain}/${f.slice(0, -3)}`] = entry;
    }
  }
  return out;
}

export function serialize(docs: Record<string, RuleDoc>): string {
  return JSON.stringify(docs, null, 1) + '\n';
}

if (process.argv[1] && /gen-rule-hover-docs/.test(process.argv[1])) {
  const docs = buildRuleDocs();
  writeFileSync(RULE_DOCS_JSON, serialize(docs));
  console.log(`${Object.keys(docs).length} rule pages → engine/data/rule-docs.json`);
}
