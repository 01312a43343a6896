import { Minimatch } from 'minimatch';
import type { Range } from '../types';
import type { SourceFile } from './source';
import type { WorkspaceView } from '../workspace';

/** One pattern line of a `.dockerignore`. */
export interface DockerignorePattern {
  /** The pattern after Docker's clean-up (trimmed, `!` removed, path cleaned, no leading `/`). */
  pattern: string;
  /** A `!pattern` line: re-includes what earlier lines excluded. */
  exception: boolean;
  /** The line as written (without its line break) and its range. */
  text: string;
  range: Range;
  /** 0-based line number. */
  line: number;
}

export interface DockerignoreModel {
  patterns: DockerignorePattern[];
  /** Is this context-relative path left out of the build context? */
  ignores(path: string): boolean;
  /** The pattern that decides that `path` is left out, or undefined when it is sent. */
  excludedBy(path: string): DockerignorePattern | undefined;
  /** Could a `!` exception re-include something below the directory `dir`? */
  hasExceptionUnder(dir: string): boolean;
}

// Docker's patterns are Go filepath.Match globs plus `**`; no braces, no extglobs, no negation
// syntax inside the pattern, and dot-files are matched like any other name.
const MATCH_OPTIONS = { dot: true, nobrace: true, noext: true, nocomment: true, nonegate: true, optimizationLevel: 0 } as const;

/**
 * Parse `.dockerignore` text with Docker's semantics (moby/patternmatcher): `#` lines are
 * comments, patterns are trimmed and cleaned like paths and anchored at the context root, a
 * pattern also matches everything below a matching directory, and the last matching line wins,
 * so `!` lines re-include.
 */
export function parseDockerignore(text: string): DockerignoreModel {
  const patterns: DockerignorePattern[] = [];
  const matchers: Minimatch[] = [];
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  let line = 0;
  while ((m = re.exec(text)) && m[0] !== '') {
    const raw = m[1];
    const start = m.index;
    const lineNo = line++;
    const body = lineNo === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (body.startsWith('#')) continue;
    let p = body.trim();
    if (!p) continue;
    const exception = p.startsWith('!');
    if (exception) p = p.slice(1).trim();
    p = cleanPath(p);
    if (!p) continue;
    patterns.push({ pattern: p, exception, text: raw, range: { start, end: start + raw.length }, line: lineNo });
    matchers.push(new Minimatch(p, MATCH_OPTIONS));
  }

  const matchesOrParent = (i: number, path: string): boolean => {
    const mm = matchers[i];
    if (mm.match(path)) return true;
    for (let j = path.lastIndexOf('/'); j > 0; j = path.lastIndexOf('/', j - 1)) if (mm.match(path.slice(0, j))) return true;
    return false;
  };

  const excludedBy = (path: string): DockerignorePattern | undefined => {
    const p = cleanPath(path);
    if (!p || p === '.') return undefined;
    let decided: DockerignorePattern | undefined;
    for (let i = 0; i < patterns.length; i++) {
      const pat = patterns[i];
      // A plain pattern only matters while the path is included, an exception only once it is excluded.
      if (pat.exception !== (decided !== undefined)) continue;
      if (matchesOrParent(i, p)) decided = pat.exception ? undefined : pat;
    }
    return decided;
  };

  return {
    patterns,
    excludedBy,
    ignores: (path) => excludedBy(path) !== undefined,
    hasExceptionUnder(dir) {
      const d = cleanPath(dir);
      return patterns.some((p) => p.exception && (p.pattern.startsWith(`${d}/`) || /^[*?[]/.test(p.pattern) || p.pattern.startsWith('**')));
    },
  };
}

/** Go's filepath.Clean for slash paths, without a leading `/` (Docker strips it). */
export function cleanPath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}

const cache = new WeakMap<SourceFile, DockerignoreModel>();

/** The parsed model of a `.dockerignore` SourceFile, parsed once. */
export function dockerignoreOf(file: SourceFile): DockerignoreModel {
  let model = cache.get(file);
  if (!model) cache.set(file, (model = parseDockerignore(file.text)));
  return model;
}

/** The folder of a workspace path ('' for the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/**
 * The ignore file BuildKit uses for a Dockerfile whose build context is its own folder:
 * `<Dockerfile name>.dockerignore` next to it wins over the context's `.dockerignore`.
 */
export function dockerignoreFor(workspace: WorkspaceView, dockerfilePath: string): { path: string; text: string } | undefined {
  const dir = dirOf(dockerfilePath);
  const name = dockerfilePath.slice(dir ? dir.length + 1 : 0);
  for (const candidate of [joinPath(dir, `${name}.dockerignore`), joinPath(dir, '.dockerignore')]) {
    const text = workspace.get(candidate)?.text ?? workspace.readFile(candidate);
    if (text !== undefined) return { path: candidate, text };
  }
  return undefined;
}

/**
 * What a `.dockerignore` should leave out of a context folder, as [reason, probe paths, lines to
 * add]. `node_modules` only where the folder has a package.json or a node_modules folder.
 */
export function sensitiveEntries(workspace: WorkspaceView, dir: string): { what: string; probes: string[]; lines: string[] }[] {
  const entries = [
    { what: '.git', probes: ['.git', '.git/config'], lines: ['.git'] },
    { what: '.env files', probes: ['.env', '.env.production'], lines: ['**/.env', '**/.env.*', '!**/.env.example'] },
    { what: 'private keys (*.pem, *.key)', probes: ['server.key', 'key.pem'], lines: ['**/*.pem', '**/*.key'] },
  ];
  if (workspace.exists(joinPath(dir, 'package.json')) || workspace.exists(joinPath(dir, 'node_modules'))) {
    entries.splice(1, 0, { what: 'node_modules', probes: ['node_modules', 'node_modules/x/index.js'], lines: ['**/node_modules'] });
  }
  return entries;
}

/** Does the Dockerfile copy its whole context (`COPY . .`, `ADD ./ /app`, `COPY * ./`)? Only then can stray files reach the image. */
export function copiesWholeContext(doc: import('./dockerfile').DockerfileModel): boolean {
  return doc.instructions.some(
    (i) =>
      (i.keyword === 'COPY' || i.keyword === 'ADD') &&
      !i.flags.some((f) => f.name === 'from') &&
      !/^\s*<</.test(i.argsText) &&
      i.args.slice(0, -1).some((a) => /^(?:\.|\.\/|\*|\.\/\*|\/)$/.test(a.value.replace(/["']/g, ''))),
  );
}
