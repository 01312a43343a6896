// What is measured: the engine as the server and the CLI run it, and the parse-only floors.
import { parseAllDocuments, parseDocument } from 'yaml';
import { DockerfileParser } from 'dockerfile-ast';
import { lint, ResolvedConfig, rules, Workspace, type FileSystemView, type LintResult } from '../engine/index';

export type Kind = 'k8s' | 'workflow' | 'dockerfile' | 'compose';

/** The engine's document kind for each corpus kind. */
export const ENGINE_KIND: Record<Kind, string> = { k8s: 'kubernetes', workflow: 'workflow', dockerfile: 'dockerfile', compose: 'compose' };

/** Workspace-relative paths the server would see for a file of each kind. */
export const REL: Record<Kind, string> = {
  k8s: 'deploy/app.yaml',
  workflow: '.github/workflows/ci.yml',
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
};

/** The default rule set and settings, resolved once per folder as the server does. */
export const config = new ResolvedConfig(rules);

export function ruleCount(kind: Kind): number {
  return rules.filter((r) => r.meta.kind === ENGINE_KIND[kind]).length;
}

/** One lint as the server runs it on an open document: index the text (new SourceFile), lint with every default rule. */
export function lintAsServer(rel: string, text: string, ws: Workspace = new Workspace()): LintResult {
  const file = ws.set(rel, text);
  return lint(file, { config, relPath: rel, workspace: ws });
}

/** Parse only, with the parser the engine builds on: the lower bound for a lint. */
export function floor(kind: Kind, text: string): unknown {
  switch (kind) {
    case 'k8s':
      return parseAllDocuments(text);
    case 'dockerfile':
      return DockerfileParser.parse(text);
    default:
      return parseDocument(text);
  }
}

export interface CorpusFile {
  kind: Kind;
  rel: string;
  text: string;
  lines: number;
}

/** The CLI's code path: every file into one workspace index, then lint each linted kind. */
export function scanLint(files: readonly CorpusFile[], only?: readonly number[]): number {
  const byRel = new Map(files.map((f) => [f.rel, f.text]));
  const fsView: FileSystemView = { exists: (p) => byRel.has(p), readFile: (p) => byRel.get(p) };
  const ws = new Workspace(fsView);
  const sources = [];
  for (const f of files) {
    const file = ws.set(f.rel, f.text);
    sources.push(file);
  }
  let findings = 0;
  for (const i of only ?? sources.keys()) {
    const file = sources[i];
    if (file.kind === 'unknown' || file.kind === 'yaml') continue;
    findings += lint(file, { config, relPath: file.path, workspace: ws }).findings.length;
  }
  return findings;
}

/** The parse-only floor of a scan: each file through its parser once. */
export function scanFloor(files: readonly CorpusFile[]): number {
  let n = 0;
  for (const f of files) if (floor(f.kind, f.text)) n++;
  return n;
}
