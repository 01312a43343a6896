// Shared pieces of the e2e tests: the .vsix, a private code-server, Debian chromium through
// playwright-core, a throw-away copy of sample/, and helpers that read the workbench the way a
// person sees it. Everything waits on conditions; nothing sleeps for a fixed time.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { findChromium, withLock, type CodeServer } from '../../scripts/code-server.mjs';
import { build, packageVsix, repoRoot } from '../../scripts/package-vsix.mjs';

export { repoRoot };

/**
 * The little of the DOM that the page callbacks below use (the project's tsconfig has no DOM lib,
 * and adding one for the whole program would hide browser globals used by mistake elsewhere).
 */
interface DomElement {
  textContent: string | null;
  className: string;
  style: { top: string };
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  querySelector<E = DomElement>(selector: string): E | null;
  querySelectorAll<E = DomElement>(selector: string): ArrayLike<E> & Iterable<E>;
  getAttribute(name: string): string | null;
}
export const artifactsDir = join(repoRoot, 'test-results', 'e2e');
export const sampleDir = join(repoRoot, 'sample');
const verbose = !!process.env.SHIPREADY_E2E_VERBOSE;
export const log = (msg: string) => { if (verbose) process.stderr.write(`[e2e] ${msg}\n`); };

/** Newest modification time under the given paths (files or folders). */
function newest(paths: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else max = Math.max(max, st.mtimeMs);
  };
  paths.forEach(walk);
  return max;
}

/**
 * Rebuilds dist/ when a source is newer than the bundles (under a lock: test files may run in
 * parallel), then packages a .vsix into a temp folder of this process; `cleanup` removes it.
 * SHIPREADY_E2E_VSIX=<file> uses a given .vsix instead.
 */
export async function prepareVsix(): Promise<{ vsix: string; cleanup: () => void }> {
  if (process.env.SHIPREADY_E2E_VSIX) return { vsix: process.env.SHIPREADY_E2E_VSIX, cleanup: () => {} };
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'shipready-vsix-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    return { vsix: await packageVsix({ out: join(dir, 'shipready.vsix'), build: false, quiet: true }), cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** Rebuilds dist/ when stale; used by both the UI and the extension-host tests. */
export async function ensureBuilt(): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await withLock(join(artifactsDir, '.build.lock'), async () => {
    const sources = ['client', 'server', 'engine', 'protocol', 'package.json', 'esbuild.mjs'].map((p) => join(repoRoot, p));
    const bundles = ['dist/client.js', 'dist/server.js'].map((p) => join(repoRoot, p));
    const built = Math.min(...bundles.map((b) => (existsSync(b) ? statSync(b).mtimeMs : 0)));
    if (built < newest(sources)) {
      log('building dist/ …');
      await build({ quiet: true });
    }
  }, log);
}

const copies = new Set<string>();
process.on('exit', () => { for (const c of copies) rmSync(c, { recursive: true, force: true }); });

/** A copy of sample/ in a temp folder, so tests never modify the repo. */
export function copySample(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'shipready-e2e-ws-'));
  copies.add(root);
  const dir = join(root, 'orders-api');
  cpSync(sampleDir, dir, { recursive: true });
  return {
    dir,
    cleanup: () => {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
      copies.delete(root);
    },
  };
}

/** Debian chromium, headless, with no way to reach anything but this machine. */
export async function launchBrowser(runDir: string): Promise<Browser> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const [k, sub] of [['XDG_CONFIG_HOME', 'config'], ['XDG_CACHE_HOME', 'cache'], ['TMPDIR', 'tmp']] as const) {
    env[k] = join(runDir, 'browser', sub);
    mkdirSync(env[k], { recursive: true });
  }
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    env,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check',
      '--disable-default-apps', '--disable-extensions', '--mute-audio', '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx (esbuild keepNames) wraps named inner functions of the callbacks given to evaluate() in
  // __name(); define it in the page so those callbacks run there unchanged.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Opens the workbench on a folder and waits until its explorer lists the given file. */
export async function openWorkbench(page: Page, server: CodeServer, folder: string, expectFile = 'Dockerfile') {
  await page.goto(server.folderUrl(folder));
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${expectFile}"]`).waitFor({ state: 'visible', timeout: 60_000 });
}

/** Quick Open (Ctrl+P) a file by name and wait for its editor tab to be active. */
export async function openFile(page: Page, name: string) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator(`.quick-input-widget .monaco-list-row[aria-label*="${name}"]`).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

const activeEditor = (page: Page) => page.locator('.editor-group-container.active .monaco-editor').first();

/** The visible text of the active editor, one string per rendered line, in order. */
export async function editorLines(page: Page): Promise<string[]> {
  return activeEditor(page).locator('.view-lines').evaluate((el: DomElement) =>
    [...el.querySelectorAll<DomElement>('.view-line')]
      .map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text));
}

/** The rendered line whose text starts with `prefix`. */
export function lineLocator(page: Page, prefix: string): Locator {
  return activeEditor(page).locator('.view-lines .view-line').filter({ hasText: new RegExp(`^${escapeRe(prefix).replace(/ /g, '[ \\u00a0]')}`) }).first();
}

