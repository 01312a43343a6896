// What is measured: the engine as the server and the CLI run it, and the parse-only floors.
import { parseAllDocuments, parseDocument } from 'yaml';
import { DockerfileParser } from 'dockerfile-ast';
import { extractFacts, lint, ResolvedConfig, rules, Workspace, type FileFacts, type FileSystemView, type LintResult, type SourceFile } from '../engine/index';

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

/** Every file into one workspace index, as the CLI does (parsing nothing yet). */
export function scanIndex(files: readonly CorpusFile[]): { ws: Workspace; sources: SourceFile[] } {
  const byRel = new Map(files.map((f) => [f.rel, f.text]));
  const fsView: FileSystemView = { exists: (p) => byRel.has(p), readFile: (p) => byRel.get(p) };
  const ws = new Workspace(fsView);
  const sources = [];
  for (const f of files) {
    const file = ws.set(f.rel, f.text);
    sources.push(file);
  }
  return { ws, sources };
}

/** Phase 1 of the CLI's parallel run in a worker: parse its share and extract the facts the others' cross-file indexes need. */
export function scanFacts(index: { sources: SourceFile[] }, only: readonly number[]): [number, FileFacts][] {
  return only.map((i) => [i, extractFacts(index.sources[i])]);
}

/** Phase 2: take the other shares' facts, then lint the share (see scanLint). */
export function scanSeed(index: { ws: Workspace; sources: SourceFile[] }, facts: readonly [number, FileFacts][], only: readonly number[]) {
  const mine = new Set(only);
  for (const [i, f] of facts) if (!mine.has(i)) index.ws.seedFacts(index.sources[i].path, f);
}

/** The CLI's code path: every file into one workspace index, then lint each linted kind. */
export function scanLint(files: readonly CorpusFile[], only?: readonly number[], index = scanIndex(files)): number {
  const { ws, sources } = index;
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
