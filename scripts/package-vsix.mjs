// `npm run package`: build with esbuild, then package the extension as a .vsix with @vscode/vsce,
// offline. esbuild bundles every dependency into dist/, so vsce runs with --no-dependencies and
// .vscodeignore keeps only dist/, snippets/, schemas/, docs/, package.json, README, LICENSE, icons.
//
//   node scripts/package-vsix.mjs [--out <file.vsix>] [--no-build]
//
// Exports packageVsix() for scripts/start.mjs and the e2e tests; prints the .vsix path.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, { quiet = false } = {}) {
  return new Promise((res, rej) => {
    let out = '';
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (stream) => (d) => { out += d; if (!quiet) stream.write(d); };
    child.stdout.on('data', take(process.stderr));
    child.stderr.on('data', take(process.stderr));
    child.on('error', rej);
    child.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`${cmd} ${args.join(' ')} failed (exit ${code})\n${quiet ? out : ''}`))));
  });
}

/** Runs `npm run build` (esbuild). */
export async function build({ quiet = false } = {}) {
  await run('npm', ['run', '--silent', 'build'], { quiet });
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(repoRoot, f))) throw new Error(`build produced no ${f}`);
  }
}

/**
 * Builds (unless build: false) and packages; resolves to the absolute .vsix path.
 * @param {{ out?: string, build?: boolean, quiet?: boolean }} [options]
 */
export async function packageVsix({ out, build: doBuild = true, quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = resolve(out ?? join(repoRoot, `${pkg.name}-${pkg.version}.vsix`));
  mkdirSync(dirname(vsix), { recursive: true });
  if (doBuild) await build({ quiet });
  const has = (f) => existsSync(join(repoRoot, f));
  const args = [
    join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package',
    '--no-dependencies', // everything is bundled into dist/
    '--out', vsix,
    '--no-update-package-json', '--no-git-tag-version',
  ];
  // Tolerate a manifest that does not (yet) name a repository or ship a license file, instead of
  // vsce asking on the terminal.
  if (!pkg.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
  if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some(has)) args.push('--skip-license');
  // The sample's .env.example is not in the package, but be explicit: never ship an .env file.
  const started = Date.now();
  await run(process.execPath, args, { quiet });
  if (!existsSync(vsix)) throw new Error(`vsce reported success but ${vsix} is missing`);
  if (!quiet) {
    const kb = (statSync(vsix).size / 1024).toFixed(0);
    process.stderr.write(`package: ${relative(process.cwd(), vsix) || vsix} (${kb} KiB, ${Date.now() - started} ms)\n`);
  }
  return vsix;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const outIdx = argv.indexOf('--out');
  packageVsix({ out: outIdx >= 0 ? argv[outIdx + 1] : undefined, build: !argv.includes('--no-build') })
    .then((vsix) => console.log(vsix))
    .catch((e) => { console.error(e.message); process.exit(1); });
}
