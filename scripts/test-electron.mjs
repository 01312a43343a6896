// The extension-host suite (test/e2e/host) in desktop VS Code through @vscode/test-electron.
// It DOWNLOADS VS Code on first use (into .vscode-test/), so it is for contributors' machines with
// internet access; `npm test` runs the same suite offline in code-server (test/e2e/host.test.ts).
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
execSync('npm run build', { cwd: root, stdio: 'inherit' });
// A copy of the sample, so the suite never edits the repository.
const workspace = mkdtempSync(join(tmpdir(), 'shipready-electron-'));
cpSync(join(root, 'sample'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test/e2e/host/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(`extension-host tests failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
