// Checklist commands: refresh, tick, export, reset, and "show fix" for a failing item.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ChecklistMarkdownRequest,
  ResetManualItemsRequest,
  SetManualItemRequest,
  type ChecklistResponse,
  type SetManualItemParams,
} from '../../protocol/protocol';
import { ItemNode, type ChecklistNode } from './nodes';
import type { ChecklistProvider } from './provider';

/** Files that satisfy an item whose evidence is "missing": created from a skeleton the user completes. */
const SKELETONS: Record<string, { file: string; text: string }> = {
  'deployment-doc': {
    file: 'DEPLOYMENT.md',
    text: '# Deployment\n\n## Deploy\n\nHow a release reaches production (pipeline, approvals, commands).\n\n## Roll back\n\nHow to return to the previous release, and who decides.\n\n## Verify\n\nThe smoke tests and dashboards that prove a release is healthy.\n',
  },
  'env-documented': { file: '.env.example', text: '# Every variable the service reads, with a safe example value and no secrets.\n' },
};
SKELETONS['rollback'] = SKELETONS['deployment-doc'];
SKELETONS['rollback-ready'] = SKELETONS['deployment-doc'];

export function registerChecklistCommands(client: LanguageClient, provider: ChecklistProvider, view: vscode.TreeView<ChecklistNode>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('shipready.refreshChecklist', () => provider.refresh()),
    view.onDidChangeCheckboxState(async (e) => {
      for (const [node, state] of e.items) {
        if (!(node instanceof ItemNode)) continue;
        const params: SetManualItemParams = { list: node.list.id, item: node.item.id, done: state === vscode.TreeItemCheckboxState.Checked };
        await provider.refresh(await client.sendRequest<ChecklistResponse>(SetManualItemRequest, params));
      }
    }),
    vscode.commands.registerCommand('shipready.resetChecklist', async () => {
      const ok = await vscode.window.showWarningMessage('Untick every manual checklist item?', { modal: true }, 'Reset');
      if (ok === 'Reset') await provider.refresh(await client.sendRequest<ChecklistResponse>(ResetManualItemsRequest));
    }),
    vscode.commands.registerCommand('shipready.exportChecklist', async () => {
      const folder = provider.data?.folder;
      if (!folder) return void vscode.window.showWarningMessage('Open a folder to export its checklist.');
      const root = vscode.Uri.file(folder);
      const choice = await vscode.window.showQuickPick(
        [
          { label: 'DEPLOYMENT.md', description: 'update the release checklist section', uri: vscode.Uri.joinPath(root, 'DEPLOYMENT.md') },
          { label: 'RELEASE_CHECKLIST.md', description: 'a file of its own', uri: vscode.Uri.joinPath(root, 'RELEASE_CHECKLIST.md') },
          { label: 'Another file…', uri: undefined },
        ],
        { placeHolder: 'Where should the checklist go?' },
      );
      if (!choice) return;
      const target = choice.uri ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(root, 'RELEASE_CHECKLIST.md'), filters: { Markdown: ['md'] } }));
      if (!target) return;
      let existing = '';
      try {
        existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      } catch {
        /* a new file */
      }
      const next = await client.sendRequest<string>(ChecklistMarkdownRequest, { document: existing });
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(next));
      await vscode.window.showTextDocument(target);
    }),
    vscode.commands.registerCommand('shipready.showChecklistFix', async (node?: ChecklistNode) => {
      if (!(node instanceof ItemNode)) return;
      const folder = provider.data?.folder;
      const evidence = node.item.evidence.find((e) => e.file);
      if (folder && evidence && node.item.status === 'fail') {
        const uri = vscode.Uri.joinPath(vscode.Uri.file(folder), evidence.file);
        const line = Math.max(0, evidence.line - 1);
        const editor = await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
        editor.revealRange(new vscode.Range(line, 0, line, 0));
        await vscode.commands.executeCommand('editor.action.quickFix');
        return;
      }
      const skeleton = SKELETONS[node.item.id];
      if (folder && skeleton) {
        const uri = vscode.Uri.joinPath(vscode.Uri.file(folder), skeleton.file);
        try {
          await vscode.workspace.fs.stat(uri);
        } catch {
          await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(skeleton.text));
        }
        await vscode.window.showTextDocument(uri);
        return;
      }
      void vscode.window.showInformationMessage(`${node.item.title}: ${node.item.description ?? node.item.evidence.map((e) => e.message).join('; ')}`);
    }),
  ];
}
