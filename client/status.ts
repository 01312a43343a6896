import * as vscode from 'vscode';
import type { WorkspaceStatus } from '../protocol/protocol';

/** The status bar item: findings in the workspace; a click opens Problems. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('shipready.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Shipready';
    this.item.command = 'workbench.actions.view.problems';
    this.item.text = '$(sync~spin) Shipready';
    this.item.tooltip = 'Shipready is starting';
    this.item.show();
  }

  update(s: WorkspaceStatus) {
    const total = s.errors + s.warnings + s.infos;
    const spin = s.scanning ? '$(sync~spin) ' : '';
    this.item.text = total === 0 ? `${spin}$(pass) Shipready` : `${spin}$(error) ${s.errors} $(warning) ${s.warnings} $(info) ${s.infos}`;
    this.item.tooltip =
      total === 0
        ? 'Shipready: no findings in the workspace'
        : `Shipready: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos in ${s.files} files${s.scanning ? ' (scanning…)' : ''}. Click to open Problems.`;
    this.item.accessibilityInformation = { label: this.item.tooltip };
  }

  stopped(reason: string) {
    this.item.text = '$(error) Shipready';
    this.item.tooltip = reason;
  }

  dispose() {
    this.item.dispose();
  }
}
