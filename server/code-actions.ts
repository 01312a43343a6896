// Quick fixes, "disable" actions and fix-all, all computed from the cached findings.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { applyFixes, snippetToText, suppressionFixes, type Finding, type Fix } from '../engine/index';
import type { DiagnosticData } from '../protocol/protocol';
import { pathToUri, toLspEdits, toLspRange } from './convert';
import type { Linted } from './linter';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipready`;
const MAX_FIX_PASSES = 10;

export interface ActionContext {
  snippetSupport: boolean;
  /** Findings of the current version of the document (re-linted if the cache is stale). */
  current(doc: TextDocument): Linted | undefined;
  /** Lint a text as if it were the document (for fix-all passes). */
  lintText(doc: TextDocument, text: string): Finding[];
}

export function codeActions(params: CodeActionParams, doc: TextDocument, ctx: ActionContext): CodeAction[] {
  const only = params.context.only;
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
  const wantsFixAll = !!only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '');
  const linted = ctx.current(doc);
  if (!linted) return [];
  const actions: CodeAction[] = [];

  if (wantsQuickFix) {
    const seen = new Set<string>();
    for (const diag of params.context.diagnostics) {
      if (diag.source !== 'shipready' || typeof diag.code !== 'string') continue;
      const finding = findingFor(linted, diag);
      if (!finding) continue;
      finding.fixes.forEach((fix, i) => {
        const key = `${fix.title}|${JSON.stringify(fix.edits)}`;
        if (seen.has(key)) return;
        seen.add(key);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: i === 0 && !fix.snippet, edit: toWorkspaceEdit(doc, linted, fix, ctx.snippetSupport) });
      });
      for (const fix of suppressionFixes(linted.file, finding)) {
        const key = fix.title;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: toWorkspaceEdit(doc, linted, fix, false) });
      }
    }
  }

  if (wantsFixAll || !only) {
    const edit = fixAllEdit(doc, linted, ctx);
    if (edit) actions.push({ title: 'Fix all auto-fixable Shipready problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

/** The cached finding a diagnostic came from: by index when versions match, else by rule and range. */
function findingFor(linted: Linted, diag: Diagnostic): Finding | undefined {
  const data = diag.data as DiagnosticData | undefined;
  if (data && data.version === linted.version) {
    const f = linted.findings[data.index];
    if (f && f.ruleId === diag.code) return f;
  }
  return linted.findings.find((f) => {
    const r = toLspRange(linted.file, f.range);
    return f.ruleId === diag.code && r.start.line === diag.range.start.line && r.start.character === diag.range.start.character && r.end.line === diag.range.end.line && r.end.character === diag.range.end.character;
  });
}

function toWorkspaceEdit(doc: TextDocument, linted: Linted, fix: Fix, snippetSupport: boolean): WorkspaceEdit {
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  if (fix.edits.length) {
    changes.push({
      textDocument: { uri: doc.uri, version: doc.version },
      edits: toLspEdits(linted.file, fix.edits, !!fix.snippet, snippetSupport, snippetToText),
    });
  }
  for (const fe of fix.fileEdits ?? []) {
    if (!linted.folder) continue;
    const abs = path.resolve(linted.folder.root, fe.path);
    const uri = pathToUri(abs);
    if (fe.create !== undefined && !linted.folder.workspace.exists(fe.path)) {
      changes.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fe.create }] });
    } else if (fe.edits?.length) {
      const target = linted.folder.workspace.get(fe.path);
      if (!target) continue;
      changes.push({ textDocument: { uri, version: null }, edits: toLspEdits(target, fe.edits, false, false, snippetToText) });
    }
  }
  return { documentChanges: changes };
}

/** Apply every non-overlapping, non-snippet fix, re-lint, repeat; one minimal edit for the result. */
function fixAllEdit(doc: TextDocument, linted: Linted, ctx: ActionContext): WorkspaceEdit | undefined {
  const original = doc.getText();
  let text = original;
  let findings = linted.findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = findings.map((f) => f.fixes.find((x) => !x.snippet && !x.fileEdits?.length)).filter((x): x is Fix => !!x);
    const { text: next, applied } = applyFixes(text, fixes);
    if (applied.length === 0 || next === text) break;
    text = next;
    findings = ctx.lintText(doc, text);
  }
  if (text === original) return undefined;
  let start = 0;
  while (start < original.length && start < text.length && original[start] === text[start]) start++;
  let endO = original.length;
  let endN = text.length;
  while (endO > start && endN > start && original[endO - 1] === text[endN - 1]) {
    endO--;
    endN--;
  }
  return {
    documentChanges: [
      {
        textDocument: { uri: doc.uri, version: doc.version },
        edits: [{ range: { start: doc.positionAt(start), end: doc.positionAt(endO) }, newText: text.slice(start, endN) }],
      },
    ],
  };
}
