// Editing Kubernetes manifests and workflows as a person does: the packaged extension in a real
// VS Code (code-server), driven in Debian chromium, on a throw-away copy of sample/. Quick fixes
// from the light bulb (one of them a snippet), a snippet from the suggest widget, and key
// completion at a container's and a job's key position. Screenshots go to test-results/e2e/.
// Run: node --import tsx --test test/e2e/editing.test.ts
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseAllDocuments } from 'yaml';
import { startCodeServer, stopCodeServer, type CodeServer } from '../../scripts/code-server.mjs';
import {
  applyQuickFix, clickAt, copySample, editorLines, launchBrowser, log, newPage, openFile, openWorkbench,
  prepareVsix, problems, repoRoot, screenshot, squigglesOnLine, waitFor, type ProblemRow,
} from './harness';

/** The container's name line of sample/k8s/deployment.yaml: where its container findings sit. */
const NAME_LINE = '        - name: orders-api';
const IMAGE_LINE = '          image: registry.example.com/shop/orders-api:latest';
const RESOURCES = 'kubernetes/resources-requests-limits';
const SECURITY = ['kubernetes/run-as-non-root', 'kubernetes/read-only-root-fs', 'kubernetes/no-privilege-escalation', 'kubernetes/drop-capabilities'];
const RESOURCES_FIX = 'Add resource requests and limits';
const HARDEN_FIX = 'Harden the securityContext of "orders-api"';

/**
 * Findings the k8s-deploy snippet cannot avoid on its own: they ask for other objects of the
 * workspace (a NetworkPolicy selecting the pods, a default-deny policy in the namespace, and the
 * HorizontalPodAutoscaler that the snippet leaves the replica count to). Tolerated, not required;
 * any other finding on the inserted manifest fails the test.
 */
const NEEDS_OTHER_OBJECTS = new Set(['kubernetes/network-policy-coverage', 'kubernetes/network-policy-default-deny', 'kubernetes/replicas-min']);

/** How long a lint may take to reach the Problems panel on a busy 2-core machine. */
const SETTLE_MS = 60_000;

const shortName = (ruleId: string) => ruleId.slice(ruleId.indexOf('/') + 1);

interface CliFinding { file: string; ruleId: string; message: string }

/** `shipready check <file> --format json` run in the workspace folder: the oracle for one file. */
function cliCheck(folder: string, rel: string): Promise<CliFinding[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'check', rel, '--format', 'json'], { cwd: folder, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      // Exit code 1 means "errors found"; any other failure has no JSON.
      if (err && typeof err.code !== 'number') return reject(err);
      try {
        resolve(JSON.parse(stdout) as CliFinding[]);
      } catch (e) {
        reject(new Error(`shipready check ${rel} --format json: ${(e as Error).message}\n${stderr}`));
      }
    });
  });
}

/** The little of the DOM the page callbacks use (no DOM lib in the project's tsconfig). */
interface El {
  className: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
}

interface ProblemsView {
  /** The text in the panel's filter box. */
  filter: string;
  /** "Showing N of M" while a filter is set: N markers pass it. */
  shown: number | null;
  /** The rendered rows under each file's group (the list is virtual: only rows on screen). */
  groups: Map<string, ProblemRow[]>;
}

/**
 * Reads the Problems panel (Ctrl+Shift+M opens it) filtered by `filter`: the rows under each file,
 * and the badge's count of markers shown. When the filter box holds another text, it types
 * `filter` into it and answers null (the list updates a moment later): poll again.
 */
async function problemsView(page: Page, filter: string): Promise<ProblemsView | null> {
  const rows = await problems(page);
  const box = page.getByPlaceholder('Filter (e.g. text, ').first();
  if ((await box.inputValue()) !== filter) {
    await box.fill('');
    await box.fill(filter);
    return null;
  }
  const badge = page.locator('.part.panel .viewpane-filter-badge').first();
  const badgeText = (await badge.count()) && !((await badge.getAttribute('class')) ?? '').includes('hidden') ? ((await badge.textContent()) ?? '') : '';
  const groups = new Map<string, ProblemRow[]>();
  let current: ProblemRow[] | undefined;
  for (const r of rows) {
    const group = / in file (.+?) of folder/.exec(r.label)?.[1];
    if (group) groups.set(group, (current = []));
    else current?.push(r);
  }
  const m = /(\d+)\D+\d+/.exec(badgeText);
  return { filter, shown: m ? Number(m[1]) : null, groups };
}

