// Dockerfile completion: instructions, their flags (`--chown`, `--from=<stage>`,
// `--mount=type=cache`), stage names, and the base images the workspace already uses.
import type { SourceFile } from '../documents/source';
import type { WorkspaceView } from '../workspace';
import type { CompletionItem, HoverResult } from './types';

interface InstructionInfo {
  doc: string;
  /** Snippet inserted after the keyword. */
  snippet?: string;
}

const INSTRUCTIONS: Record<string, InstructionInfo> = {
  FROM: { doc: 'Start a build stage from a base image: `FROM image:tag [AS name]`. Pin a version tag (and a digest).', snippet: 'FROM ${1:image}:${2:tag} AS ${3:build}' },
  RUN: { doc: 'Run a command in a new layer. `--mount=type=cache,target=…` keeps package caches out of the image.' },
  COPY: { doc: 'Copy files from the build context or another stage (`--from=`). Use `--chown=` to give them to the runtime user.' },
  ADD: { doc: 'Like COPY, but also fetches URLs and unpacks archives. Prefer COPY for local files.' },
  WORKDIR: { doc: 'Set the working directory for the following instructions and the container.', snippet: 'WORKDIR ${1:/app}' },
  ENV: { doc: 'Set environment variables (`KEY=value`) for the build and the container. Never put secrets here.', snippet: 'ENV ${1:KEY}=${2:value}' },
  ARG: { doc: 'Declare a build argument (`NAME=default`). Values are visible in the image history: no secrets.', snippet: 'ARG ${1:NAME}=${2:value}' },
  USER: { doc: 'Run the following instructions and the container as this user (a fixed numeric UID, not root).', snippet: 'USER ${1:10001}:${2:10001}' },
  EXPOSE: { doc: 'Document the port the application listens on.', snippet: 'EXPOSE ${1:8080}' },
  CMD: { doc: 'Default command of the container. Use the JSON (exec) form so signals reach the process.', snippet: 'CMD ["${1:executable}", "${2:arg}"]' },
  ENTRYPOINT: { doc: 'The executable the container runs; CMD supplies its default arguments. Use the JSON form.', snippet: 'ENTRYPOINT ["${1:executable}"]' },
  HEALTHCHECK: {
    doc: 'How the engine checks that the container still works.',
    snippet: 'HEALTHCHECK --interval=${1:30s} --timeout=${2:5s} --start-period=${3:10s} --retries=${4:3} \\\\\n  CMD ${5:wget -qO- http://127.0.0.1:8080/health || exit 1}',
  },
  LABEL: { doc: 'Add metadata (`org.opencontainers.image.*` labels: source, version, licenses).', snippet: 'LABEL org.opencontainers.image.source="${1:https://github.com/org/repo}"' },
  VOLUME: { doc: 'Declare a mount point for external or persistent data.' },
  SHELL: { doc: 'Change the shell used by the shell form of RUN, CMD and ENTRYPOINT (e.g. to add `-o pipefail`).', snippet: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]' },
  STOPSIGNAL: { doc: 'The signal that stops the container.', snippet: 'STOPSIGNAL ${1:SIGTERM}' },
  ONBUILD: { doc: 'An instruction to run when this image is used as a base. Rarely a good idea.' },
};

interface Flag {
  name: string;
  doc: string;
  /** Takes `=value`. */
  value?: boolean;
}

const FLAGS: Record<string, Flag[]> = {
  FROM: [{ name: '--platform', value: true, doc: 'Platform of the base image, e.g. `$BUILDPLATFORM` for cross-compiling builder stages.' }],
  COPY: [
    { name: '--chown', value: true, doc: 'Owner of the copied files: the runtime user, e.g. `--chown=10001:10001`.' },
    { name: '--chmod', value: true, doc: 'Permissions of the copied files, e.g. `--chmod=0555`.' },
    { name: '--from', value: true, doc: 'Copy from an earlier build stage (or an image) instead of the build context.' },
    { name: '--link', doc: 'Copy into an independent layer, so it survives changes to earlier layers.' },
    { name: '--exclude', value: true, doc: 'Leave out paths matching a pattern.' },
    { name: '--parents', doc: 'Keep the parent directories of the sources.' },
  ],
  ADD: [
    { name: '--chown', value: true, doc: 'Owner of the added files.' },
    { name: '--chmod', value: true, doc: 'Permissions of the added files.' },
    { name: '--checksum', value: true, doc: 'Verify a remote file: `--checksum=sha256:…`.' },
    { name: '--link', doc: 'Add into an independent layer.' },
    { name: '--keep-git-dir', doc: 'Keep the `.git` directory of a Git source.' },
    { name: '--exclude', value: true, doc: 'Leave out paths matching a pattern.' },
  ],
  RUN: [
    { name: '--mount', value: true, doc: 'Mount a cache, secret, SSH agent or bind mount for this command only.' },
    { name: '--network', value: true, doc: '`default`, `none` or `host` network for this command.' },
    { name: '--security', value: true, doc: '`insecure` or `sandbox`.' },
  ],
  HEALTHCHECK: [
    { name: '--interval', value: true, doc: 'Time between checks (default 30s).' },
    { name: '--timeout', value: true, doc: 'Time a check may take (default 30s).' },
    { name: '--start-period', value: true, doc: 'Grace period for start-up (failures do not count).' },
    { name: '--start-interval', value: true, doc: 'Time between checks during the start period.' },
    { name: '--retries', value: true, doc: 'Consecutive failures before the container is unhealthy (default 3).' },
  ],
};

