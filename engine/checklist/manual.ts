// `.shipready/checklist.json`: the manual ticks a team reviews in pull requests.
import type { ManualState } from './types';

export function emptyManualState(): ManualState {
  return { version: 1, items: {} };
}

/** Parse the state file; anything unreadable is an empty state (the file is rewritten on the next tick). */
export function parseManualState(text: string | undefined): ManualState {
  if (!text) return emptyManualState();
  try {
    const v = JSON.parse(text) as Partial<ManualState>;
    const items: ManualState['items'] = {};
    for (const [k, x] of Object.entries(v.items ?? {})) {
      if (x && typeof x === 'object' && typeof x.done === 'boolean') items[k] = { done: x.done, ...(typeof x.by === 'string' ? { by: x.by } : {}), ...(typeof x.at === 'string' ? { at: x.at } : {}) };
    }
    return { version: 1, items };
  } catch {
    return emptyManualState();
  }
}

/** Stable, diff-friendly text: sorted keys, two-space indent, final newline. */
export function serializeManualState(state: ManualState): string {
  const items: ManualState['items'] = {};
  for (const k of Object.keys(state.items).sort()) if (state.items[k].done) items[k] = state.items[k];
  return JSON.stringify({ version: 1, items }, null, 2) + '\n';
}

export function setManual(state: ManualState, key: string, done: boolean, by?: string, at?: string): ManualState {
  const items = { ...state.items };
  if (done) items[key] = { done: true, ...(by ? { by } : {}), ...(at ? { at } : {}) };
  else delete items[key];
  return { version: 1, items };
}
