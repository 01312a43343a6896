// Every registered rule has its module, docs page, test file and catalog row, and they agree:
// ESLint's checkRuleFiles + check-rule-examples, typescript-eslint's docs.test, in one file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { rules, ruleById } from '../engine/rules/index';
import type { Rule } from '../engine/define-rule';
import { lint, ResolvedConfig, SourceFile, Workspace, type RuleSetting } from '../engine/index';
import { lintWith } from './engine/rule-tester';
import { INDEX_PATH, renderRulesIndex } from '../scripts/gen-rule-docs';

const ROOT = typeof __dirname === 'string' ? resolve(__dirname, '..') : process.cwd();
const CATALOG = resolve(ROOT, '../shared/rules/catalog.md');

/** The `##` headings of a rule page, in this order and no others. */
const REQUIRED_HEADINGS = ['Why', '❌ Incorrect', '✅ Correct', 'Fix', 'Options', 'Suppress', 'Sources'];

/** Language tags accepted for examples, by rule kind. */
const EXAMPLE_LANGUAGES: Record<string, string[]> = {
  dockerfile: ['dockerfile', 'Dockerfile', 'containerfile'],
  kubernetes: ['yaml', 'yml'],
  workflow: ['yaml', 'yml'],
  compose: ['yaml', 'yml'],
  yaml: ['yaml', 'yml'],
  dockerignore: ['gitignore', 'dockerignore', 'text'],
  terraform: ['hcl', 'terraform', 'tf'],
};

interface CodeBlock {
  lang: string;
  code: string;
  /** 1-based line of the opening fence in the page. */
  line: number;
}

interface Section {
  heading: string;
  line: number;
  text: string;
  blocks: CodeBlock[];
  h3: string[];
}

interface Page {
  frontMatter?: Record<string, unknown>;
  frontMatterError?: string;
  h1?: string;
  sections: Section[];
  unclosedFence?: number;
}

/** Split a markdown page into front matter and `##` sections; fences are respected. */
function parsePage(text: string): Page {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const page: Page = { sections: [] };
  let i = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) page.frontMatterError = 'front matter is not closed with ---';
    else {
      try {
        const v = parseYaml(lines.slice(1, end).join('\n')) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v)) page.frontMatter = v as Record<string, unknown>;
        else page.frontMatterError = 'front matter is not a mapping';
      } catch (e) {
        page.frontMatterError = `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`;
      }
      i = end + 1;
    }
  }
  let current: Section | undefined;
  let fence: { marker: string; lang: string; line: number; body: string[] } | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        current?.blocks.push({ lang: fence.lang, code: fence.body.join('\n') + '\n', line: fence.line });
        fence = undefined;
      } else fence.body.push(line);
      continue;
    }
    const open = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (open) {
      fence = { marker: open[1], lang: open[2], line: i + 1, body: [] };
      continue;
    }
    const h = /^(#{1,3})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h && h[1] === '#' && page.h1 === undefined && !current) page.h1 = h[2];
    else if (h && h[1] === '##') {
      current = { heading: h[2], line: i + 1, text: '', blocks: [], h3: [] };
      page.sections.push(current);
    } else if (h && h[1] === '###' && current) current.h3.push(h[2]);
    else if (current) current.text += line + '\n';
  }
  if (fence) page.unclosedFence = fence.line;
  return page;
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && statSync(join(dir, f)).isFile())
    .sort();
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isDirectory())
    .sort();
}

const docsPath = (id: string) => join(ROOT, 'docs', 'rules', `${id}.md`);
const testPath = (id: string) => join(ROOT, 'test', 'engine', 'rules', `${id}.test.ts`);

function readPage(rule: Rule): Page | undefined {
  const p = docsPath(rule.meta.id);
  return existsSync(p) ? parsePage(readFileSync(p, 'utf8')) : undefined;
}

/** Lint one docs example with only this rule enabled; returns the messages of its findings. */
function lintExample(rule: Rule, block: CodeBlock): string[] {
  if (!rule.meta.crossFile) return lintWith(rule, block.code).map((f) => `${f.messageId}: ${f.message}`);
  // A cross-file rule sees a workspace made of the example alone (a multi-document YAML holds
  // every related object), declared complete so the rule does not stay silent.
  const file = new SourceFile(CROSS_FILE_EXAMPLE_PATH[rule.meta.kind] ?? 'example.yaml', block.code);
  assert.equal(file.kind, rule.meta.kind, `example is classified as ${file.kind}`);
  const workspace = new Workspace(undefined, true);
  workspace.set(file.path, block.code);
  for (const [path, text] of siblingFiles(block.code)) workspace.set(path, text);
  const setting: RuleSetting = [rule.meta.severity, {}];
  const config = new ResolvedConfig([rule], [{ extends: 'none', rules: { [rule.meta.id]: setting } }]);
  const result = lint(workspace.get(file.path)!, { config, rules: [rule], workspace });
  assert.deepEqual(result.ruleErrors, [], 'the rule threw');
  return result.findings.map((f) => `${f.messageId}: ${f.message}`);
}

