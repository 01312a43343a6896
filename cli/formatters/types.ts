import type { Finding, Position, Rule, SourceFile } from '../../engine/index';

/** One finding with what every formatter needs. */
export interface Reported {
  /** Path relative to the current directory, forward slashes. */
  file: string;
  /** Path relative to the config root (SARIF's %SRCROOT%). */
  rootPath: string;
  source: SourceFile;
  finding: Finding;
  start: Position;
  end: Position;
}

export interface FormatInput {
  results: Reported[];
  rules: readonly Rule[];
  filesLinted: number;
  version: string;
}
