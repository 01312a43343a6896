// activate(): start the language server and wire the editor pieces. No rule logic lives here.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type ErrorHandler,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ChecklistChangedNotification, RescanRequest, WorkspaceStatusNotification, type WorkspaceStatus } from '../protocol/protocol';
import { DEFAULT_SETTINGS, normalizeSettings } from '../protocol/settings';
import { StatusItem } from './status';
import { ChecklistProvider } from './checklist/provider';
import { registerChecklistCommands } from './checklist/commands';

let client: LanguageClient | undefined;

const WATCHED = '**/{.shipready.yaml,.shipready.yml,Dockerfile,Dockerfile.*,Containerfile,Containerfile.*,*.dockerfile,*.yaml,*.yml,.dockerignore,DEPLOYMENT.md,.env.*,renovate.json*,.renovaterc*,Jenkinsfile,checklist.json,*.tf,*.tfvars}';

export async function activate(context: vscode.ExtensionContext) {
  const output = vscode.window.createOutputChannel('Shipready', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  const module = context.asAbsolutePath('dist/server.js');
  // Node 22.1+ (VS Code's runtime since 1.101) keeps the server's compiled code in this private folder
  // between starts, so later starts skip most of the compiling; older Node ignores the variable.
  const env = { NODE_COMPILE_CACHE: vscode.Uri.joinPath(context.globalStorageUri, 'compile-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'github-actions-workflow' },
      { scheme: 'file', pattern: '**/.github/workflows/*.{yml,yaml}' },
      { scheme: 'file', pattern: '**/.dockerignore' },
      { scheme: 'file', language: 'terraform' },
      { scheme: 'file', language: 'hcl' },
      { scheme: 'file', pattern: '**/*.{tf,tfvars}' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED) },
    outputChannel: output,
    errorHandler: restartPolicy(output),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      workspace: {
        // Answer the server's configuration pull with one typed settings object.
        configuration: (params) =>
          params.items.map((item) => {
            if (item.section !== 'shipready') return null;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const c = vscode.workspace.getConfiguration('shipready', scope);
            return normalizeSettings({
              enable: c.get('enable', DEFAULT_SETTINGS.enable),
              rules: c.get('rules', {}),
              ignorePaths: c.get('ignorePaths', []),
              lintDebounceMs: c.get('lintDebounceMs', DEFAULT_SETTINGS.lintDebounceMs),
              scanWorkspace: c.get('scanWorkspace', DEFAULT_SETTINGS.scanWorkspace),
            });
          }),
      },
    },
  };

  client = new LanguageClient('shipready', 'Shipready', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification(WorkspaceStatusNotification, (s: WorkspaceStatus) => status.update(s)),
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.stopped('Shipready server stopped: see the Shipready output');
    }),
    vscode.commands.registerCommand('shipready.restartServer', async () => {
      output.appendLine('Restarting the Shipready server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('shipready.lintWorkspace', async () => {
      await client?.sendRequest(RescanRequest);
    }),
    vscode.commands.registerCommand('shipready.showOutput', () => output.show(true)),
  );
  const checklist = new ChecklistProvider(client);
  const view = vscode.window.createTreeView('shipready.checklist', { treeDataProvider: checklist, showCollapseAll: true, manageCheckboxStateManually: true });
  checklist.view = view;
  context.subscriptions.push(
    view,
    ...registerChecklistCommands(client, checklist, view),
    client.onNotification(ChecklistChangedNotification, () => void checklist.refresh()),
  );
  await client.start();
  await checklist.refresh();
  return { client, checklist };
}

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Restart a crashed server a few times, saying so; then stop and tell the user where to look. */
function restartPolicy(output: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length <= MAX_RESTARTS) {
        output.warn(`The Shipready server stopped unexpectedly; restarting (${crashes.length}/${MAX_RESTARTS}).`);
        return { action: CloseAction.Restart, message: undefined, handled: true };
      }
      const message = `The Shipready server crashed ${crashes.length} times in 3 minutes and will not be restarted. See the Shipready output; run "Shipready: Restart server" to try again.`;
      output.error(message);
      return { action: CloseAction.DoNotRestart, message };
    },
  };
}

export async function deactivate() {
  await client?.stop();
  client = undefined;
}