/**
 * Waits until the Problems panel lists `ruleId` for `fileName`: filtered by the rule's name, so the
 * file's other findings cannot push its row out of the (virtual) list. (The filter is fuzzy; the
 * name without its "kubernetes/" part matches fewer other rules.)
 */
async function waitForProblem(page: Page, fileName: string, ruleId: string): Promise<ProblemRow> {
  const filter = shortName(ruleId);
  return waitFor(`${ruleId} in Problems for ${fileName}`, async () => {
    const v = await problemsView(page, filter);
    return v?.groups.get(fileName)?.find((r) => r.text.includes(ruleId));
  }, SETTLE_MS);
}

/**
 * Waits until Problems no longer lists `ruleId` for `fileName`, seen on two consecutive polls.
 * The panel is first filtered to the file and must show its group (the file keeps other findings),
 * so a filter not yet applied reads as "present", never as "gone"; then it is filtered by the
 * rule's name, and "gone" means the file's group is absent, or shown with all its matched rows on
 * screen (badge count = rows rendered) and none of them this rule's.
 */
async function waitForProblemGone(page: Page, fileName: string, ruleId: string) {
  await waitFor(`the group of ${fileName} in Problems`, async () => {
    const v = await problemsView(page, fileName);
    return (v?.groups.get(fileName)?.length ?? 0) > 0;
  }, SETTLE_MS);
  const filter = shortName(ruleId);
  let streak = 0;
  let last: string[] | null = null;
  await waitFor(`${ruleId} gone from Problems for ${fileName} (two polls in a row)`, async () => {
    const v = await problemsView(page, filter);
    if (!v) {
      streak = 0;
      return false;
    }
    const rows = v.groups.get(fileName);
    const rendered = [...v.groups.values()].reduce((n, g) => n + g.length, 0);
    const gone = !rows || (v.shown === rendered && !rows.some((r) => r.text.includes(ruleId)));
    last = rows?.map((r) => r.text) ?? null;
    streak = gone ? streak + 1 : 0;
    return streak >= 2;
  }, SETTLE_MS).catch((e: Error) => { throw new Error(`${e.message}; rows of ${fileName}: ${JSON.stringify(last)}`); });
}

/**
 * The rule ids Problems shows for a file (filtered to the file): [] while its group is absent,
 * undefined while the filter is being typed.
 */
