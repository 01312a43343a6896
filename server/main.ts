// The Shipready language server: LSP wiring only; the engine does the work.
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  type InitializeResult,
} from 'vscode-languageserver/node';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceFile, initEngine } from '../engine/index';
import { RescanRequest, StatsRequest, type ServerStats } from '../protocol/protocol';
import { FIX_ALL_KIND, codeActions } from './code-actions';
import { pathToUri, toLspRange, uriToPath } from './convert';
import { Host } from './host';
import { Linter } from './linter';
import { Settings } from './settings';
import { ChecklistService, CHECKLIST_INPUTS } from './checklist';
import { CompletionService, COMPLETION_CAPABILITIES } from './completion';

declare const SHIPREADY_VERSION: string | undefined;

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const settings = new Settings(connection);
const host = new Host((m) => connection.console.info(m));
// The Terraform parser (wasm) loads on first need, or in the background after the first diagnostics:
// start-up and the first diagnostics of other files do not wait for it.
let engineLoad: Promise<void> | undefined;
const engineReady = () => (engineLoad ??= initEngine());
const linter = new Linter(connection, host, (uri) => settings.get(uri), (uri) => documents.get(uri), engineReady);
const checklist = new ChecklistService(connection, host, linter);
const completion = new CompletionService(documents, host, linter);
linter.onPublished = (linted) => {
  checklist.changed();
  completion.published(linted.file.kind);
  if (!engineLoad) setImmediate(() => void engineReady());
};
let snippetSupport = false;
let watchedFilesDynamic = false;
let workspaceFoldersSupport = false;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  settings.supported = !!caps.workspace?.configuration;
  completion.initialize(params);
  snippetSupport = !!(caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport;
  watchedFilesDynamic = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  workspaceFoldersSupport = !!caps.workspace?.workspaceFolders;
  const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (roots.length === 0 && params.rootUri) {
    const p = uriToPath(params.rootUri);
    if (p) roots.push(p);
  }
  host.setFolders(roots);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      ...COMPLETION_CAPABILITIES,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'shipready', version: typeof SHIPREADY_VERSION === 'string' ? SHIPREADY_VERSION : '0.0.0-dev' },
  };
});

connection.onInitialized(async () => {
  if (settings.supported) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'shipready' });
  if (watchedFilesDynamic) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/{.shipready.yaml,.shipready.yml,Dockerfile*,Containerfile*,*.dockerfile,*.yaml,*.yml,.dockerignore,DEPLOYMENT.md,.env.*,renovate.json*,.renovaterc*,Jenkinsfile,checklist.json,*.tf,*.tfvars}' }],
    });
  }
  if (workspaceFoldersSupport) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const roots = host.folders.map((f) => f.root).filter((r) => !e.removed.some((x) => uriToPath(x.uri) === r));
      for (const a of e.added) {
        const p = uriToPath(a.uri);
        if (p) roots.push(p);
      }
      host.setFolders(roots);
      void linter.scanWorkspace();
    });
  }
  publishConfigErrors();
  await linter.scanWorkspace();
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  void linter.relintAll();
});

/**
 * Documents opened and not yet linted. The debounce waits for the typing to stop; a document just
 * opened has no typing to wait for, so its findings show as soon as they are computed.
 */
const justOpened = new Set<string>();
documents.onDidOpen((e) => justOpened.add(e.document.uri));

documents.onDidChangeContent(async (e) => {
  const opened = justOpened.delete(e.document.uri);
  const abs = uriToPath(e.document.uri);
  if (abs && host.isConfigFile(abs)) {
    configChanged(abs, e.document.getText());
    return;
  }
  const s = await settings.get(e.document.uri);
  linter.schedule(e.document, opened ? 0 : s.lintDebounceMs);
});

documents.onDidClose((e) => {
  justOpened.delete(e.document.uri);
  linter.cancel(e.document.uri);
  const abs = uriToPath(e.document.uri);
  settings.forget(e.document.uri);
  if (abs && host.isConfigFile(abs)) return;
  // With the workspace scan on, a workspace file shows its on-disk findings again, like every other
  // file of the workspace; otherwise (and for files outside the workspace) closing clears them.
  const { folder, rel } = abs ? host.locate(abs) : { folder: undefined, rel: e.document.uri };
  const forget = () => {
    (folder?.workspace ?? host.loose).delete(rel);
    linter.clear(e.document.uri);
  };
  if (!folder) return forget();
  void settings.get(pathToUri(folder.root)).then((s) => (s.scanWorkspace && abs && fs.existsSync(abs) ? linter.fileChanged(e.document.uri, false) : forget()));
});

connection.onDidChangeWatchedFiles(async (params) => {
  for (const change of params.changes) {
    const abs = uriToPath(change.uri);
    if (!abs) continue;
    if (host.isConfigFile(abs)) configChanged(abs);
    else if (CHECKLIST_INPUTS.test(abs.split(path.sep).join('/'))) checklist.changed();
    else await linter.fileChanged(change.uri, change.type === FileChangeType.Deleted);
  }
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  await engineReady();
  const s = await settings.get(doc.uri);
  return codeActions(params, doc, {
    snippetSupport,
    current: (d) => {
      const cached = linter.results.get(d.uri);
      if (cached && cached.version === d.version) return cached;
      const fresh = linter.lintNow(d.uri, d.getText(), d.version, d.languageId, s);
      if (fresh) linter.publish(fresh);
      return fresh;
    },
    lintText: (d, text) => linter.lintCandidate(d.uri, text, d.languageId, s),
  });
});

connection.onCompletion(async (params) => {
  await engineReady();
  return completion.completion(params);
});
connection.onHover(async (params) => {
  await engineReady();
  return completion.hover(params);
});

connection.onRequest(StatsRequest, (): ServerStats => ({
  documents: linter.results.size,
  indexed: host.folders.reduce((n, f) => n + f.workspace.size, 0) + host.loose.size,
  heapUsed: process.memoryUsage().heapUsed,
}));

connection.onRequest(RescanRequest, async () => {
  await linter.scanWorkspace();
  return true;
});

connection.onShutdown(() => {
  for (const uri of linter.results.keys()) linter.cancel(uri);
});

function configChanged(abs: string, text?: string) {
  const folder = host.folders.find((f) => abs.startsWith(f.root));
  if (!folder) return;
  host.loadConfig(folder, text);
  publishConfigErrors();
  settings.clear();
  void linter.relintAll();
}

const configDiagnosticUris = new Set<string>();

/** Errors in `.shipready.yaml` show in that file; the server then runs with defaults. */
function publishConfigErrors() {
  // A config file that was fixed or deleted loses its diagnostics.
  for (const uri of configDiagnosticUris) void connection.sendDiagnostics({ uri, diagnostics: [] });
  configDiagnosticUris.clear();
  for (const folder of host.folders) {
    if (!folder.configPath || folder.configErrors.length === 0) continue;
    configDiagnosticUris.add(pathToUri(folder.configPath));
    const text = folder.configText ?? '';
    const file = new SourceFile(folder.configPath, text, 'yaml');
    void connection.sendDiagnostics({
      uri: pathToUri(folder.configPath),
      diagnostics: folder.configErrors.map((e) => ({
        range: toLspRange(file, e.range ?? { start: 0, end: 0 }),
        severity: DiagnosticSeverity.Error,
        source: 'shipready',
        code: 'config',
        message: `Invalid Shipready configuration (defaults are used): ${e.message}`,
      })),
    });
  }
}

documents.listen(connection);
connection.listen();