const MOUNTS: { label: string; insert: string; doc: string }[] = [
  { label: 'type=cache', insert: 'type=cache,target=${1:/root/.cache}', doc: 'A persistent cache for package managers (npm, pip, go, apt), kept out of the image.' },
  { label: 'type=secret', insert: 'type=secret,id=${1:token}', doc: 'A build secret at `/run/secrets/<id>`, never stored in a layer.' },
  { label: 'type=ssh', insert: 'type=ssh', doc: 'Forward the SSH agent (private Git dependencies).' },
  { label: 'type=bind', insert: 'type=bind,source=${1:.},target=${2:/src}', doc: 'Bind a directory of the context or a stage, read-only.' },
  { label: 'type=tmpfs', insert: 'type=tmpfs,target=${1:/tmp}', doc: 'A temporary in-memory filesystem.' },
];

const CACHE_TARGETS = ['/root/.npm', '/root/.cache/pip', '/root/.cache/go-build', '/go/pkg/mod', '/var/cache/apt', '/root/.m2', '/root/.gradle', '/usr/local/cargo/registry'];

/** The logical instruction line holding `offset`: its start offset (continuations joined). */
function logicalStart(file: SourceFile, line: number): number {
  const li = file.lines;
  let l = line;
  while (l > 0 && /\\\s*$/.test(li.lineText(l - 1)) && !/^\s*#/.test(li.lineText(l - 1))) l--;
  return li.lineStart(l);
}

export function completeDockerfile(file: SourceFile, offset: number, workspace?: WorkspaceView): CompletionItem[] {
  const li = file.lines;
  const pos = li.positionAt(offset);
  const start = logicalStart(file, pos.line);
  const before = file.text.slice(start, offset);
  if (/^\s*#/.test(before)) return [];
  const tokenMatch = /\S*$/.exec(before)!;
  const token = tokenMatch[0];
  const tokenStart = offset - token.length;
  const tail = /^[^\s]*/.exec(file.text.slice(offset, li.lineEnd(pos.line)))![0];
  const range = { start: tokenStart, end: offset + tail.length };

  // The keyword position: nothing but the word typed so far on the logical line.
  const kw = /^\s*([A-Za-z]*)$/.exec(before);
  if (kw) {
    const lower = file.dockerfile.instructions.length > 0 && file.dockerfile.instructions.every((i) => i.keywordText === i.keywordText.toLowerCase());
    return Object.entries(INSTRUCTIONS).map(([k, info], i) => {
      const insert = info.snippet ? info.snippet.replace(/^[A-Z]+/, (m) => (lower ? m.toLowerCase() : m)) : `${lower ? k.toLowerCase() : k} `;
      return { label: lower ? k.toLowerCase() : k, kind: 'keyword' as const, documentation: info.doc, insertText: insert, snippet: !!info.snippet, range, sortText: String(i).padStart(2, '0') };
    });
  }

  const keyword = /^\s*([A-Za-z]+)/.exec(before)![1].toUpperCase();
  const words = before.slice(/^\s*[A-Za-z]+/.exec(before)![0].length).split(/\s+|\\\r?\n/).filter(Boolean);
  if (token) words.pop();
  const argsStarted = words.some((w) => !w.startsWith('--'));
  // Stages defined before the cursor; `--from=` cannot name the stage it is in (the last of them).
  const earlier = file.dockerfile.stages.filter((s) => s.from.instruction.range.end <= offset && s.from.instruction.range.start < start);
  const stages = earlier.map((s) => s.name).filter((n): n is string => !!n);

  if (/^--from=/.test(token)) {
    const others = earlier.slice(0, keyword === 'FROM' ? undefined : -1);
    return others
      .filter((s) => s.name)
      .map((s) => ({ label: s.name!, kind: 'reference' as const, detail: `stage ${s.index} (FROM ${s.from.image})`, range: { start: tokenStart + 7, end: range.end } }));
  }
  if (/^--mount=/.test(token)) {
    const value = token.slice('--mount='.length);
    const optStart = tokenStart + '--mount='.length + (value.lastIndexOf(',') + 1);
    if (/^type=cache,(?:.*,)?target=[^,]*$/.test(value)) {
      const t = value.lastIndexOf('target=') + 7;
      return CACHE_TARGETS.map((p) => ({ label: p, kind: 'value' as const, detail: 'cache directory', range: { start: tokenStart + 8 + t, end: range.end } }));
    }
    if (!value.includes(',') && !/^type=\w+,/.test(value)) {
      return MOUNTS.map((m) => ({ label: m.label, kind: 'value' as const, documentation: m.doc, insertText: m.insert, snippet: true, range: { start: tokenStart + 8, end: range.end } }));
    }
    const type = /type=(\w+)/.exec(value)?.[1] ?? 'bind';
    const opts: Record<string, string[]> = {
      cache: ['target=', 'id=', 'sharing=locked', 'sharing=shared', 'sharing=private', 'from=', 'source=', 'mode=', 'uid=', 'gid=', 'readonly'],
      secret: ['id=', 'target=', 'env=', 'required=true', 'mode=', 'uid=', 'gid='],
      bind: ['target=', 'source=', 'from=', 'readwrite'],
      ssh: ['id=', 'target=', 'required=true'],
      tmpfs: ['target=', 'size='],
    };
    return (opts[type] ?? []).map((o) => ({ label: o, kind: 'value' as const, range: { start: optStart, end: range.end }, retrigger: o.endsWith('=') }));
  }
  if (token.startsWith('-') || (!token && !argsStarted && FLAGS[keyword])) {
    const used = new Set(words.map((w) => w.replace(/=.*$/, '')));
    const items: CompletionItem[] = (FLAGS[keyword] ?? [])
      .filter((f) => !used.has(f.name) || f.name === '--mount')
      .map((f, i) => ({
        label: f.name,
        kind: 'property' as const,
        documentation: f.doc,
        insertText: f.value ? `${f.name}=` : `${f.name} `,
        range,
        retrigger: f.value,
        sortText: `0${i}`,
      }));
    if (!token.startsWith('-') && keyword === 'FROM') items.push(...fromImages(file, workspace, range, stages));
    if (!token.startsWith('-') && keyword === 'HEALTHCHECK') items.push(...['CMD', 'NONE'].map((k) => ({ label: k, kind: 'keyword' as const, range, insertText: `${k} ` })));
    return items;
  }
  if (keyword === 'FROM') {
    if (!argsStarted) return fromImages(file, workspace, range, stages);
    if (words.filter((w) => !w.startsWith('--')).length === 1) return [{ label: 'AS', kind: 'keyword', insertText: 'AS ', range }];
    return [];
  }
  if (keyword === 'HEALTHCHECK' && !argsStarted) return ['CMD', 'NONE'].map((k) => ({ label: k, kind: 'keyword' as const, range, insertText: `${k} ` }));
  return [];
}

/** Base images: those of other Dockerfiles of the workspace (most used first), then this file's stages. */
function fromImages(file: SourceFile, workspace: WorkspaceView | undefined, range: { start: number; end: number }, stages: string[]): CompletionItem[] {
  const counts = new Map<string, { n: number; files: Set<string> }>();
  const add = (f: SourceFile) => {
    for (const s of f.dockerfile.stages) {
      const from = s.from;
      if (from.fromStage || from.scratch || from.hasVariables || !from.image) continue;
      const e = counts.get(from.image) ?? { n: 0, files: new Set() };
      e.n++;
      e.files.add(f.path);
      counts.set(from.image, e);
    }
  };
  for (const f of workspace?.files('dockerfile') ?? []) if (f.path !== file.path) add(f);
  add(file);
  const items: CompletionItem[] = [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
    .map(([image, e], i) => ({
      label: image,
      kind: 'module' as const,
      detail: `used in ${[...e.files].slice(0, 3).join(', ')}${e.files.size > 3 ? '…' : ''}`,
      range,
      sortText: `1_${String(i).padStart(4, '0')}`,
    }));
  for (const s of stages) items.push({ label: s, kind: 'reference', detail: 'stage', range, sortText: `2_${s}` });
  return items;
}

export function hoverDockerfile(file: SourceFile, offset: number): HoverResult | undefined {
  for (const ins of file.dockerfile.instructions) {
    if (offset < ins.keywordRange.start || offset > ins.keywordRange.end) continue;
    const info = INSTRUCTIONS[ins.keyword];
    if (info) return { contents: `**${ins.keyword}**\n\n${info.doc}`, range: ins.keywordRange };
  }
  return undefined;
}
