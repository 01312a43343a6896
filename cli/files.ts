// Finding the files to lint: recursion with the engine's kind detection, skipping VCS and vendored folders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isCandidateName, type ResolvedConfig } from '../engine/index';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', '.venv', '__pycache__', '.code-server']);

/** Absolute paths of candidate files under the given paths (files given explicitly are always included). */
export function collectFiles(inputs: string[], root: string, config: ResolvedConfig, warn: (m: string) => void): string[] {
  const out = new Set<string>();
  const visit = (abs: string, explicit: boolean, seen: Set<string>) => {
    let st: fs.Stats;
    try {
      st = explicit ? fs.statSync(abs) : fs.lstatSync(abs);
    } catch (e) {
      if (explicit) throw new UsageError(`no such file or directory: ${abs}`);
      warn(`skipped ${abs}: ${(e as Error).message}`);
      return;
    }
    if (st.isSymbolicLink()) return;
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (st.isDirectory()) {
      if (!explicit && (SKIP_DIRS.has(path.basename(abs)) || config.isIgnored(`${rel}/`))) return;
      const real = safeRealpath(abs);
      if (seen.has(real)) return;
      seen.add(real);
      let entries: string[];
      try {
        entries = fs.readdirSync(abs).sort();
      } catch (e) {
        warn(`skipped ${abs}: ${(e as Error).message}`);
        return;
      }
      for (const e of entries) visit(path.join(abs, e), false, seen);
    } else if (st.isFile()) {
      if (explicit || (isCandidateName(abs) && !config.isIgnored(rel))) out.add(abs);
    }
  };
  for (const input of inputs) visit(path.resolve(input), true, new Set());
  return [...out];
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

export class UsageError extends Error {}

/** Read a file as text; strips a UTF-8 BOM so positions match what editors show. */
export function readText(abs: string): string {
  const text = fs.readFileSync(abs, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
