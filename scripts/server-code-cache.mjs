// `npm run build` (esbuild.mjs) calls makeServerCodeCache() after bundling: it runs the built server
// once over stdio, opens one small document of each kind, waits for their diagnostics and then
// writes V8's code cache of dist/server-main.js (dist/server-main.cache). The cache holds the
// bytecode of every function compiled so far (start-up, the first lint of each kind), so a start
// by the same Node skips both the parse of the bundle and those compilations. dist/server.js
// (server/start.ts) checks that the cache was made from this bundle by this Node before using it.
//
//   node scripts/server-code-cache.mjs --child --stdio   (internal: the server process of the run)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

if (process.argv[2] === '--child') child();

/** The server process: dist/server.js's own compile and run, then the cache at exit. */
function child() {
  const start = require(join(root, 'dist', 'server.js'));
  const source = readFileSync(start.MAIN, 'utf8');
  const id = source.slice(source.lastIndexOf(start.MARK) + start.MARK.length).trim();
  const header = start.cacheHeader(id, /[^\x00-\x7f]/.test(source) ? 'utf8' : 'latin1');
  const script = start.compileMain(source);
  process.on('exit', () => writeFileSync(start.CACHE, Buffer.concat([Buffer.from(header, 'latin1'), script.createCachedData()])));
  start.runMain(script);
}

// One document per kind, each with a few findings, so that the first lint of each kind (model,
// rules, fixes, diagnostics) is compiled into the cache.
const DOCUMENTS = [
  ['Dockerfile', 'dockerfile', 'FROM node:latest\nARG TOKEN=abc\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y curl\nRUN npm install\nENV PORT=3000\nEXPOSE $PORT\nCMD node server.js\n'],
  ['k8s/deployment.yaml', 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n          ports:\n            - containerPort: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n'],
  ['.github/workflows/ci.yml', 'yaml', 'name: ci\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm ci\n      - run: npm test\n'],
  ['compose.yaml', 'yaml', 'services:\n  web:\n    build: .\n    ports:\n      - "3000:3000"\n    environment:\n      - PASSWORD=secret\n  db:\n    image: postgres\n'],
  ['main.tf', 'terraform', 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n  acl    = "public-read"\n}\n'],
];

/** Appends the build id to dist/server-main.js and writes dist/server-main.cache; false (and no cache) on failure. */
export async function makeServerCodeCache({ timeoutMs = 30000 } = {}) {
  const dist = join(root, 'dist');
  const main = join(dist, 'server-main.js');
  const cache = join(dist, 'server-main.cache');
  rmSync(cache, { force: true });
  let source = readFileSync(main, 'utf8');
  // esbuild escapes non-ASCII characters except in regular expression literals.
  const encoding = /[^\x00-\x7f]/.test(source) ? 'utf8' : 'latin1';
  const { MARK } = require(join(dist, 'server.js'));
  const id = createHash('sha256').update(source).digest('hex').slice(0, 16);
  if (!source.endsWith('\n')) source += '\n';
  writeFileSync(main, `${source}${MARK}${id}\n`);
  try {
    await session(timeoutMs);
    if (!existsSync(cache)) throw new Error('the server exited without writing the cache');
    // V8 must accept it: a cache it rejects only costs time.
    const probe = `const s=require(${JSON.stringify(join(dist, 'server.js'))}),fs=require('fs'),b=fs.readFileSync(s.CACHE);` +
      `process.stdout.write(String(s.compileMain(fs.readFileSync(s.MAIN,${JSON.stringify(encoding)}),b.subarray(b.indexOf(10)+1)).cachedDataRejected))`;
    const check = spawnSync(process.execPath, ['-e', probe], { env: nodeEnv(), encoding: 'utf8' });
    if (check.stdout !== 'false') throw new Error(`V8 rejects the cache (${check.stdout}${check.stderr})`);
    return true;
  } catch (e) {
    rmSync(cache, { force: true });
    console.warn(`server code cache not made: ${e.message}`);
    return false;
  }
}

/** Flags change V8's flag hash, and a cache made under other flags is rejected: none here, as in a normal start. */
function nodeEnv() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

async function session(timeoutMs) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
  const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', '--stdio'], { cwd: root, env: nodeEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((res) => proc.on('exit', (code) => res(code)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published = new Map();
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, p);
    waiting.get(p.uri)?.();
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ lintDebounceMs: 0 })));
  conn.onRequest(() => null);
  conn.onNotification(() => {});
  conn.listen();
  let timer;
  const timeout = new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`no diagnostics after ${timeoutMs} ms; server stderr: ${stderr.slice(0, 500)}`)), timeoutMs)));
  try {
    await Promise.race([
      (async () => {
        await conn.sendRequest('initialize', {
          processId: process.pid,
          rootUri: null,
          workspaceFolders: null,
          capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
        });
        conn.sendNotification('initialized', {});
        for (const [rel, languageId, text] of DOCUMENTS) {
          const uri = pathToFileURL(join(tmpdir(), 'shipready-code-cache', rel)).href;
          const done = new Promise((res) => waiting.set(uri, res));
          conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
          await done;
        }
        await conn.sendRequest('shutdown');
        conn.sendNotification('exit');
        const code = await exited;
        if (code !== 0) throw new Error(`server exited with ${code}: ${stderr.slice(0, 500)}`);
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    conn.dispose();
    if (proc.exitCode === null) proc.kill();
  }
}
