// Lints documents and workspace files, caches the findings per version and publishes them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { classify, lint, rules, SourceFile, type DocumentKind, type Finding } from '../engine/index';
import type { ShipreadySettings } from '../protocol/settings';
import { WorkspaceStatusNotification, type WorkspaceStatus } from '../protocol/protocol';
import { pathToUri, toDiagnostic, toLspRange, uriToPath } from './convert';
import type { Folder, Host } from './host';

/** Kinds that have rules reading other files. */
const CROSS_FILE_KINDS = new Set<DocumentKind>(rules.filter((r) => r.meta.crossFile).map((r) => r.meta.kind));

export interface Linted {
  uri: string;
  /** Document version; null for files read from disk. */
  version: number | null;
  file: SourceFile;
  findings: Finding[];
  folder?: Folder;
}

export class Linter {
  /** Last published findings per URI. */
  readonly results = new Map<string, Linted>();
  /** Pending lints: a timer, or an immediate for a debounce of 0 (a 0 ms timer waits 1 ms). */
  private readonly timers = new Map<string, { timeout: NodeJS.Timeout } | { immediate: NodeJS.Immediate }>();
  private readonly loggedRuleErrors = new Set<string>();
  private scanning = false;
  private markScanned!: () => void;
  /** Resolves once the first workspace scan is over (the checklist waits for it). */
  readonly firstScan = new Promise<void>((resolve) => (this.markScanned = resolve));
  /** Called after every publish (the checklist listens). */
  onPublished: (linted: Linted) => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly host: Host,
    private readonly settingsFor: (uri: string) => Promise<ShipreadySettings>,
    private readonly openDocument: (uri: string) => TextDocument | undefined,
    /**
     * Loads what the engine loads asynchronously (the Terraform parser) on first call. Everything
     * that may read a Terraform file awaits it; the lint of an open non-Terraform document does not,
     * so the first diagnostics of a Dockerfile do not wait for the wasm parser.
     */
    readonly engineReady: () => Promise<void>,
  ) {}

  /** Lint a document after the debounce; only the newest version is ever published. */
  schedule(doc: TextDocument, delay: number) {
    this.cancel(doc.uri);
    const run = () => {
      this.timers.delete(doc.uri);
      void this.lintOpen(doc.uri);
    };
    this.timers.set(doc.uri, delay > 0 ? { timeout: setTimeout(run, delay) } : { immediate: setImmediate(run) });
  }

  cancel(uri: string) {
    const pending = this.timers.get(uri);
    if (!pending) return;
    if ('timeout' in pending) clearTimeout(pending.timeout);
    else clearImmediate(pending.immediate);
    this.timers.delete(uri);
  }

  /** Lint the current version of an open document and publish. */
  async lintOpen(uri: string): Promise<Linted | undefined> {
    const doc = this.openDocument(uri);
    if (!doc) return undefined;
    if (classify(uriToPath(uri) ?? uri, doc.getText(), doc.languageId) === 'terraform') await this.engineReady();
    const settings = await this.settingsFor(uri);
    const current = this.openDocument(uri);
    if (!current || current.version !== doc.version) return undefined; // a newer version is on its way
    return this.lintText(uri, doc.getText(), doc.version, doc.languageId, settings);
  }

  /** Lint a text synchronously (no publish) — used by code actions when the cache is stale. */
  lintNow(uri: string, text: string, version: number | null, languageId: string | undefined, settings: ShipreadySettings): Linted | undefined {
    const abs = uriToPath(uri) ?? uri;
    const { folder, rel } = this.host.locate(abs);
    const ws = folder?.workspace ?? this.host.loose;
    const config = this.host.configFor(folder, settings);
    if (!settings.enable || config.isIgnored(rel)) return undefined;
    const before = ws.version;
    const file = ws.set(rel, text, languageId);
    if (ws.version !== before) this.dependentsChanged(uri);
    if (file.kind === 'unknown' || file.kind === 'yaml') return { uri, version, file, findings: [], folder };
    const result = lint(file, { config, relPath: rel, workspace: ws });
    for (const e of result.ruleErrors) {
      const key = `${e.ruleId}:${e.error.split('\n')[0]}`;
      if (this.loggedRuleErrors.has(key)) continue;
      this.loggedRuleErrors.add(key);
      this.connection.console.error(`rule ${e.ruleId} failed on ${rel} and was skipped: ${e.error}`);
    }
    const findings = [...result.findings];
    if (result.skipped) {
      findings.push({ ruleId: 'shipready/skipped', severity: 'info', messageId: 'skipped', message: result.skipped, range: { start: 0, end: 0 }, docsUrl: '', fixes: [] });
    }
    return { uri, version, file, findings, folder };
  }

  /** Lint a candidate text for a document (fix-all passes) without putting it into the index. */
  lintCandidate(uri: string, text: string, languageId: string | undefined, settings: ShipreadySettings): Finding[] {
    const abs = uriToPath(uri) ?? uri;
    const { folder, rel } = this.host.locate(abs);
    const ws = folder?.workspace ?? this.host.loose;
    const file = new SourceFile(rel, text, undefined, languageId);
    return lint(file, { config: this.host.configFor(folder, settings), relPath: rel, workspace: ws }).findings;
  }

  private lintText(uri: string, text: string, version: number | null, languageId: string | undefined, settings: ShipreadySettings): Linted | undefined {
    const linted = this.lintNow(uri, text, version, languageId, settings);
    if (!linted) {
      this.clear(uri);
      return undefined;
    }
    this.publish(linted);
    return linted;
  }

  publish(linted: Linted) {
    this.results.set(linted.uri, linted);
    const diagnostics: Diagnostic[] = linted.findings.map((f, index) =>
      f.ruleId === 'shipready/skipped'
        ? { range: toLspRange(linted.file, f.range), severity: DiagnosticSeverity.Information, source: 'shipready', message: f.message }
        : toDiagnostic(linted.file, f, { version: linted.version, index }, (p) => this.resolveRelated(linted.folder, p)),
    );
    void this.connection.sendDiagnostics({ uri: linted.uri, version: linted.version ?? undefined, diagnostics });
    this.sendStatus();
    this.onPublished(linted);
  }

  clear(uri: string) {
    const had = this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (had) this.sendStatus();
  }

  private resolveRelated(folder: Folder | undefined, p: string) {
    if (!folder) return undefined;
    const abs = path.resolve(folder.root, p);
    return { uri: pathToUri(abs), file: folder.workspace.get(p) };
  }

  /** Lint every infrastructure file of every folder, open documents first, with progress. */
  async scanWorkspace() {
    if (this.scanning) return;
    this.scanning = true;
    this.sendStatus();
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    try {
      for (const folder of this.host.folders) {
        const uriOfRoot = pathToUri(folder.root);
        const settings = await this.settingsFor(uriOfRoot);
        if (!settings.enable || !settings.scanWorkspace) continue;
        await this.engineReady();
        const config = this.host.configFor(folder, settings);
        const files = [...this.host.walk(folder, config)];
        progress?.begin('Shipready', 0, `Linting ${files.length} files`, true);
        let done = 0;
        for (const abs of files) {
          if (progress?.token.isCancellationRequested) break;
          const uri = pathToUri(abs);
          done++;
          if (this.openDocument(uri)) continue;
          let text: string;
          try {
            const st = fs.statSync(abs);
            if (st.size > config.maxFileSizeKB * 1024 * 4) continue;
            text = fs.readFileSync(abs, 'utf8');
          } catch (e) {
            this.connection.console.warn(`scan: skipped ${abs}: ${(e as Error).message}`);
            continue;
          }
          this.lintText(uri, text, null, undefined, settings);
          if (done % 25 === 0) {
            progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
            await new Promise((r) => setImmediate(r));
          }
        }
      }
    } finally {
      progress?.done();
      this.scanning = false;
      this.markScanned();
      this.sendStatus();
    }
  }

  private dependentsTimer?: NodeJS.Timeout;
  private readonly changedUris = new Set<string>();

  /**
   * A file of the workspace changed: files whose cross-file rules may see it are linted again,
   * from the index (no file is re-read), once the burst of changes is over.
   */
  private dependentsChanged(uri: string) {
    if (CROSS_FILE_KINDS.size === 0) return;
    this.changedUris.add(uri);
    clearTimeout(this.dependentsTimer);
    this.dependentsTimer = setTimeout(() => {
      const changed = new Set(this.changedUris);
      this.changedUris.clear();
      void (async () => {
        await this.engineReady();
        for (const [other, linted] of [...this.results]) {
          if (changed.has(other) || !CROSS_FILE_KINDS.has(linted.file.kind)) continue;
          const doc = this.openDocument(other);
          const settings = await this.settingsFor(other);
          this.lintText(other, doc ? doc.getText() : linted.file.text, doc ? doc.version : null, doc?.languageId, settings);
        }
      })();
    }, 300);
  }

  /** Re-lint what is already known: open documents (current text) and scanned files (cached text). */
  async relintAll() {
    await this.engineReady();
    for (const [uri, linted] of [...this.results]) {
      const doc = this.openDocument(uri);
      if (doc) await this.lintOpen(uri);
      else this.lintText(uri, linted.file.text, null, undefined, await this.settingsFor(uri));
    }
  }

  /** A file changed on disk while not open in the editor. */
  async fileChanged(uri: string, deleted: boolean) {
    if (this.openDocument(uri)) return;
    const abs = uriToPath(uri);
    if (!abs) return;
    if (deleted) {
      const { folder, rel } = this.host.locate(abs);
      folder?.workspace.delete(rel);
      this.clear(uri);
      return;
    }
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch {
      return;
    }
    await this.engineReady();
    this.lintText(uri, text, null, undefined, await this.settingsFor(uri));
  }

  private statusTimer?: NodeJS.Timeout;
  private sendStatus() {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      const status: WorkspaceStatus = { files: 0, errors: 0, warnings: 0, infos: 0, scanning: this.scanning };
      for (const l of this.results.values()) {
        if (l.findings.length) status.files++;
        for (const f of l.findings) {
          if (f.severity === 'error') status.errors++;
          else if (f.severity === 'warning') status.warnings++;
          else status.infos++;
        }
      }
      void this.connection.sendNotification(WorkspaceStatusNotification, status);
    }, 50);
  }
}
