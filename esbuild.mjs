// Bundles the client, the server and the CLI into dist/ (node, cjs, sourcemaps).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { makeServerCodeCache } from './scripts/server-code-cache.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Smaller bundles compile faster at start-up (names stay readable in profiles via sourcemaps).
  minifyWhitespace: true,
  minifySyntax: true,
  // web-tree-sitter's ESM build reads import.meta.url, which is empty in CJS output; its CJS build
  // finds web-tree-sitter.wasm through __dirname, i.e. next to the bundle.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  plugins: [jsonAsParse()],
};

/**
 * JSON modules become `JSON.parse('…')`: V8 scans a string literal and parses JSON much faster than
 * it compiles and runs the same data written as an object literal (engine/data is over 1 MB).
 */
function jsonAsParse() {
  return {
    name: 'json-as-parse',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, (args) => ({
        contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The server loads these libraries only when a feature needs them, from sibling files of
 * dist/server.js, so start-up neither compiles nor runs them: Ajv (a config file, checklists,
 * Compose schema), web-tree-sitter (Terraform) and the Actions language service (workflow
 * completion and hover). The source imports them lazily (`require()` / `import()` at first use).
 */
const SERVER_CHUNKS = {
  ajv: { file: 'ajv.js', entry: 'node_modules/ajv/dist/ajv.js' },
  'web-tree-sitter': { file: 'web-tree-sitter.js', entry: 'node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  // One chunk for both entry points: the cache cleared must be the one the service fills.
  '@actions/languageservice': { file: 'actions-languageservice.js', contents: "export { complete, hover } from '@actions/languageservice';\nexport { clearCacheEntry } from '@actions/languageservice/utils/workflow-cache';\n" },
  '@actions/languageservice/utils/workflow-cache': { file: 'actions-languageservice.js' },
};

/** engine/data files the server reads on first use: copied next to the bundle, required from there. */
const SERVER_DATA = ['k8s-schema.json', 'rule-docs.json', 'compose-spec.json'];

function serverChunks() {
  const names = Object.keys(SERVER_CHUNKS).map((n) => n.replace(/[/.@-]/g, '\\$&'));
  const filter = new RegExp(`^(?:${names.join('|')})$`);
  return {
    name: 'server-chunks',
    setup(build) {
      // A stub module that require()s the chunk: `import()` of it then stays a synchronous require
      // (Node's ESM loader would first scan the whole CommonJS chunk for its export names).
      build.onResolve({ filter }, (args) => ({ path: SERVER_CHUNKS[args.path].file, namespace: 'server-chunk' }));
      build.onLoad({ filter: /.*/, namespace: 'server-chunk' }, (args) => ({ contents: `module.exports = require('./${args.path}');`, loader: 'js' }));
      build.onResolve({ filter: /^\.\//, namespace: 'server-chunk' }, (args) => ({ path: args.path, external: true }));
      // Data: `require('../data/k8s-schema.json')` → `require('./k8s-schema.json')`, read by Node at first use
      // (JSON.parse of a file, nothing for V8 to compile at start-up).
      build.onResolve({ filter: /\/data\/[\w.-]+\.json$/ }, (args) => {
        const name = args.path.slice(args.path.lastIndexOf('/') + 1);
        return SERVER_DATA.includes(name) && /[\\/]engine[\\/]/.test(args.resolveDir) ? { path: `./${name}`, external: true } : undefined;
      });
    },
  };
}

/**
 * vscode-languageserver's node entry loads `child_process` (a dozen of Node's internal modules, ~4 ms of
 * start-up) only for its `Files.resolve*` helpers, which the server never calls: the bundle requires it
 * on first use instead. Fails the build if the library no longer has that line.
 */
function lazyChildProcess() {
  const LINE = 'const child_process_1 = require("child_process");';
  return {
    name: 'lazy-child-process',
    setup(build) {
      build.onLoad({ filter: /[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes(LINE)) throw new Error(`${args.path}: no "${LINE}" to make lazy (see lazyChildProcess in esbuild.mjs)`);
        return {
          contents: text.replace(LINE, 'const child_process_1 = { get fork() { return require("child_process").fork; }, get spawnSync() { return require("child_process").spawnSync; } };'),
          loader: 'js',
        };
      });
    },
  };
}

/**
 * esbuild's `__toESM(require_x())` (one per module that imports a CommonJS module) copies every export
 * of the module onto a new object as a getter: vscode-languageserver alone has 320, imported by four
 * server files; about 2,000 defineProperty calls and 1.5 MB of closures at start-up (a third of the
 * young generation the start-up fills, so one scavenge more). A module compiled from ES modules
 * (`__esModule`, as TypeScript emits) is returned as it is instead: `import_x.name` then reads the same
 * property of the same exports object that the getter read, and `import_x.default` its `default` export
 * as before. Modules without `__esModule` (plain CommonJS: `default` is the whole module) keep the copy.
 * Rewritten in the same length, so the sourcemap stays exact; the build fails if the helper changed.
 */
function directEsModuleInterop() {
  const HELPER = /__toESM=\((\w+),(\w+),(\w+)\)=>\(\3=\1!=null\?__create\(__getProtoOf\(\1\)\):\{\},__copyProps\(\2\|\|!\1\|\|!\1\.__esModule\?__defProp\(\3,"default",\{value:\1,enumerable:!0\}\):\3,\1\)\)/;
  return {
    name: 'direct-es-module-interop',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        const file = build.initialOptions.outfile;
        const text = readFileSync(file, 'utf8');
        const m = HELPER.exec(text);
        if (!m) throw new Error(`${file}: esbuild's __toESM helper is not the expected one (see directEsModuleInterop in esbuild.mjs)`);
        const [old, mod, nodeMode] = m;
        // In the copying branch the condition of the original is always true (isNodeMode, or no __esModule).
        const fast = `__toESM=(${mod},${nodeMode})=>!${nodeMode}&&${mod}!=null&&${mod}.__esModule?${mod}:__copyProps(__defProp(${mod}!=null?__create(__getProtoOf(${mod})):{},"default",{value:${mod},enumerable:!0}),${mod})`;
        if (fast.length > old.length) throw new Error('directEsModuleInterop: the rewritten helper is longer than the original');
        writeFileSync(file, text.slice(0, m.index) + fast + ' '.repeat(old.length - fast.length) + text.slice(m.index + old.length));
      });
    },
  };
}

// The wasm the Terraform parser loads at run time, next to the bundles (engine/documents/hcl.ts).
const WASM = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
];

const builds = [
  { ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], minify: true },
  // The server: dist/server.js (server/start.ts) starts dist/server-main.js with the V8 code cache made
  // after the build (scripts/server-code-cache.mjs).
  { ...common, entryPoints: ['server/start.ts'], outfile: 'dist/server.js', external: ['./server-main.js'] },
  {
    ...common,
    entryPoints: ['server/main.ts'],
    outfile: 'dist/server-main.js',
    define: { SHIPREADY_VERSION: JSON.stringify(version) },
    // vscode-languageserver-types is required by CommonJS modules only (the protocol, dockerfile-ast: 15
    // files), and its `module` build made each of those require()s copy its 85 exports onto a new object
    // (esbuild's __toCommonJS): its CommonJS build is the same API without the copies.
    alias: { ...common.alias, 'vscode-languageserver-types': './node_modules/vscode-languageserver-types/lib/umd/main.js' },
    plugins: [jsonAsParse(), serverChunks(), lazyChildProcess(), directEsModuleInterop()],
  },
  ...Object.values(SERVER_CHUNKS)
    .filter((c) => c.entry || c.contents)
    .map((c) => ({
      ...common,
      outfile: `dist/${c.file}`,
      ...(c.entry ? { entryPoints: [c.entry] } : { stdin: { contents: c.contents, resolveDir: '.', sourcefile: c.file.replace(/\.js$/, '.ts'), loader: 'ts' } }),
    })),
  { ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { SHIPREADY_VERSION: JSON.stringify(version) }, external: ['@napi-rs/nice'] },
  // The CLI's worker pool: piscina starts its own runtime from dist/worker.js, which runs our task file.
  { ...common, entryPoints: ['cli/lint-worker.ts'], outfile: 'dist/lint-worker.js' },
  { ...common, entryPoints: ['node_modules/piscina/dist/worker.js'], outfile: 'dist/worker.js', external: ['@napi-rs/nice'] },
];

mkdirSync('dist', { recursive: true });
for (const f of WASM) copyFileSync(f, `dist/${f.slice(f.lastIndexOf('/') + 1)}`);
for (const f of SERVER_DATA) writeFileSync(`dist/${f}`, JSON.stringify(JSON.parse(readFileSync(`engine/data/${f}`, 'utf8'))));
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  rmSync('dist/server-main.cache', { force: true });
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
  await makeServerCodeCache();
}
