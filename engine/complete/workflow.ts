// GitHub Actions completion and hover: an adapter around @actions/languageservice (GitHub's own
// workflow schema: keys, `on:` events, runner labels, permission scopes, expression contexts and
// `needs.<job>.outputs`), returning engine types. The service works offline when no metadata,
// file or secrets providers are given; what it cannot know offline is added from the workspace's
// own files: `steps.<id>.outputs.*` written to $GITHUB_OUTPUT, and the `secrets.*` / `vars.*`
// names the workflows already use.
//
// The package is ESM-only (its `exports` have no `require`), so it is loaded with `import()`:
// esbuild inlines it into the CJS bundles and tsx loads it in tests. Its functions take a
// TextDocument-shaped object and return LSP-shaped values; both are plain data here and nothing
// of theirs leaves this file.
import type { SourceFile } from '../documents/source';
import type { WorkspaceView } from '../workspace';
import type { Range } from '../types';
import type { CompletionItem, CompletionItemKind, HoverResult } from './types';

interface LsPosition {
  line: number;
  character: number;
}
interface LsRange {
  start: LsPosition;
  end: LsPosition;
}
interface LsCompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string | { kind: string; value: string };
  insertText?: string;
  insertTextFormat?: number;
  textEdit?: { range?: LsRange; insert?: LsRange; newText: string };
  filterText?: string;
  sortText?: string;
  command?: { command: string };
  tags?: number[];
}
interface LsHover {
  contents: string | { kind: string; value: string } | (string | { value: string })[];
  range?: LsRange;
}
interface ActionsService {
  complete(doc: unknown, pos: LsPosition): Promise<LsCompletionItem[]>;
  hover(doc: unknown, pos: LsPosition): Promise<LsHover | null>;
  clearCacheEntry(uri: string): void;
}

let service: Promise<ActionsService> | undefined;
function load(): Promise<ActionsService> {
  service ??= Promise.all([import('@actions/languageservice'), import('@actions/languageservice/utils/workflow-cache')]).then(([ls, cache]) => ({
    complete: ls.complete as unknown as ActionsService['complete'],
    hover: ls.hover as unknown as ActionsService['hover'],
    clearCacheEntry: cache.clearCacheEntry,
  }));
  return service;
}

// The service caches parses by URI: calls run one at a time and forget their parse afterwards.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** A TextDocument-shaped view of a SourceFile (what the service reads). */
function textDocument(file: SourceFile, uri: string) {
  const li = file.lines;
  return {
    uri,
    languageId: 'yaml',
    version: 1,
    lineCount: li.lineCount,
    getText: (r?: LsRange) => (r ? file.text.slice(li.offsetAt(r.start), li.offsetAt(r.end)) : file.text),
    positionAt: (o: number) => li.positionAt(o),
    offsetAt: (p: LsPosition) => li.offsetAt(p),
  };
}

const uriOf = (file: SourceFile) => `file:///shipready-workspace/${file.path.replace(/^\/+/, '')}`;

// LSP CompletionItemKind numbers → engine kinds.
const KINDS: Record<number, CompletionItemKind> = { 3: 'function', 6: 'variable', 10: 'property', 12: 'value', 13: 'enum', 14: 'keyword', 15: 'snippet', 18: 'reference', 20: 'enum', 23: 'event' };

const markdown = (d: LsCompletionItem['documentation']) => (typeof d === 'string' ? d : d?.value);

export async function completeWorkflow(file: SourceFile, offset: number, workspace?: WorkspaceView): Promise<CompletionItem[]> {
  const ls = await load();
  const uri = uriOf(file);
  const li = file.lines;
  const raw = await serialized(async () => {
    ls.clearCacheEntry(uri);
    try {
      return await ls.complete(textDocument(file, uri), li.positionAt(offset));
    } finally {
      ls.clearCacheEntry(uri);
    }
  });
  const toRange = (r: LsRange): Range => ({ start: li.offsetAt(r.start), end: li.offsetAt(r.end) });
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const it of raw) {
    // "(switch to list)" / "(switch to mapping)" rewrite the value's form: not completions of it.
    if (seen.has(it.label) || it.label.startsWith('(')) continue;
    seen.add(it.label);
    const edit = it.textEdit;
    const r = edit?.range ?? edit?.insert;
    items.push({
      label: it.label,
      kind: KINDS[it.kind ?? 0] ?? 'property',
      detail: it.detail,
      documentation: markdown(it.documentation),
      insertText: edit?.newText ?? it.insertText,
      snippet: it.insertTextFormat === 2,
      range: r ? toRange(r) : undefined,
      filterText: it.filterText,
      sortText: it.sortText,
    });
  }
  for (const extra of fromWorkspace(file, offset, workspace)) {
    if (seen.has(extra.label)) continue;
    seen.add(extra.label);
    items.push(extra);
  }
  return items;
}

