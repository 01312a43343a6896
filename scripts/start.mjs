// `npm start [-- <folder>]`: build, package the .vsix, install it into a private code-server (a real
// VS Code in the browser, installed once into .code-server/) and open sample/ or <folder>.
// PORT=<n> picks the port. Ctrl+C stops everything.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureCodeServer, startCodeServer, stopCodeServer } from './code-server.mjs';
import { packageVsix, repoRoot } from './package-vsix.mjs';

const log = (m) => console.error(m);

async function main() {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const folder = resolve(arg ?? join(repoRoot, 'sample'));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`not a folder: ${folder}`);
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`PORT is not a port: ${process.env.PORT}`);

  // Install code-server (once) while nothing else needs the CPU, then build and package.
  await ensureCodeServer({ log });
  log('start: building and packaging the extension…');
  const vsix = await packageVsix({ quiet: true });

  let server;
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`\nstart: ${signal ?? 'exit'}, stopping code-server…`);
    await stopCodeServer(server);
    process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  server = await startCodeServer({
    port,
    vsix,
    log,
    // For a person: suggestions on, the rest as predictable as in the tests.
    settings: { 'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'on' }, 'editor.suggestOnTriggerCharacters': true, 'editor.parameterHints.enabled': true, 'editor.minimap.enabled': true },
  });
  if (stopping) return;
  log(`start: code-server ${server.url} (pid ${server.pid}), logs in ${server.dirs.log}`);
  log('start: open this URL in a browser; Ctrl+C stops it:');
  console.log(server.folderUrl(folder));

  const { code, signal } = await server.exited;
  if (!stopping) {
    log(`start: code-server exited on its own (code ${code}, signal ${signal}); see ${server.dirs.log}`);
    await stop();
  }
}

main().catch((e) => {
  console.error(`start: ${e.message}`);
  process.exit(1);
});
