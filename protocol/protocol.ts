/** Custom LSP messages between the Shipready client and server. */

/** Server → client: findings per severity over the whole workspace, for the status bar. */
export const WorkspaceStatusNotification = 'shipready/workspaceStatus';
export interface WorkspaceStatus {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** A workspace scan is running. */
  scanning: boolean;
}

/** Client → server: lint the whole workspace again (command "Shipready: Lint workspace"). */
export const RescanRequest = 'shipready/rescan';

/** `data` attached to every diagnostic, so code actions find the finding it came from. */
export interface DiagnosticData {
  /** Document version the finding was computed for. */
  version: number | null;
  /** Index of the finding in the server's cache for that version. */
  index: number;
}