export async function hoverWorkflow(file: SourceFile, offset: number): Promise<HoverResult | undefined> {
  const ls = await load();
  const uri = uriOf(file);
  const li = file.lines;
  const h = await serialized(async () => {
    ls.clearCacheEntry(uri);
    try {
      return await ls.hover(textDocument(file, uri), li.positionAt(offset));
    } finally {
      ls.clearCacheEntry(uri);
    }
  });
  if (!h) return undefined;
  const c = h.contents;
  const text = typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n\n') : c.value;
  if (!text) return undefined;
  return { contents: text, range: h.range ? { start: li.offsetAt(h.range.start), end: li.offsetAt(h.range.end) } : undefined };
}

/** Names the service cannot know offline, read from the workflow itself and its workspace. */
function fromWorkspace(file: SourceFile, offset: number, workspace?: WorkspaceView): CompletionItem[] {
  const li = file.lines;
  const line = li.positionAt(offset).line;
  const before = file.text.slice(li.lineStart(line), offset);
  const open = before.lastIndexOf('${{');
  const inExpression = (open >= 0 && !before.slice(open).includes('}}')) || /^\s*(?:-\s+)?if:/.test(before);
  if (!inExpression) return [];
  const m = /(?:^|[^\w.])(steps\.([\w-]+)\.outputs|secrets|vars)\.([\w-]*)$/.exec(before);
  if (!m) return [];
  const typed = m[3];
  const range = { start: offset - typed.length, end: offset + /^[\w-]*/.exec(file.text.slice(offset))![0].length };
  const names = new Map<string, string>();
  if (m[2]) {
    const id = m[2];
    const text = file.text.slice(0, range.start) + file.text.slice(range.end); // without the name being typed
    for (const n of stepOutputs(text, id)) names.set(n, `output of step ${id}`);
  } else {
    const ctx = m[1];
    const files = [file, ...(workspace?.files('workflow') ?? []).filter((f) => f.path !== file.path)];
    const re = new RegExp(`\\b${ctx}\\.([A-Za-z_][A-Za-z0-9_]*)`, 'g');
    for (const f of files) {
      for (const r of f.text.matchAll(re)) {
        if (r.index! <= offset && r.index! + r[0].length >= offset && f === file) continue; // the one being typed
        if (!names.has(r[1])) names.set(r[1], `${ctx === 'secrets' ? 'secret' : 'variable'} used in ${f.path}`);
      }
    }
  }
  return [...names].map(([label, detail]) => ({ label, kind: 'variable' as const, detail, range }));
}

/**
 * Outputs a step writes: `name=value` lines appended to $GITHUB_OUTPUT in its `run` script (or
 * `core.setOutput('name', …)` in a github-script step), plus `steps.<id>.outputs.<name>`
 * references elsewhere in the file.
 */
export function stepOutputs(text: string, id: string): string[] {
  const out = new Set<string>();
  const esc = id.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const lines = text.split('\n');
  const idRe = new RegExp(`^([ \\t]*(?:-[ \\t]+)?)id:[ \\t]*["']?${esc}["']?[ \\t]*(?:#.*)?$`);
  const at = lines.findIndex((l) => idRe.test(l));
  if (at >= 0) {
    // The step: from its `- ` line to the next line at the dash's indentation or less.
    const keyCol = idRe.exec(lines[at])![1].length;
    const dashCol = keyCol - 2;
    let first = at;
    while (first > 0 && !(lines[first].length > dashCol && lines[first][dashCol] === '-' && !lines[first].slice(0, dashCol).trim())) first--;
    let last = at;
    while (last + 1 < lines.length && (!lines[last + 1].trim() || /^[ \t]*/.exec(lines[last + 1])![0].length > dashCol)) last++;
    const step = lines.slice(first, last + 1).join('\n');
    for (const r of step.matchAll(/([A-Za-z_][\w-]*)=[^\n]*?>>[ \t]*"?\$\{?GITHUB_OUTPUT/g)) out.add(r[1]);
    for (const r of step.matchAll(/setOutput\(\s*['"]([\w-]+)['"]/g)) out.add(r[1]);
    // `{ echo "a=1"; echo "b=2"; } >> "$GITHUB_OUTPUT"` and multi-line `name<<EOF` values.
    if (/>>[ \t]*"?\$\{?GITHUB_OUTPUT/.test(step)) for (const r of step.matchAll(/echo[ \t]+["']?([A-Za-z_][\w-]*)(?:=|<<)/g)) out.add(r[1]);
  }
  for (const r of text.matchAll(new RegExp(`steps\\.${esc}\\.outputs\\.([\\w-]+)`, 'g'))) out.add(r[1]);
  return [...out];
}

/** Load the Actions language service ahead of the first request (it takes a moment to initialise). */
export function preloadWorkflowService(): Promise<void> {
  return load().then(
    () => undefined,
    () => undefined,
  );
}