/**
 * Files an example declares in its leading comments, e.g. the `.dockerignore` beside a Dockerfile:
 * a `# <file>:` line followed by `#   <content line>` lines.
 */
function siblingFiles(code: string): [string, string][] {
  const out: [string, string][] = [];
  let current: [string, string[]] | undefined;
  for (const line of code.split(/\r?\n/)) {
    const head = /^#\s*([\w./-]+):\s*$/.exec(line);
    const body = /^#\s{3}(.*)$/.exec(line);
    if (head) {
      current = [head[1], []];
      out.push([current[0], '']);
    } else if (body && current) current[1].push(body[1]);
    else if (!line.startsWith('#')) break;
    if (current) out[out.length - 1][1] = current[1].join('\n') + (current[1].length ? '\n' : '');
  }
  return out;
}

/** Same paths as rule-tester's DEFAULT_PATH. */
const CROSS_FILE_EXAMPLE_PATH: Record<string, string> = {
  dockerfile: 'Dockerfile',
  kubernetes: 'k8s/manifest.yaml',
  workflow: '.github/workflows/ci.yml',
  compose: 'compose.yaml',
  dockerignore: '.dockerignore',
  terraform: 'main.tf',
};

describe('rule registry', () => {
  it('is sorted by id, without duplicates, ids shaped <domain>/<kebab-name>', () => {
    const ids = rules.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)), 'engine/rules/index.ts `rules` is sorted by id');
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const id of ids) assert.match(id, /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, `rule id ${id}`);
    assert.equal(ruleById.size, ids.length);
  });

  it('lists every rule module under engine/rules/<domain>/, and each module is at engine/rules/<id>.ts', () => {
    const rulesDir = join(ROOT, 'engine', 'rules');
    const unregistered: string[] = [];
    for (const domain of listDirs(rulesDir)) {
      for (const f of listFiles(join(rulesDir, domain), '.ts')) {
        if (f === 'index.ts' || f.endsWith('.d.ts')) continue;
        const id = `${domain}/${f.replace(/\.ts$/, '')}`;
        if (!ruleById.has(id)) unregistered.push(`engine/rules/${id}.ts`);
      }
    }
    assert.deepEqual(unregistered, [], 'rule files not listed in their domain index.ts');
    const misplaced = rules.filter((r) => !existsSync(join(rulesDir, `${r.meta.id}.ts`))).map((r) => r.meta.id);
    assert.deepEqual(misplaced, [], 'registered rules whose module is not engine/rules/<id>.ts');
  });

  it('keeps each domain index.ts list sorted by id', async () => {
    const rulesDir = join(ROOT, 'engine', 'rules');
    for (const domain of listDirs(rulesDir)) {
      const index = join(rulesDir, domain, 'index.ts');
      if (!existsSync(index)) continue;
      const mod = (await import(index)) as Record<string, unknown>;
      const lists = Object.values(mod).filter((v): v is Rule[] => Array.isArray(v) && v.every((r) => r && typeof r === 'object' && 'meta' in r));
      for (const list of lists) {
        const ids = list.map((r) => r.meta.id);
        assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)), `engine/rules/${domain}/index.ts lists its rules sorted by id`);
        for (const id of ids) assert.ok(id.startsWith(`${domain}/`), `${id} is registered in the ${domain} domain`);
      }
    }
  });

  it('has no docs page or rule test without a registered rule', () => {
    const orphans: string[] = [];
    for (const domain of listDirs(join(ROOT, 'docs', 'rules'))) {
      for (const f of listFiles(join(ROOT, 'docs', 'rules', domain), '.md')) {
        if (!ruleById.has(`${domain}/${f.replace(/\.md$/, '')}`)) orphans.push(`docs/rules/${domain}/${f}`);
      }
    }
    for (const domain of listDirs(join(ROOT, 'test', 'engine', 'rules'))) {
      for (const f of listFiles(join(ROOT, 'test', 'engine', 'rules', domain), '.test.ts')) {
        if (!ruleById.has(`${domain}/${f.replace(/\.test\.ts$/, '')}`)) orphans.push(`test/engine/rules/${domain}/${f}`);
      }
    }
    assert.deepEqual(orphans, []);
  });
});

describe('docs/rules/TEMPLATE.md', () => {
  it('exists and has the required headings in order', () => {
    const p = join(ROOT, 'docs', 'rules', 'TEMPLATE.md');
    assert.ok(existsSync(p), 'docs/rules/TEMPLATE.md exists');
    const page = parsePage(readFileSync(p, 'utf8'));
    assert.deepEqual(page.sections.map((s) => s.heading), REQUIRED_HEADINGS);
  });
});

