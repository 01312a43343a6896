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

/** Client → server: what the server holds (for tests and the output channel). */
export const StatsRequest = 'shipready/stats';
export interface ServerStats {
  /** Files with published results. */
  documents: number;
  /** Files in the workspace indexes. */
  indexed: number;
  heapUsed: number;
}

/** `data` attached to every diagnostic, so code actions find the finding it came from. */
export interface DiagnosticData {
  /** Document version the finding was computed for. */
  version: number | null;
  /** Index of the finding in the server's cache for that version. */
  index: number;
}

// ---- Deployment checklist ------------------------------------------------------------------

/** Evidence for an item; `line` is 1-based, `file` relative to the workspace folder ('' = none). */
export interface ChecklistEvidence {
  file: string;
  line: number;
  message: string;
}

export interface ChecklistItem {
  id: string;
  title: string;
  description?: string;
  kind: 'auto' | 'manual';
  status: 'pass' | 'fail' | 'unknown' | 'done' | 'todo';
  evidence: ChecklistEvidence[];
  doneBy?: string;
  doneAt?: string;
}

export interface ChecklistList {
  id: string;
  title: string;
  description?: string;
  items: ChecklistItem[];
  ready: number;
  total: number;
}

export interface ChecklistResponse {
  /** The workspace folder the checklist was evaluated for (absolute path), if any. */
  folder?: string;
  lists: ChecklistList[];
  /** Problems with `.shipready/checklist.yaml` (the built-in lists are used). */
  errors: string[];
}

/** Client → server: evaluate the checklists. */
export const ChecklistRequest = 'shipready/checklist';
/** Server → client: something the checklist depends on changed; ask again. */
export const ChecklistChangedNotification = 'shipready/checklistChanged';
/** Client → server: tick or untick a manual item; the server writes `.shipready/checklist.json`. */
export const SetManualItemRequest = 'shipready/setManualItem';
export interface SetManualItemParams {
  list: string;
  item: string;
  done: boolean;
}
/** Client → server: untick every manual item. */
export const ResetManualItemsRequest = 'shipready/resetManualItems';
/**
 * Client → server: `{ document }` (the current text of the target file, '' for a new one) →
 * that text with its release-checklist section written or updated.
 */
export const ChecklistMarkdownRequest = 'shipready/checklistMarkdown';
