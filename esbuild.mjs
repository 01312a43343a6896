// Bundles the client, the server and the CLI into dist/ (node, cjs, sourcemaps).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';

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
};

// The wasm the Terraform parser loads at run time, next to the bundles (engine/documents/hcl.ts).
const WASM = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
];

const builds = [
  { ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], minify: true },
  { ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js', define: { SHIPREADY_VERSION: JSON.stringify(version) } },
  { ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { SHIPREADY_VERSION: JSON.stringify(version) }, external: ['@napi-rs/nice'] },
  // The CLI's worker pool: piscina starts its own runtime from dist/worker.js, which runs our task file.
  { ...common, entryPoints: ['cli/lint-worker.ts'], outfile: 'dist/lint-worker.js' },
  { ...common, entryPoints: ['node_modules/piscina/dist/worker.js'], outfile: 'dist/worker.js', external: ['@napi-rs/nice'] },
];

mkdirSync('dist', { recursive: true });
for (const f of WASM) copyFileSync(f, `dist/${f.slice(f.lastIndexOf('/') + 1)}`);
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
}
