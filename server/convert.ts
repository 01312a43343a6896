// The only place where engine types meet LSP types.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Finding, Range, Severity, SourceFile, TextEdit } from '../engine/index';
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
