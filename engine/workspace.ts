import type { DocumentKind } from './types';
import { SourceFile } from './documents/source';

/** The file-system access the engine is given (the engine itself never touches `fs`). */
export interface FileSystemView {
  /** Does a file or folder exist? Paths are workspace-relative with forward slashes. */
  exists(path: string): boolean;
  readFile(path: string): string | undefined;
}

/** What rules see of the workspace: the other infrastructure files, parsed once and shared. */
export interface WorkspaceView {
  /**
   * False when the engine lints a single file without its workspace (e.g. `shipready check` on
   * one file from stdin): cross-file rules must then stay silent rather than guess.
   */
  readonly complete: boolean;
  /** Changes whenever a file of the index changes; undefined when the view never changes. */
  readonly version?: number;
  files(kind: DocumentKind): readonly SourceFile[];
  get(path: string): SourceFile | undefined;
  exists(path: string): boolean;
  readFile(path: string): string | undefined;
}

const NO_FS: FileSystemView = { exists: () => false, readFile: () => undefined };

/**
 * The cross-file index: every infrastructure file of the workspace by path, each a SourceFile
 * whose parse is cached until its text changes. Cross-file rules and the checklist read it.
 */
export class Workspace implements WorkspaceView {
  private readonly byPath = new Map<string, SourceFile>();
  private byKind?: Map<DocumentKind, SourceFile[]>;
  /** Facts about files this process does not parse (computed by another worker), by path then key. */
  private readonly seeded = new Map<string, { text: string; facts: FileFacts }>();
  /** Bumped on every change, so callers can cache what they derive from the index. */
  version = 0;

  constructor(
    private readonly fs: FileSystemView = NO_FS,
    readonly complete = true,
  ) {}

  /** Add or replace a file; returns its SourceFile (the old one when the text is unchanged). */
  set(path: string, text: string, languageId?: string): SourceFile {
    const old = this.byPath.get(path);
    if (old && old.text === text) return old;
    const file = new SourceFile(path, text, undefined, languageId, old);
    this.byPath.set(path, file);
    if (this.seeded.get(path)?.text !== text) this.seeded.delete(path);
    this.changed();
    return file;
  }

  delete(path: string): boolean {
    this.seeded.delete(path);
    const had = this.byPath.delete(path);
    if (had) this.changed();
    return had;
  }

  get(path: string): SourceFile | undefined {
    return this.byPath.get(path);
  }

  get size(): number {
    return this.byPath.size;
  }

  all(): IterableIterator<SourceFile> {
    return this.byPath.values();
  }

  files(kind: DocumentKind): readonly SourceFile[] {
    if (!this.byKind) {
      this.byKind = new Map();
      for (const f of this.byPath.values()) {
        const list = this.byKind.get(f.kind) ?? [];
        list.push(f);
        this.byKind.set(f.kind, list);
      }
    }
    return this.byKind.get(kind) ?? [];
  }

  exists(path: string): boolean {
    return this.byPath.has(path) || this.fs.exists(path);
  }

  readFile(path: string): string | undefined {
    return this.byPath.get(path)?.text ?? this.fs.readFile(path);
  }

  /**
   * Take what another process extracted from a file of the index (`extractFacts`), so that the
   * cross-file indexes read the facts instead of parsing the file here. Only for the file's current text.
   */
  seedFacts(path: string, facts: FileFacts) {
    const file = this.byPath.get(path);
    if (!file) return;
    this.seeded.set(path, { text: file.text, facts });
    this.changed();
  }

  /** Seeded facts of a file for one key, if another process provided them for its current text. */
  factsFor(file: SourceFile, key: string): unknown {
    const s = this.seeded.get(file.path);
    return s && s.text === file.text && this.byPath.get(file.path) === file ? s.facts[key] : undefined;
  }

  private changed() {
    this.byKind = undefined;
    this.version++;
  }
}

/**
 * Serialisable facts about one file that a cross-file index needs (e.g. its Kubernetes objects'
 * kinds, names and labels). A worker that lints part of a workspace extracts them from the files it
 * parses and hands them to the others, which then build the same indexes without parsing those files.
 */
export type FileFacts = Record<string, unknown>;

export interface FactsDef<T> {
  /** Unique key of the facts. */
  key: string;
  kinds: readonly DocumentKind[];
  /** Pure function of the file (its text, path and kind): structured-cloneable output. */
  extract(file: SourceFile): T;
}

const factDefs = new Map<string, FactsDef<unknown>>();

/** Register facts that cross-file indexes read about every file of some kinds. */
export function defineFacts<T>(def: FactsDef<T>): FactsDef<T> {
  factDefs.set(def.key, def as FactsDef<unknown>);
  return def;
}

/** Seeded facts for a file, if the workspace has them (another worker parsed the file). */
export function seededFacts<T>(ws: WorkspaceView, def: FactsDef<T>, file: SourceFile): T | undefined {
  return (ws as { factsFor?: (f: SourceFile, k: string) => unknown }).factsFor?.(file, def.key) as T | undefined;
}

/** The facts of a file: seeded ones, else extracted from this file (parsing it). */
export function factsOf<T>(ws: WorkspaceView, def: FactsDef<T>, file: SourceFile): T {
  return seededFacts(ws, def, file) ?? def.extract(file);
}

/** Every registered fact about a file, for the workers that do not parse it. */
export function extractFacts(file: SourceFile): FileFacts {
  const out: FileFacts = {};
  for (const def of factDefs.values()) {
    if (!def.kinds.includes(file.kind)) continue;
    try {
      out[def.key] = def.extract(file);
    } catch {
      // left out: a worker that needs it parses the file and meets the error where the rule does
    }
  }
  return out;
}

const memos = new WeakMap<WorkspaceView, Map<string, { version: number | undefined; value: unknown }>>();

/**
 * Compute something from the whole workspace once per version of the index (e.g. every Kubernetes
 * object, or whether any workflow scans images), shared by every file and rule that asks.
 */
export function perWorkspace<T>(ws: WorkspaceView, key: string, compute: () => T): T {
  let map = memos.get(ws);
  if (!map) memos.set(ws, (map = new Map()));
  const hit = map.get(key);
  if (hit && hit.version === ws.version) return hit.value as T;
  const value = compute();
  map.set(key, { version: ws.version, value });
  return value;
}

/** A workspace holding one file and nothing else, for linting a file on its own. */
export function singleFileWorkspace(file: SourceFile): WorkspaceView {
  return {
    complete: false,
    files: (kind) => (file.kind === kind ? [file] : []),
    get: (path) => (path === file.path ? file : undefined),
    exists: (path) => path === file.path,
    readFile: (path) => (path === file.path ? file.text : undefined),
  };
}
