// A private, offline "real VS Code" for `npm start` and the e2e tests.
//
// code-server from npm bundles a real VS Code (4.100.3 = VS Code 1.100.3, the newest whose
// engines.node accepts Node 20). It is ~300 MB, so it is installed on first use into a git-ignored
// folder (`.code-server/` at the repo root, or $SHIPREADY_CODE_SERVER_DIR), never into the
// extension's own dependencies.
//
// Exports:
//   ensureCodeServer()          install once (idempotent, a few ms when already installed)
//   startCodeServer(options)    isolated run folder, free port, wait for /healthz
//   installVsix(server, vsix)   install a .vsix into a run folder's extensions dir
//   stopCodeServer(server)      stop it and every process it started
//   findChromium()              the Debian chromium the tests drive
//
// Run directly: `node scripts/code-server.mjs install` installs (or checks) code-server.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep as pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json. Its
// postinstall downloads rg from GitHub unless it finds this file in its cache.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function codeServerDir() {
  return resolve(process.env.SHIPREADY_CODE_SERVER_DIR || join(repoRoot, '.code-server'));
}

function paths() {
  const dir = codeServerDir();
  const pkg = join(dir, 'node_modules', 'code-server');
  return {
    dir,
    pkg,
    entry: join(pkg, 'out', 'node', 'entry.js'),
    marker: join(dir, 'installed.json'),
    lock: join(dir, 'install.lock'),
    log: join(dir, 'install.log'),
  };
}

const which = (cmd) => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};

/** Throws one clear message naming everything missing for the install. */
export function checkInstallPrerequisites() {
  const problems = [];
  const apt = new Set();
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) problems.push(`code-server ${CODE_SERVER_VERSION} needs Node.js 20 (this is ${process.version}).`);
  if (!which('rg')) { problems.push('`rg` (ripgrep) is missing: its npm package would download it.'); apt.add('ripgrep'); }
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h') && !which('krb5-config')) {
    problems.push('Kerberos headers are missing (code-server builds the `kerberos` native module).');
    apt.add('libkrb5-dev');
  }
  for (const tool of ['make', 'g++', 'python3']) {
    if (!which(tool)) { problems.push(`\`${tool}\` is missing (node-gyp builds native modules).`); apt.add(tool === 'g++' ? 'build-essential' : tool); }
  }
  if (problems.length) {
    const fix = apt.size ? `\nInstall with: apt-get update && apt-get install -y ${[...apt].join(' ')}` : '';
    throw new Error(`Cannot install code-server:\n  - ${problems.join('\n  - ')}${fix}`);
  }
}

/** The browser the e2e tests drive; throws a clear message when missing. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('Debian chromium is missing (the e2e tests drive it through playwright-core).\n' +
      'Install with: apt-get update && apt-get install -y chromium');
  }
  return found;
}

export function isCodeServerInstalled() {
  const p = paths();
  if (!existsSync(p.marker) || !existsSync(p.entry)) return false;
  try { return JSON.parse(readFileSync(p.marker, 'utf8')).version === CODE_SERVER_VERSION; } catch { return false; }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/** A lock folder, so two test files starting at once do not install twice into one folder. */
