// The Deployment checklist tree: data comes from the server (`shipready/checklist`); no rule logic here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistRequest, type ChecklistResponse } from '../../protocol/protocol';
import { EvidenceNode, ItemNode, ListNode, type ChecklistNode } from './nodes';

export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistNode> {
  private readonly emitter = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  data?: ChecklistResponse;
  view?: vscode.TreeView<ChecklistNode>;

  constructor(private readonly client: LanguageClient) {}

  async refresh(data?: ChecklistResponse) {
    let next: ChecklistResponse;
    try {
      next = data ?? (await this.client.sendRequest<ChecklistResponse>(ChecklistRequest));
    } catch (e) {
      next = { lists: [], errors: [`Could not evaluate the checklist: ${(e as Error).message}`] };
    }
    // The server announces every workspace change; most leave the checklist as it was. Re-rendering the
    // tree then would only replace the rows under the user's pointer (and swallow a click on a checkbox).
    const unchanged = this.data !== undefined && JSON.stringify(this.data) === JSON.stringify(next);
    this.data = next;
    if (unchanged) return;
    this.updateBadge();
    this.emitter.fire(undefined);
  }

  private updateBadge() {
    if (!this.view || !this.data) return;
    const ready = this.data.lists.reduce((n, l) => n + l.ready, 0);
    const total = this.data.lists.reduce((n, l) => n + l.total, 0);
    const text = `${ready}/${total} ready`;
    this.view.description = total ? text : undefined;
    this.view.badge = total ? { value: total - ready, tooltip: `Deployment checklist: ${text}` } : undefined;
    this.view.message = this.data.errors.length ? this.data.errors.join(' ') : undefined;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    return node;
  }

  getParent(node: ChecklistNode): ChecklistNode | undefined {
    if (node instanceof ItemNode) return this.listNodes().find((l) => l.list.id === node.list.id);
    return undefined;
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (!this.data) return [];
    if (!node) return this.listNodes();
    if (node instanceof ListNode) return node.list.items.map((i) => new ItemNode(node.list, i));
    if (node instanceof ItemNode) return node.item.evidence.map((e, i) => new EvidenceNode(node.item, e, this.data!.folder, i));
    return [];
  }

  private listNodes(): ListNode[] {
    return (this.data?.lists ?? []).map((l, i) => new ListNode(l, i === 0));
  }
}
