// One TreeItem class per node kind of the checklist view.
import * as vscode from 'vscode';
import type { ChecklistEvidence, ChecklistItem, ChecklistList } from '../../protocol/protocol';

const STATUS: Record<ChecklistItem['status'], { mark: string; icon: string; color?: string; text: string }> = {
  pass: { mark: '✓', icon: 'pass', color: 'testing.iconPassed', text: 'proven by the workspace' },
  fail: { mark: '✗', icon: 'error', color: 'testing.iconFailed', text: 'not met' },
  unknown: { mark: '?', icon: 'question', color: 'testing.iconSkipped', text: 'cannot be decided from the workspace' },
  done: { mark: '✓', icon: 'pass', text: 'ticked' },
  todo: { mark: '', icon: 'circle-large-outline', text: 'to do' },
};

export class ListNode extends vscode.TreeItem {
  constructor(readonly list: ChecklistList, expanded: boolean) {
    super(list.title, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `list:${list.id}`;
    this.description = `${list.ready}/${list.total} ready`;
    this.tooltip = `${list.title}: ${list.ready} of ${list.total} items ready${list.description ? `\n${list.description}` : ''}`;
    this.contextValue = 'list';
    this.iconPath = new vscode.ThemeIcon(list.ready === list.total ? 'pass-filled' : 'checklist');
  }
}

export class ItemNode extends vscode.TreeItem {
  constructor(
    readonly list: ChecklistList,
    readonly item: ChecklistItem,
  ) {
    super(item.title, item.evidence.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const s = STATUS[item.status];
    this.id = `item:${list.id}:${item.id}`;
    if (item.kind === 'manual') {
      this.checkboxState = item.status === 'done' ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
      this.description = item.status === 'done' && item.doneBy ? `${item.doneBy}${item.doneAt ? ` · ${item.doneAt.slice(0, 10)}` : ''}` : 'manual';
      this.contextValue = 'item-manual';
    } else {
      this.iconPath = new vscode.ThemeIcon(s.icon, s.color ? new vscode.ThemeColor(s.color) : undefined);
      this.description = s.mark;
      this.contextValue = `item-auto-${item.status}`;
    }
    const md = new vscode.MarkdownString(`**${item.title}** — ${item.kind === 'manual' ? 'manual item' : 'automatic'}, ${s.text}`);
    if (item.description) md.appendMarkdown(`\n\n${item.description}`);
    for (const e of item.evidence.slice(0, 8)) md.appendMarkdown(`\n\n- ${e.file ? `\`${e.file}:${e.line}\` ` : ''}${e.message}`);
    this.tooltip = md;
    this.accessibilityInformation = { label: `${item.title}, ${item.kind === 'manual' ? (item.status === 'done' ? 'ticked' : 'not ticked') : s.text}` };
  }
}

export class EvidenceNode extends vscode.TreeItem {
  constructor(
    readonly item: ChecklistItem,
    readonly evidence: ChecklistEvidence,
    folder: string | undefined,
    index: number,
  ) {
    super(evidence.message, vscode.TreeItemCollapsibleState.None);
    this.id = `evidence:${item.id}:${index}:${evidence.file}:${evidence.line}`;
    this.contextValue = evidence.file ? 'evidence-file' : 'evidence';
    this.iconPath = new vscode.ThemeIcon(evidence.file ? 'go-to-file' : 'info');
    if (evidence.file && folder) {
      this.description = `${evidence.file}:${evidence.line}`;
      const uri = vscode.Uri.joinPath(vscode.Uri.file(folder), evidence.file);
      const line = Math.max(0, evidence.line - 1);
      this.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) }] };
    }
  }
}

export type ChecklistNode = ListNode | ItemNode | EvidenceNode;
