/** Evidence for a checklist item: where it was proven or where it fails. `line` is 1-based. */
export interface Evidence {
  file: string;
  line: number;
  message: string;
}

export type ItemStatus = 'pass' | 'fail' | 'unknown' | 'done' | 'todo';

export interface ChecklistItemResult {
  id: string;
  title: string;
  description?: string;
  kind: 'auto' | 'manual';
  status: ItemStatus;
  evidence: Evidence[];
  /** For manual items ticked by a person: who and when, if recorded. */
  doneBy?: string;
  doneAt?: string;
}

export interface ChecklistListResult {
  id: string;
  title: string;
  description?: string;
  items: ChecklistItemResult[];
  /** Items that pass or are done, of all items. */
  ready: number;
  total: number;
}

/** The CLI's JSON and the server's answer to `shipready/checklist`. */
export interface ChecklistReport {
  lists: ChecklistListResult[];
}

/** A checklist item definition (built-in or from `.shipready/checklist.yaml`). */
export interface ItemDef {
  id: string;
  title: string;
  description?: string;
  check?: string;
  rules?: string[];
  kinds?: string[];
  enabled?: boolean;
}

export interface ListDef {
  id: string;
  title: string;
  description?: string;
  includes?: string[];
  items?: ItemDef[];
}

export interface ChecklistDefs {
  lists?: ListDef[];
  disable?: string[];
}

/** `.shipready/checklist.json`: manual ticks, keyed `<list>/<item>`. */
export interface ManualState {
  version: 1;
  items: Record<string, { done: boolean; by?: string; at?: string }>;
}
