// Launches the extension-host suite (test/e2e/host/index.js, mocha) inside a real VS Code: the
// repo is loaded as the extension under development (dist/ as built), a copy of sample/ is the
// workspace. code-server's command line rejects --extensionDevelopmentPath, but the web workbench
// takes it in the URL payload; VS Code reports the suite's exit code through codeAutomationExit,
// the hook @vscode/test-web uses. Run: node --import tsx --test test/e2e/host.test.ts
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { remoteUri, startCodeServer, stopCodeServer, type CodeServer } from '../../scripts/code-server.mjs';
import { copySample, ensureBuilt, launchBrowser, log, newPage, repoRoot, screenshot, waitFor } from './harness';

interface HostResult { title: string; state: 'passed' | 'failed' | 'skipped'; duration?: number; error?: string }

describe('Shipready extension-host tests (real vscode API)', () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workspace: ReturnType<typeof copySample> | undefined;
  let exitCode: number | undefined;
  let results: HostResult[] | undefined;
  const logs: string[] = [];

  before(async () => {
    await ensureBuilt();
    workspace = copySample();
    server = await startCodeServer({ log });
    browser = await launchBrowser(server.runDir);
    const { page } = await newPage(browser);

    const take = (line: string) => {
      logs.push(line);
      const m = /SHIPREADY_HOST_RESULTS (\[.*\])/.exec(line);
      if (m) results = JSON.parse(m[1]);
    };
    let exited!: (code: number) => void;
    const exit = new Promise<number>((res) => { exited = res; });
    await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
      const parts = Array.isArray(args) ? args : [args];
      take(`[${String(type)}] ${parts.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(Number(code)));
    page.on('console', (msg) => take(`[console.${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => take(`[pageerror] ${err.message}`));

    const url = server.folderUrl(workspace.dir, [
      ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
      ['extensionTestsPath', remoteUri(server, join(repoRoot, 'test', 'e2e', 'host', 'index.js'))],
    ]);
    await page.goto(url);
    exitCode = await Promise.race([
      exit,
      new Promise<number>((_, rej) => setTimeout(() => rej(new Error('the extension-host suite did not finish within 120 s')), 120_000).unref()),
    ]).catch(async (e) => {
      await screenshot(page, 'host-FAILED');
      throw new Error(`${(e as Error).message}\n--- workbench log ---\n${logs.slice(-60).join('\n')}`);
    });
    await waitFor('the suite results line', async () => results, 5_000).catch(() => {});
    await screenshot(page, 'host-end');
  }, { timeout: 300_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopCodeServer(server);
    workspace?.cleanup();
  });

  test('the suite ran in the extension host and exited 0', () => {
    const detail = `exit code ${exitCode}; results ${JSON.stringify(results, null, 2)}\n--- workbench log ---\n${logs.slice(-80).join('\n')}`;
    assert.ok(results && results.length > 0, `no results reported; ${detail}`);
    assert.equal(exitCode, 0, detail);
  });

  // One node:test result per mocha test, so failures read as what failed.
  for (const title of [
    'activates on a Dockerfile',
    'publishes shipready diagnostics with the rule id and its docs link',
    'offers the JSON-form quick fix through vscode.executeCodeActionProvider, and applying it clears the finding',
    'turns a rule off through the shipready.rules setting',
  ]) {
    test(title, () => {
      const r = results?.find((x) => x.title.endsWith(title));
      assert.ok(r, `not reported: ${title}`);
      assert.equal(r.state, 'passed', r.error);
    });
  }
});
