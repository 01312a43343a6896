// The only place where engine types meet LSP types.
import {
  CompletionItemKind as LspCompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type Hover,
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Finding, Range, Severity, SourceFile, TextEdit } from '../engine/index';
import { snippetToText, type CompletionItem as EngineCompletionItem, type CompletionItemKind, type HoverResult as EngineHover } from '../engine/index';
import type { DiagnosticData } from '../protocol/protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(file: SourceFile, r: Range): LspRange {
  return { start: file.lines.positionAt(r.start), end: file.lines.positionAt(r.end) };
}

export function fromLspRange(file: SourceFile, r: LspRange): Range {
  return { start: file.lines.offsetAt(r.start), end: file.lines.offsetAt(r.end) };
}

export function toDiagnostic(
  file: SourceFile,
  f: Finding,
  data: DiagnosticData,
  resolve: (path: string) => { uri: string; file?: SourceFile } | undefined,
): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of f.related ?? []) {
    const target = resolve(r.path);
    if (!target) continue;
    const range = target.file ? toLspRange(target.file, r.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    related.push({ location: { uri: target.uri, range }, message: r.message });
  }
  return {
    range: toLspRange(file, f.range),
    severity: SEVERITY[f.severity],
    source: 'shipready',
    code: f.ruleId,
    codeDescription: { href: f.docsUrl },
    message: f.message,
    data,
    ...(related.length ? { relatedInformation: related } : {}),
  };
}

/** Engine edits → LSP edits; snippet edits become SnippetTextEdits when the client supports them. */
export function toLspEdits(file: SourceFile, edits: TextEdit[], snippet: boolean, snippetSupport: boolean, plain: (s: string) => string) {
  return edits.map((e) => {
    const range = toLspRange(file, e.range);
    if (!snippet) return { range, newText: e.text } as LspTextEdit;
    if (snippetSupport) return { range, snippet: { kind: 'snippet', value: e.text } } as unknown as LspTextEdit;
    return { range, newText: plain(e.text) } as LspTextEdit;
  });
}

export function uriToPath(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : undefined;
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

// Completion and hover (engine/complete, engine/hover) → LSP.
const COMPLETION_KIND: Record<CompletionItemKind, LspCompletionItemKind> = {
  property: LspCompletionItemKind.Property,
  value: LspCompletionItemKind.Value,
  enum: LspCompletionItemKind.EnumMember,
  class: LspCompletionItemKind.Class,
  snippet: LspCompletionItemKind.Snippet,
  keyword: LspCompletionItemKind.Keyword,
  event: LspCompletionItemKind.Event,
  variable: LspCompletionItemKind.Variable,
  function: LspCompletionItemKind.Function,
  reference: LspCompletionItemKind.Reference,
  module: LspCompletionItemKind.Module,
};

/** The word before `offset` that a completion without its own range replaces. */
export function wordRangeBefore(file: SourceFile, offset: number): Range {
  const lineStart = file.lines.lineStart(file.lines.positionAt(offset).line);
  const word = /[\w./-]*$/.exec(file.text.slice(lineStart, offset))![0];
  return { start: offset - word.length, end: offset };
}

export function toCompletionItem(file: SourceFile, item: EngineCompletionItem, fallback: Range, snippetSupport: boolean): CompletionItem {
  const range = toLspRange(file, item.range ?? fallback);
  const snippet = !!item.snippet && snippetSupport;
  const text = item.insertText ?? item.label;
  const newText = item.snippet && !snippetSupport ? snippetToText(text.replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')) : text;
  return {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    textEdit: { range, newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The engine indents multi-line insertions itself.
    ...(newText.includes('\n') ? { insertTextMode: InsertTextMode.asIs } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.retrigger ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
  };
}

export function toHover(file: SourceFile, h: EngineHover): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: h.contents }, ...(h.range ? { range: toLspRange(file, h.range) } : {}) };
}
