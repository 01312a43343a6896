// `--cache`: skip files whose content (and, for cross-file rules, whose workspace) did not change.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { FileResult } from './lint-files';

const FORMAT = 1;

interface CacheFile {
  format: number;
  /** Tool version + configuration: a change invalidates everything. */
  key: string;
  files: Record<string, { hash: string; result: FileResult }>;
}

export const hash = (s: string) => createHash('sha1').update(s).digest('hex');

export class LintCache {
  private data: CacheFile;
  private readonly used = new Set<string>();

  constructor(
    private readonly file: string,
    key: string,
  ) {
    let data: CacheFile | undefined;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    } catch {
      data = undefined;
    }
    this.data = data && data.format === FORMAT && data.key === key ? data : { format: FORMAT, key, files: {} };
  }

  get(abs: string, contentHash: string): FileResult | undefined {
    const e = this.data.files[abs];
    if (e && e.hash === contentHash) {
      this.used.add(abs);
      return e.result;
    }
    return undefined;
  }

  set(abs: string, contentHash: string, result: FileResult) {
    this.data.files[abs] = { hash: contentHash, result: { ...result, warnings: [] } };
    this.used.add(abs);
  }

  save() {
    const files: CacheFile['files'] = {};
    for (const k of this.used) files[k] = this.data.files[k];
    fs.writeFileSync(this.file, JSON.stringify({ ...this.data, files }));
  }
}
