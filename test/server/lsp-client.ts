// A minimal LSP client that speaks to the built server over stdio, for tests.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, WorkspaceEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  rootPath?: string;
  settings?: Record<string, unknown>;
  snippetSupport?: boolean;
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void }[] = [];
  settings: Record<string, unknown>;
  private notificationWaiters: { method: string; resolve: (p: unknown) => void }[] = [];
  stderr = '';
  readonly logs: string[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.proc.on('exit', (code) => {
      for (const w of this.waiters) w.reject(new Error(`server exited (${code}): ${this.stderr}`));
      this.waiters = [];
    });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.conn.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.notificationWaiters = this.notificationWaiters.filter((w) => (w.method === method ? (w.resolve(params), false) : true));
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  async initialize() {
    const rootUri = this.options.rootPath ? uri(this.options.rootPath) : null;
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'], snippetEditSupport: this.options.snippetSupport ?? false },
        },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
        window: { workDoneProgress: true },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  /** The next publishDiagnostics for `uri` matching `test` (default: any), including ones already received after `since`. */
  waitFor(uriStr: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const hit = this.published.slice(since).find((p) => p.uri === uriStr && test(p));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uriStr} matching the condition; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test: (p) => p.uri === uriStr && test(p), resolve: (p) => (clearTimeout(timer), resolve(p)), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  /** The next notification `method` after the first `since` notifications. */
  waitForNotification(method: string, since: number, timeoutMs = 10000): Promise<unknown> {
    const hit = this.notifications.slice(since).find((n) => n.method === method);
    if (hit) return Promise.resolve(hit.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} notification`)), timeoutMs);
      this.notificationWaiters.push({ method, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uriStr: string, languageId: string, text: string, version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriStr, languageId, version, text } });
  }

  change(uriStr: string, version: number, text: string) {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriStr, version }, contentChanges: [{ text }] });
  }

  close(uriStr: string) {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriStr } });
  }

  codeActions(uriStr: string, diagnostics: Diagnostic[], only?: string[]) {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uriStr }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<
      { title: string; kind: string; isPreferred?: boolean; edit: WorkspaceEdit }[]
    >;
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    const exited = new Promise((r) => this.proc.once('exit', r));
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    if (this.proc.exitCode === null) await exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

export function uri(p: string): string {
  return 'file://' + p.split(path.sep).map(encodeURIComponent).join('/');
}

/** Apply the edits of a WorkspaceEdit for one document to its text (snippets as plain text). */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit, target: string): string {
  const doc = TextDocument.create(target, 'x', 0, text);
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === target) {
      for (const e of change.edits) {
        const anyE = e as TextEdit & { snippet?: { value: string } };
        edits.push({ range: anyE.range, newText: anyE.snippet ? anyE.snippet.value : anyE.newText });
      }
    }
  }
  for (const e of edit.changes?.[target] ?? []) edits.push(e);
  return TextDocument.applyEdits(doc, edits);
}