export async function withLock(lock, fn, log = (m) => console.error(m)) {
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try { owner = Number(readFileSync(join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if ((Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) || (Number.isNaN(owner) && age > 10_000)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 15_000 === 0) log(`code-server: waiting for another install (pid ${owner}) to finish…`);
      await sleep(500);
    }
  }
  try { return await fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

/**
 * Installs code-server into codeServerDir() unless it is there already. Returns its paths.
 * @param {{ log?: (msg: string) => void, force?: boolean }} [options]
 */
export async function ensureCodeServer({ log = (m) => console.error(m), force = false } = {}) {
  const p = paths();
  if (!force && isCodeServerInstalled()) return p;
  checkInstallPrerequisites();
  mkdirSync(p.dir, { recursive: true });
  return withLock(p.lock, async () => {
    if (!force && isCodeServerInstalled()) return p; // another process finished meanwhile
    const started = Date.now();
    log(`code-server: installing ${CODE_SERVER_VERSION} into ${p.dir} (about 1.5 min, once)…`);
    rmSync(p.marker, { force: true });

    // Its own tiny project, so npm installs nothing of the extension's.
    writeFileSync(join(p.dir, 'package.json'), JSON.stringify({
      name: 'shipready-code-server',
      private: true,
      description: 'code-server for Shipready\'s `npm start` and e2e tests (installed by scripts/code-server.mjs)',
      dependencies: { 'code-server': CODE_SERVER_VERSION },
    }, null, 2) + '\n');
    writeFileSync(join(p.dir, '.gitignore'), '*\n');

    // Pre-seed @vscode/ripgrep's download cache with the local rg, so its postinstall only unpacks.
    const tmp = join(p.dir, 'tmp');
    rmSync(tmp, { recursive: true, force: true });
    const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
    const rgStage = join(tmp, 'rg-stage');
    mkdirSync(rgCache, { recursive: true });
    mkdirSync(rgStage, { recursive: true });
    cpSync(which('rg'), join(rgStage, 'rg'), { dereference: true });
    const tar = spawnSync('tar', ['czf', join(rgCache, RIPGREP_ASSET), '-C', rgStage, 'rg']);
    if (tar.status !== 0) throw new Error(`code-server: could not pack rg: ${tar.stderr}`);

    // Drop what an outer `npm run`/`npm test` put in the environment (prefix, lifecycle, …): this
    // is a separate project.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    Object.assign(env, {
      TMPDIR: tmp,
      // code-server's postinstall refuses to run as root without it.
      npm_config_unsafe_perm: 'true',
      // node-pty's postinstall runs `npx node-gyp`, which would ask.
      npm_config_yes: 'true',
      // npm 11 skips dependencies' install scripts unless allowed; code-server's postinstall runs
      // nested `npm install`s (lib/vscode, its extensions) whose native modules need theirs. The
      // versions are pinned by code-server's npm-shrinkwrap.json files. Older npm ignores this.
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
      npm_config_progress: 'false',
    });
    // Build native modules against the installed Node headers rather than downloading them.
    if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

    const fd = openSync(p.log, 'w');
    const code = await new Promise((res) => {
      const child = spawn('npm', ['install', '--omit=dev', '--no-package-lock'], {
        cwd: p.dir, env, stdio: ['ignore', fd, fd],
      });
      child.on('exit', (c, sig) => res(c ?? sig));
      child.on('error', (e) => res(String(e)));
    });
    closeSync(fd);
    rmSync(tmp, { recursive: true, force: true });
    const rg = join(p.pkg, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (code !== 0 || !existsSync(p.entry) || !existsSync(rg)) {
      const tail = existsSync(p.log) ? readFileSync(p.log, 'utf8').split('\n').slice(-40).join('\n') : '';
      throw new Error(`code-server: npm install failed (exit ${code}); full log in ${p.log}. Last lines:\n${tail}`);
    }
    writeFileSync(p.marker, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }) + '\n');
    log(`code-server: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return p;
  }, log);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** User settings that keep the UI predictable (no welcome page, no git, no suggestions popping up). */
export const testSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.parameterHints.enabled': false,
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'window.restoreWindows': 'none',
};

function runDirs(runDir) {
  return {
    runDir,
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    config: join(runDir, 'config.yaml'),
    xdgConfig: join(runDir, 'xdg', 'config'),
    xdgData: join(runDir, 'xdg', 'data'),
    xdgCache: join(runDir, 'xdg', 'cache'),
    tmp: join(runDir, 'tmp'),
    log: join(runDir, 'code-server.log'),
  };
}

function isolatedEnv(dirs) {
  const env = { ...process.env };
  // Variables of an outer VS Code or npm would leak into the extension host.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || /^npm_/.test(k)) delete env[k];
  }
  return {
    ...env,
    EXTENSIONS_GALLERY: '{}', // otherwise it looks up a marketplace host
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmp,
  };
}

/**
 * Installs a .vsix into the server's (or a run folder's) extensions dir. Best done before start:
 * startCodeServer({ vsix }) does that.
 * @param {{ runDir: string } | string} serverOrRunDir
 */
export async function installVsix(serverOrRunDir, vsix) {
  const { entry } = paths();
  const dirs = runDirs(typeof serverOrRunDir === 'string' ? serverOrRunDir : serverOrRunDir.runDir);
  for (const d of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, dirs.tmp]) mkdirSync(d, { recursive: true });
  const out = await new Promise((res) => {
    const child = spawn(process.execPath, [entry,
      '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
      '--install-extension', resolve(vsix), '--force'],
    { env: isolatedEnv(dirs), stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => { text += d; });
    child.stderr.on('data', (d) => { text += d; });
    child.on('exit', (code) => res({ code, text }));
  });
  if (out.code !== 0 || /failed|error/i.test(out.text) && !/successfully installed/i.test(out.text)) {
    throw new Error(`code-server: installing ${vsix} failed (exit ${out.code}):\n${out.text}`);
  }
  return out.text.trim();
}

const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a code-server behind when this process goes away. code-server runs in
  // its own process group (so it can be stopped as a whole), which also means a Ctrl+C in the
  // terminal does not reach it: on SIGINT/SIGTERM/SIGHUP kill it and exit, unless the program
  // handles that signal itself (scripts/start.mjs does, and stops it there).
  const killAll = () => {
    for (const s of live) {
      killGroup(s.pid, 'SIGKILL');
      if (!s.keepRunDir) try { rmSync(s.runDir, { recursive: true, force: true }); } catch { /* best effort */ }
    }
    live.clear();
  };
  process.on('exit', killAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    if (process.listenerCount(signal) > 0) continue;
    process.once(signal, () => {
      killAll();
      process.exit(code);
    });
  }
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); return true; } catch { /* group gone */ }
  try { process.kill(pid, signal); return true; } catch { return false; }
}

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/**
 * Starts code-server on 127.0.0.1 with everything under one run folder and waits for /healthz.
 * @param {{
 *   port?: number, runDir?: string, keepRunDir?: boolean, vsix?: string | string[],
 *   settings?: Record<string, unknown>, extraArgs?: string[], env?: Record<string, string>,
 *   timeoutMs?: number, log?: (msg: string) => void, inheritOutput?: boolean,
 * }} [options]
 */
export async function startCodeServer(options = {}) {
  const { entry } = await ensureCodeServer({ log: options.log });
  const port = options.port ?? await freePort();
  const runDir = options.runDir ? resolve(options.runDir) : mkdtempSync(join(tmpdir(), 'shipready-code-server-'));
  const dirs = runDirs(runDir);
  for (const d of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, dirs.tmp]) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...testSettings, ...(options.settings ?? {}) }, null, 2) + '\n');
  writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  for (const v of [options.vsix ?? []].flat()) await installVsix(runDir, v);

  const args = [entry,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...(options.extraArgs ?? [])];
  const logFd = openSync(dirs.log, 'a');
  const child = spawn(process.execPath, args, {
    env: { ...isolatedEnv(dirs), ...(options.env ?? {}) },
    // Its own process group: stop() kills the server, the extension host and our language server.
    detached: true,
    stdio: ['ignore', options.inheritOutput ? 'inherit' : logFd, options.inheritOutput ? 'inherit' : logFd],
  });
  closeSync(logFd);
  const server = {
    pid: child.pid,
    port,
    url: `http://127.0.0.1:${port}`,
    runDir,
    dirs,
    keepRunDir: Boolean(options.keepRunDir || options.runDir),
    process: child,
    exited: new Promise((res) => child.on('exit', (code, signal) => res({ code, signal }))),
    /** The workbench URL for a folder (absolute path). */
    folderUrl: (folder, payload) => workbenchUrl(server, folder, payload),
    stop: () => stopCodeServer(server),
  };
  live.add(server);
  installExitHook();

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let exitInfo = null;
  server.exited.then((e) => { exitInfo = e; });
  for (;;) {
    if (exitInfo) {
      live.delete(server);
      throw new Error(`code-server exited early (${JSON.stringify(exitInfo)}); log: ${dirs.log}\n${readLog(dirs.log)}`);
    }
    try {
      const r = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) {
      await stopCodeServer(server);
      throw new Error(`code-server did not answer /healthz within ${options.timeoutMs ?? 30_000} ms; log:\n${readLog(dirs.log)}`);
    }
    await sleep(100);
  }
  return server;
}

function readLog(file) {
  try { return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n'); } catch { return '(no log)'; }
}

/**
 * `http://127.0.0.1:<port>/?folder=<abs path>`, optionally with a workbench payload such as
 * [["extensionDevelopmentPath", "vscode-remote://…"]].
 */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURI(resolve(folder))}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A path on the server as the web workbench names it (for payload entries). */
export function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${resolve(absPath)}`;
}

/** Stops code-server and every process of its group; removes its run folder unless kept. */
export async function stopCodeServer(server, { timeoutMs = 5000 } = {}) {
  if (!server) return;
  live.delete(server);
  if (groupAlive(server.pid)) {
    killGroup(server.pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (groupAlive(server.pid) && Date.now() < deadline) await sleep(50);
    if (groupAlive(server.pid)) {
      killGroup(server.pid, 'SIGKILL');
      while (groupAlive(server.pid) && Date.now() < deadline + 2000) await sleep(50);
    }
  }
  if (!server.keepRunDir) rmSync(server.runDir, { recursive: true, force: true, maxRetries: 3 });
}

// `node scripts/code-server.mjs install` — install or check; prints where it is.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cmd = process.argv[2] ?? 'install';
  if (cmd === 'install') {
    ensureCodeServer({ force: process.argv.includes('--force') })
      .then((p) => console.log(`code-server ${CODE_SERVER_VERSION}: ${p.pkg}`))
      .catch((e) => { console.error(e.message); process.exit(1); });
  } else {
    console.error('usage: node scripts/code-server.mjs install [--force]');
    process.exit(2);
  }
}