describe('docs/rules/README.md', () => {
  it('is what scripts/gen-rule-docs.ts generates from the registry', () => {
    const p = join(ROOT, INDEX_PATH);
    assert.ok(existsSync(p), `${INDEX_PATH} exists (run npx tsx scripts/gen-rule-docs.ts)`);
    const actual = readFileSync(p, 'utf8').replace(/\r\n/g, '\n');
    assert.equal(actual, renderRulesIndex(rules), `${INDEX_PATH} is stale: run npx tsx scripts/gen-rule-docs.ts`);
  });
});

const catalog = existsSync(CATALOG) ? readFileSync(CATALOG, 'utf8') : undefined;
const catalogIds = new Set(
  (catalog ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trimStart().startsWith('|'))
    .flatMap((l) => [...l.matchAll(/`([a-z]+\/[a-z0-9-]+)`/g)].map((m) => m[1])),
);

for (const rule of rules) {
  const { id } = rule.meta;
  describe(id, () => {
    it('has a test file at test/engine/rules/<id>.test.ts', () => {
      assert.ok(existsSync(testPath(id)), `missing test/engine/rules/${id}.test.ts`);
    });

    it('has a row in the rule catalog', (t) => {
      if (catalog === undefined) {
        t.skip('../shared/rules/catalog.md is not available');
        return;
      }
      assert.ok(catalogIds.has(id), `no row with \`${id}\` in ../shared/rules/catalog.md`);
    });

    it('has a docs page at docs/rules/<id>.md', () => {
      assert.ok(existsSync(docsPath(id)), `missing docs/rules/${id}.md (copy docs/rules/TEMPLATE.md)`);
    });

    const page = readPage(rule);
    if (!page) return;

    it('docs front matter agrees with the rule metadata', () => {
      assert.equal(page.frontMatterError, undefined);
      assert.ok(page.frontMatter, 'the page starts with --- front matter ---');
      const fm = page.frontMatter!;
      assert.equal(fm.id, id, 'front matter id');
      assert.equal(fm.description, rule.meta.summary, 'front matter description must equal the rule summary');
      assert.equal(fm.severity, rule.meta.severity, 'front matter severity must equal the rule default severity');
      assert.equal(fm.fixable, rule.meta.fixable, 'front matter fixable must equal meta.fixable');
    });

    it('docs page has the title and the required headings in order', () => {
      assert.equal(page.unclosedFence, undefined, `unclosed code fence at line ${page.unclosedFence}`);
      assert.equal(page.h1, id, 'the page title is "# <rule id>"');
      assert.deepEqual(page.sections.map((s) => s.heading), REQUIRED_HEADINGS);
      for (const s of page.sections) assert.ok(s.text.trim() || s.blocks.length, `section "## ${s.heading}" is empty`);
    });

    it('docs page documents each option and shows both suppression comments', () => {
      const options = page.sections.find((s) => s.heading === 'Options');
      const props = Object.keys((rule.meta.options as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      for (const p of props) assert.ok(options?.h3.includes(p), `option "${p}" has a "### ${p}" section under ## Options`);
      const suppress = page.sections.find((s) => s.heading === 'Suppress');
      const text = (suppress?.text ?? '') + (suppress?.blocks.map((b) => b.code).join('') ?? '');
      assert.match(text, new RegExp(`# shipready-ignore ${id.replace('/', '\\/')} -- \\S`), 'Suppress shows "# shipready-ignore <id> -- reason"');
      assert.match(text, new RegExp(`# shipready-ignore-file ${id.replace('/', '\\/')}`), 'Suppress shows "# shipready-ignore-file <id>"');
    });

    for (const [heading, expectFindings] of [
      ['❌ Incorrect', true],
      ['✅ Correct', false],
    ] as const) {
      it(`docs "${heading}" examples ${expectFindings ? 'are reported' : 'are not reported'}`, () => {
        const section = page.sections.find((s) => s.heading === heading);
        assert.ok(section && section.blocks.length > 0, `"## ${heading}" has at least one fenced example`);
        const langs = EXAMPLE_LANGUAGES[rule.meta.kind] ?? [];
        for (const block of section.blocks) {
          const where = `docs/rules/${id}.md:${block.line}`;
          assert.ok(langs.includes(block.lang), `${where}: example fence needs a language tag (${langs.join(' or ')}), got "${block.lang}"`);
          const found = lintExample(rule, block);
          if (expectFindings) assert.ok(found.length > 0, `${where}: the incorrect example produces no ${id} finding`);
          else assert.deepEqual(found, [], `${where}: the correct example produces ${id} findings`);
        }
      });
    }
  });
}
