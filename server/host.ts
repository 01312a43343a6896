// The workspace folders as the engine sees them: one engine Workspace per folder, its
// configuration, and file-system access for cross-file rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  ResolvedConfig,
  Workspace,
  isCandidateName,
  parseConfig,
  rules,
  type ConfigError,
  type FileSystemView,
  type ShipreadyConfig,
} from '../engine/index';
import type { ShipreadySettings } from '../protocol/settings';

export interface Folder {
  /** Absolute file-system path of the folder. */
  root: string;
  workspace: Workspace;
  /** `.shipready.yaml` of the folder, if valid. */
  fileConfig?: ShipreadyConfig;
  configPath?: string;
  configErrors: ConfigError[];
  configText?: string;
}

const MAX_SCAN_FILES = 20000;
const MAX_SCAN_DEPTH = 25;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', 'vendor', '.venv', '__pycache__', 'dist', 'build', '.code-server', '.vscode-test']);

export function nodeFileSystem(root: string): FileSystemView {
  return {
    exists: (p) => {
      try {
        fs.accessSync(path.resolve(root, p));
        return true;
      } catch {
        return false;
      }
    },
    readFile: (p) => {
      try {
        return fs.readFileSync(path.resolve(root, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export class Host {
  readonly folders: Folder[] = [];
  /** Files outside every folder: linted alone, cross-file rules stay silent. */
  readonly loose = new Workspace(undefined, false);

  constructor(private readonly log: (msg: string) => void) {}

  setFolders(roots: string[]) {
    this.folders.length = 0;
    for (const root of roots) {
      const folder: Folder = { root, workspace: new Workspace(nodeFileSystem(root)), configErrors: [] };
      this.loadConfig(folder);
      this.folders.push(folder);
    }
  }

  /** The folder containing an absolute path (the innermost one), and the path relative to it. */
  locate(abs: string): { folder?: Folder; rel: string } {
    let best: Folder | undefined;
    for (const f of this.folders) {
      const rel = path.relative(f.root, abs);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.root.length > best.root.length)) best = f;
    }
    if (!best) return { rel: abs.split(path.sep).join('/') };
    return { folder: best, rel: path.relative(best.root, abs).split(path.sep).join('/') };
  }

  isConfigFile(abs: string): boolean {
    return CONFIG_FILE_NAMES.includes(path.basename(abs)) && this.folders.some((f) => path.dirname(abs) === f.root);
  }

  /** (Re)read `.shipready.yaml`; on error keep defaults and remember the errors for a diagnostic. */
  loadConfig(folder: Folder, text?: string) {
    folder.fileConfig = undefined;
    folder.configErrors = [];
    folder.configPath = undefined;
    folder.configText = undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(folder.root, name);
      let content = text;
      if (content === undefined) {
        try {
          content = fs.readFileSync(p, 'utf8');
        } catch {
          continue;
        }
      } else if (!fs.existsSync(p) && name !== CONFIG_FILE_NAMES[0]) continue;
      folder.configPath = p;
      folder.configText = content;
      const { config, errors } = parseConfig(content, rules);
      folder.fileConfig = config;
      folder.configErrors = errors;
      if (errors.length) this.log(`${p}: invalid configuration, using defaults: ${errors.map((e) => e.message).join('; ')}`);
      return;
    }
  }

  configFor(folder: Folder | undefined, settings: ShipreadySettings): ResolvedConfig {
    const layers: ShipreadyConfig[] = [];
    if (folder?.fileConfig) layers.push(folder.fileConfig);
    layers.push({ rules: settings.rules, ignorePaths: settings.ignorePaths });
    return new ResolvedConfig(rules, layers);
  }

  /** Infrastructure files under a folder, skipping vendored and VCS folders, symlinks and unreadable entries. */
  *walk(folder: Folder, config: ResolvedConfig): Generator<string> {
    let count = 0;
    const stack: [string, number][] = [[folder.root, 0]];
    while (stack.length) {
      const [dir, depth] = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        this.log(`scan: skipped ${dir}: ${(e as Error).message}`);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? 1 : -1));
      for (const e of entries) {
        const abs = path.join(dir, e.name);
        const rel = path.relative(folder.root, abs).split(path.sep).join('/');
        if (e.isSymbolicLink()) continue;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && depth < MAX_SCAN_DEPTH && !config.isIgnored(`${rel}/`)) stack.push([abs, depth + 1]);
        } else if (e.isFile() && isCandidateName(e.name) && !config.isIgnored(rel)) {
          if (++count > MAX_SCAN_FILES) {
            this.log(`scan: stopped after ${MAX_SCAN_FILES} files`);
            return;
          }
          yield abs;
        }
      }
    }
  }
}