async function ruleIdsInProblems(page: Page, fileName: string): Promise<string[] | undefined> {
  const v = await problemsView(page, fileName);
  if (!v) return undefined;
  return (v.groups.get(fileName) ?? []).map((r) => /shipready\s*\(?([a-z][\w-]*\/[\w-]+)/.exec(r.text)?.[1] ?? r.text).sort();
}

const activeEditor = (page: Page) => page.locator('.editor-group-container.active .monaco-editor').first();

/** Clicks into the editor and goes to its first line (Ctrl+Home), so the top of the file is on screen. */
async function editorToTop(page: Page) {
  await activeEditor(page).locator('.overflow-guard').click();
  await page.keyboard.press('Control+Home');
  await waitFor('the cursor on line 1', async () => (await cursor(page))?.line === 1);
}

/** "Ln 20, Col 11" from the status bar. */
async function cursor(page: Page): Promise<{ line: number; col: number } | null> {
  const m = /^Ln (\d+), Col (\d+)$/.exec(((await page.locator('[id="status.editor.selection"]').textContent()) ?? '').trim());
  return m ? { line: Number(m[1]), col: Number(m[2]) } : null;
}

/** Whether the editor shows snippet placeholders (it is in snippet mode). */
async function inSnippetMode(page: Page): Promise<boolean> {
  return (await activeEditor(page).locator('.view-overlays .snippet-placeholder, .view-overlays .finish-snippet-placeholder').count()) > 0;
}

/**
 * Waits for the snippet's placeholders to show, then presses Escape until the editor leaves snippet
 * mode, keeping every placeholder's default, as a person does.
 */
async function acceptPlaceholderDefaults(page: Page) {
  await waitFor('the snippet placeholders', () => inSnippetMode(page), 15_000);
  await waitFor('the editor to leave snippet mode', async () => {
    if (!(await inSnippetMode(page))) return true;
    await page.keyboard.press('Escape');
    return false;
  });
}

const suggestWidget = (page: Page) => page.locator('.editor-widget.suggest-widget');

/** Ctrl+Space and wait for the suggest widget's list (past "Loading…"). */
async function triggerSuggest(page: Page) {
  await page.keyboard.press('Control+Space');
  await suggestWidget(page).locator('.monaco-list-row.focused').first().waitFor({ state: 'visible' });
}

/** The focused suggestion: its position, the size of the list, and its label. */
async function focusedSuggestion(page: Page) {
  return suggestWidget(page).locator('.monaco-list-row.focused').first().evaluate((r: El) => ({
    pos: Number(r.getAttribute('aria-posinset')),
    size: Number(r.getAttribute('aria-setsize')),
    label: (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').replace(/\u00a0/g, ' ').trim(),
  }));
}

/**
 * Every label the open suggest widget offers: it walks the list with the arrow keys (the list is
 * virtual, only a dozen rows exist at a time) until each position has been seen once.
 */
async function suggestionLabels(page: Page): Promise<string[]> {
  const byPos = new Map<number, string>();
  let size = Infinity;
  let previous = 0;
  // A key press that lands while the list re-renders can skip a row: keep walking, up to three rounds.
  for (let i = 0; byPos.size < size && i < 3 * Math.min(size, 200) + 10; i++) {
    const f = await waitFor('the focus to move to the next suggestion', async () => {
      const s = await focusedSuggestion(page);
      return s.pos > 0 && s.pos !== previous ? s : null;
    }, 10_000);
    if (f.size !== size) byPos.clear(); // the list was replaced: start over
    byPos.set(f.pos, f.label);
    size = f.size;
    previous = f.pos;
    if (byPos.size < size) await page.keyboard.press('ArrowDown');
  }
  assert.equal(byPos.size, size, `walked every suggestion (${byPos.size} of ${size})`);
  return [...byPos.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
}

/** Moves the focus in the open suggest widget to the item labelled `label` and accepts it with Enter. */
async function acceptSuggestion(page: Page, label: string) {
  await suggestWidget(page).locator('.monaco-list-row').filter({ hasText: label }).first().waitFor({ state: 'visible' });
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const f = await focusedSuggestion(page);
    if (f.label === label) {
      await page.keyboard.press('Enter');
      await suggestWidget(page).waitFor({ state: 'hidden' });
      return;
    }
    seen.push(f.label);
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no suggestion ${JSON.stringify(label)} reachable; saw ${JSON.stringify(seen)}`);
}

/** Ctrl+S, then wait until the file on disk satisfies `ok`. */
async function save(page: Page, file: string, ok: (text: string) => boolean): Promise<string> {
  await page.keyboard.press('Control+S');
  return waitFor(`${file} saved`, async () => {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return ok(text) ? text : null;
  });
}

/** Parses every YAML document of a text; fails with the parser's messages when one is invalid. */
function parseYaml(text: string, what: string) {
  const docs = parseAllDocuments(text);
  const errors = docs.flatMap((d) => d.errors.map((e) => e.message));
  assert.deepEqual(errors, [], `${what} is valid YAML:\n${text}`);
  return docs.map((d) => d.toJS() as Record<string, unknown>);
}

describe('Editing Kubernetes manifests and workflows in VS Code (UI)', () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    const t0 = Date.now();
    const { vsix, cleanup } = await prepareVsix();
    try {
      server = await startCodeServer({ vsix, log });
    } finally {
      cleanup();
    }
    browser = await launchBrowser(server.runDir);
    log(`ready in ${Date.now() - t0} ms: ${server.url}`);
  }, { timeout: 300_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopCodeServer(server);
  });

  /**
   * A fresh workbench on a fresh copy of sample/ (`prepare` may add files first); a screenshot at
   * the end, pass or fail.
   */
  async function session(name: string, body: (page: Page, dir: string) => Promise<void>, prepare?: (dir: string) => void) {
    assert.ok(browser && server, 'code-server and chromium started');
    const ws = copySample();
    const { context, page } = await newPage(browser);
    page.setDefaultTimeout(SETTLE_MS);
    try {
      prepare?.(ws.dir);
      await openWorkbench(page, server, ws.dir);
      await body(page, ws.dir);
      await screenshot(page, `${name}-end`);
    } catch (e) {
      await screenshot(page, `${name}-FAILED`);
      throw e;
    } finally {
      await context.close().catch(() => {});
      ws.cleanup();
    }
  }

  test('the resources and securityContext quick fixes leave valid YAML and their findings disappear', { timeout: 300_000 }, () =>
    session('editing-4-k8s-fixes', async (page, dir) => {
      const file = join(dir, 'k8s', 'deployment.yaml');
      await openFile(page, 'deployment.yaml');
      // The container findings sit on the container's name.
      await waitFor('a squiggle on the container name', async () => (await squigglesOnLine(page, NAME_LINE)).some((s) => s.left >= 15), SETTLE_MS);
      for (const rule of [RESOURCES, ...SECURITY]) await waitForProblem(page, 'deployment.yaml', rule);
      await screenshot(page, 'editing-4-findings');

      // The resources fix is a snippet: its values are placeholders; keep the defaults.
      await clickAt(page, NAME_LINE, 18);
      await applyQuickFix(page, RESOURCES_FIX);
      await waitFor('resources in the editor', async () => (await editorLines(page)).some((l) => /^ {10}resources:\s*$/.test(l)));
      await screenshot(page, 'editing-4-resources-snippet');
      await acceptPlaceholderDefaults(page);
      await waitForProblemGone(page, 'deployment.yaml', RESOURCES);

      // One fix hardens the whole securityContext (the four rules each offer it).
      await waitForProblem(page, 'deployment.yaml', SECURITY[0]);
      await editorToTop(page);
      await clickAt(page, NAME_LINE, 18);
      await applyQuickFix(page, HARDEN_FIX);
      for (const rule of SECURITY) await waitForProblemGone(page, 'deployment.yaml', rule);
      await screenshot(page, 'editing-4-fixed');

      // Saved, the text is valid YAML with both blocks in the container.
      await editorToTop(page);
      const text = await save(page, file, (t) => t.includes('securityContext:') && t.includes('resources:'));
      const [deployment] = parseYaml(text, 'deployment.yaml after the fixes');
      const container = (((deployment.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers)[0]);
      assert.equal(container.name, 'orders-api');
      assert.deepEqual(container.resources, { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
      assert.deepEqual(container.securityContext, { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
      // The CLI agrees on the saved file.
      const left = (await cliCheck(dir, 'k8s/deployment.yaml')).map((f) => f.ruleId);
      for (const rule of [RESOURCES, ...SECURITY]) assert.ok(!left.includes(rule), `the CLI still reports ${rule}: ${left.join(', ')}`);
    }));

  test('the k8s-deploy snippet, accepted from the suggest widget, inserts a manifest with no findings of its own', { timeout: 300_000 }, () =>
    session('editing-5-k8s-snippet', async (page, dir) => {
      const rel = 'k8s/new-deployment.yaml';
      const file = join(dir, rel);
      await openFile(page, 'new-deployment.yaml');
      await page.keyboard.type('k8s-deploy');
      await triggerSuggest(page);
      await acceptSuggestion(page, 'k8s-deploy');
      await waitFor('the Deployment in the editor', async () => (await editorLines(page)).includes('kind: Deployment'), SETTLE_MS);
      await screenshot(page, 'editing-5-snippet');
      await acceptPlaceholderDefaults(page);
      const text = await save(page, file, (t) => t.includes('kind: Deployment') && t.includes('emptyDir'));
      assert.ok(!/\$\{?\d/.test(text), `no snippet syntax left in the file:\n${text}`);
      const [deployment] = parseYaml(text, rel);
      assert.equal(deployment.kind, 'Deployment');

      // The CLI on the saved file: nothing but what needs other objects of the workspace.
      const cli = [...new Set((await cliCheck(dir, rel)).map((f) => f.ruleId))].sort();
      const own = cli.filter((r) => !NEEDS_OTHER_OBJECTS.has(r));
      assert.deepEqual(own, [], `the inserted manifest has findings: ${cli.join(', ')}`);

      // Problems agrees with the CLI once the lint of the saved text has settled (same set on two
      // polls in a row; an empty set means the file's group stays absent).
      let previous: string | undefined;
      let got: string | undefined;
      const want = cli.join(',');
      await waitFor(`Problems for new-deployment.yaml to show exactly [${want}] on two polls in a row`, async () => {
        const ids = await ruleIdsInProblems(page, 'new-deployment.yaml');
        if (!ids) {
          previous = undefined;
          return false;
        }
        got = [...new Set(ids)].join(',');
        const settled = got === want && got === previous;
        previous = got;
        return settled;
      }, SETTLE_MS).catch((e: Error) => { throw new Error(`${e.message}; Problems shows [${got}]`); });
      log(`k8s-deploy leaves only findings that need other objects: [${want}]`);
    }, (dir) => {
      mkdirSync(dirname(join(dir, 'k8s', 'new-deployment.yaml')), { recursive: true });
      writeFileSync(join(dir, 'k8s', 'new-deployment.yaml'), '');
    }));

  test('completion at a container\'s key position offers container keys, not Deployment keys', { timeout: 180_000 }, () =>
    session('editing-6a-k8s-completion', async (page) => {
      await openFile(page, 'deployment.yaml');
      // The server has read the file once its findings show (before that, only word suggestions).
      await waitFor('a squiggle on the container name', async () => (await squigglesOnLine(page, NAME_LINE)).length > 0, SETTLE_MS);
      // A new line under the container's image, at its keys' indentation.
      await clickAt(page, IMAGE_LINE, 12);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await waitFor('the cursor at the container keys\' column (Col 11)', async () => (await cursor(page))?.col === 11);
      await triggerSuggest(page);
      await screenshot(page, 'editing-6a-suggest');
      const labels = await suggestionLabels(page);
      for (const key of ['resources', 'securityContext', 'readinessProbe', 'livenessProbe']) assert.ok(labels.includes(key), `${key} offered: ${labels.join(', ')}`);
      for (const key of ['replicas', 'selector', 'template', 'apiVersion', 'kind', 'containers']) assert.ok(!labels.includes(key), `${key} not offered: ${labels.join(', ')}`);
      await page.keyboard.press('Escape');
    }));

  test('completion at a job\'s key position in a workflow offers job keys', { timeout: 180_000 }, () =>
    session('editing-6b-workflow-completion', async (page) => {
      await openFile(page, 'ci.yml');
      // The server has read the workflow once its findings show (the job without timeout-minutes).
      await waitFor('a squiggle on the job', async () => (await squigglesOnLine(page, '  build:')).length > 0, SETTLE_MS);
      await clickAt(page, '    runs-on: ubuntu-latest', 8);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await waitFor('the cursor at the job keys\' column (Col 5)', async () => (await cursor(page))?.col === 5);
      await triggerSuggest(page);
      await screenshot(page, 'editing-6b-suggest');
      const labels = await suggestionLabels(page);
      for (const key of ['timeout-minutes', 'environment', 'permissions', 'concurrency']) assert.ok(labels.includes(key), `${key} offered: ${labels.join(', ')}`);
      for (const key of ['uses', 'with', 'on', 'jobs']) assert.ok(!labels.includes(key), `${key} not offered: ${labels.join(', ')}`);
      await page.keyboard.press('Escape');
    }));
});
