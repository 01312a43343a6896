// dist/server.js: starts the language server bundle (dist/server-main.js) with the V8 code cache
// that `npm run build` made for it (esbuild.mjs, scripts/server-code-cache.mjs), so that a start
// neither parses the 1.2 MB bundle nor compiles the functions of the first lint. Nothing else
// happens here; the server itself is server/main.ts.
//
// The cache is used only when it was made from this very bundle (a build id that the cache step
// appends to the bundle and writes into the cache's header) by the same Node, V8 and architecture;
// V8 checks it again (version, flags, source length) and compiles normally when it rejects it.
// Any other case loads the bundle with a plain require(), where Node 22.1+ keeps its own compile
// cache (NODE_COMPILE_CACHE, set by the VS Code client, or the default folder).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import Module from 'node:module';

export const MAIN = path.join(__dirname, 'server-main.js');
export const CACHE = path.join(__dirname, 'server-main.cache');
/** The last line of a bundle with a code cache: `//# shipready-code-cache=<id>`. */
export const MARK = '//# shipready-code-cache=';

/**
 * The header line of a cache file: for which bundle (its build id, and how to read it: `latin1` when it
 * is ASCII, the same string as utf8 at half the cost), made by which Node.
 */
export function cacheHeader(id: string, encoding: 'latin1' | 'utf8'): string {
  return `shipready-code-cache ${id} ${encoding} ${process.version} ${process.arch} ${process.versions.v8}\n`;
}

/** The bundle wrapped and compiled as Node compiles a CommonJS module, with `cachedData` if given. */
export function compileMain(source: string, cachedData?: Buffer): vm.Script {
  return new vm.Script(Module.wrap(source), { filename: MAIN, cachedData });
}

/** Runs a compiled bundle as this module (same folder: its `require('./…')` resolve alike). */
export function runMain(script: vm.Script) {
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, MAIN, __dirname);
}

function cachedStart(): boolean {
  let cache: Buffer;
  try {
    cache = fs.readFileSync(CACHE);
  } catch {
    return false;
  }
  const eol = cache.indexOf(10);
  const header = eol > 0 ? cache.toString('latin1', 0, eol + 1) : '';
  const [, id, encoding] = header.split(' ');
  if (!id || (encoding !== 'latin1' && encoding !== 'utf8') || header !== cacheHeader(id, encoding)) return false;
  const source = fs.readFileSync(MAIN, encoding);
  if (!source.endsWith(`\n${MARK}${id}\n`)) return false;
  runMain(compileMain(source, cache.subarray(eol + 1)));
  return true;
}

if (require.main === module && !cachedStart()) {
  (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  require('./server-main.js');
}
