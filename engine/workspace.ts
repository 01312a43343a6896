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
    this.changed();
    return file;
  }

  delete(path: string): boolean {
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

  private changed() {
    this.byKind = undefined;
    this.version++;
  }
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
