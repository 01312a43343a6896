import type { Range } from '../types';

/** What a completion item is, for the editor's icon; server/convert.ts maps it onto LSP kinds. */
export type CompletionItemKind = 'property' | 'value' | 'enum' | 'class' | 'snippet' | 'keyword' | 'event' | 'variable' | 'function' | 'reference' | 'module';

/** A completion proposal, in engine terms (offsets, Markdown). */
export interface CompletionItem {
  label: string;
  kind: CompletionItemKind;
  /** Short type or origin, shown next to the label (`string`, `Container[]`, `stage`). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert (the label when absent). */
  insertText?: string;
  /** `insertText` contains snippet tab stops (`${1:name}`). */
  snippet?: boolean;
  /** Text replaced by the insertion (offsets); the word before the cursor when absent. */
  range?: Range;
  sortText?: string;
  filterText?: string;
  /** Ask for completion again after inserting (e.g. after `apiVersion: `). */
  retrigger?: boolean;
}

/** A hover, in engine terms. */
export interface HoverResult {
  /** Markdown. */
  contents: string;
  range?: Range;
}