export interface Squiggle { severity: string; left: number; width: number; x: number; y: number; height: number }

/**
 * Squiggles drawn on the rendered line starting with `prefix`, with their position in characters
 * (left/width), measured against the line's monospace glyphs.
 */
export async function squigglesOnLine(page: Page, prefix: string): Promise<Squiggle[]> {
  const editor = activeEditor(page);
  return editor.evaluate((ed: DomElement, prefix: string) => {
    const norm = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');
    const line = [...ed.querySelectorAll<DomElement>('.view-lines .view-line')].find((l) => norm(l.textContent).startsWith(prefix));
    if (!line) return [];
    const top = line.style.top;
    const text = norm(line.textContent);
    const lineBox = line.getBoundingClientRect();
    const span = line.querySelector('span');
    const spanBox = span!.getBoundingClientRect();
    const charWidth = spanBox.width / Math.max(1, text.length);
    const out: { severity: string; left: number; width: number; x: number; y: number; height: number }[] = [];
    for (const row of ed.querySelectorAll<DomElement>('.view-overlays > div')) {
      if (row.style.top !== top) continue;
      for (const sq of row.querySelectorAll<DomElement>('[class*="squiggly-"]')) {
        const box = sq.getBoundingClientRect();
        const severity = /squiggly-(error|warning|info|hint)/.exec(sq.className)?.[1] ?? sq.className;
        out.push({
          severity,
          left: Math.round((box.left - spanBox.left) / charWidth * 10) / 10,
          width: Math.round(box.width / charWidth * 10) / 10,
          x: box.left + box.width / 2,
          y: lineBox.top + lineBox.height / 2,
          height: box.height,
        });
      }
    }
    return out;
  }, prefix);
}

export interface ProblemRow { label: string; text: string }

/** Opens the Problems panel (Ctrl+Shift+M) and returns the aria-labels and texts of its rows. */
export async function problems(page: Page): Promise<ProblemRow[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
  }
  return panel.locator('.monaco-list-row').evaluateAll((rows: DomElement[]) => rows.map((r) => ({
    label: r.getAttribute('aria-label') ?? '',
    text: (r.textContent ?? '').replace(/\u00a0/g, ' '),
  })));
}

/**
 * The Problems rows of one file, or null while its group is not shown. The list is virtual (only
 * rows on screen exist), so this types the file name into the panel's filter box first, as a
 * person would, and re-types it if the list still shows other files.
 */
export async function problemsOf(page: Page, fileName: string): Promise<ProblemRow[] | null> {
  const rows = await problems(page);
  const box = page.getByPlaceholder('Filter (e.g. text, ').first();
  const groups = rows.map((r) => / in file (.+?) of folder/.exec(r.label)?.[1]).filter(Boolean);
  if ((await box.inputValue()) !== fileName || !groups.includes(fileName)) {
    await box.fill('');
    await box.fill(fileName);
    return null;
  }
  let current: string | undefined;
  let seen = false;
  const out: ProblemRow[] = [];
  for (const r of rows) {
    const group = / in file (.+?) of folder/.exec(r.label)?.[1];
    if (group) { current = group; seen ||= group === fileName; continue; }
    if (current === fileName) out.push(r);
  }
  return seen ? out : null;
}

/** Waits until `fn` returns a truthy value (polling), else fails with the last value seen. */
export async function waitFor<T>(what: string, fn: () => Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let delay = 50;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as NonNullable<T>;
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/** Clicks into the editor at a character of the line starting with `prefix`. */
export async function clickAt(page: Page, prefix: string, column: number) {
  const pos = await activeEditor(page).evaluate((ed: DomElement, prefix: string) => {
    const norm = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');
    const line = [...ed.querySelectorAll<DomElement>('.view-lines .view-line')].find((l) => norm(l.textContent).startsWith(prefix));
    if (!line) return null;
    const span = line.querySelector('span')!.getBoundingClientRect();
    const text = norm(line.textContent);
    return { left: span.left, cw: span.width / Math.max(1, text.length), y: span.top + span.height / 2 };
  }, prefix);
  if (!pos) throw new Error(`no line starting with ${JSON.stringify(prefix)}`);
  await page.mouse.click(pos.left + pos.cw * (column + 0.5), pos.y);
}

/**
 * Ctrl+. on the cursor, then picks the quick fix whose title contains `title` with the arrow keys
 * and Enter, as a person would (the menu's pointer shield swallows synthetic hovers).
 */
export async function applyQuickFix(page: Page, title: string) {
  await page.keyboard.press('Control+.');
  const widget = page.locator('.action-widget');
  await widget.locator('.monaco-list-row').filter({ hasText: title }).first().waitFor({ state: 'visible' });
  const focused = widget.locator('.monaco-list-row.focused');
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    const text = (await focused.count()) ? (await focused.first().innerText()).trim() : '';
    if (text.includes(title)) {
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden' });
      return;
    }
    seen.push(text);
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no quick fix ${JSON.stringify(title)} reachable in the menu; saw ${JSON.stringify(seen)}`);
}

export async function screenshot(page: Page | undefined, name: string) {
  if (!page || page.isClosed()) return;
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  log(`screenshot ${file}`);
}

export function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
