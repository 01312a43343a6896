import type { Finding, Position, Rule } from '../../engine/index';

/** The first safe fix of a finding, with positions resolved (0-based). */
export interface ReportedFix {
  title: string;
  edits: { start: Position; end: Position; newText: string }[];
}

/** One finding with what every formatter needs; plain data, so workers and the cache can carry it. */
export interface Reported {
  /** Path relative to the current directory, forward slashes. */
  file: string;
  /** Path relative to the config root (SARIF's %SRCROOT%). */
  rootPath: string;
  finding: Omit<Finding, 'fixes'>;
  start: Position;
  end: Position;
  fix?: ReportedFix;
}

export interface FormatInput {
  results: Reported[];
  rules: readonly Rule[];
  filesLinted: number;
  version: string;
}
