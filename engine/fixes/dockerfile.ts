import type { DfInstruction, Stage } from '../documents/dockerfile';
import type { SourceFile } from '../documents/source';
import type { TextEdit } from '../types';

/** Offset at which to insert lines that must come before the stage's CMD/ENTRYPOINT (else at its end). */
export function insertionPointBeforeRun(file: SourceFile, stage: Stage): { offset: number; prefix: string } {
  const target = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (target) return { offset: file.lines.lineStart(file.lines.positionAt(target.range.start).line), prefix: '' };
  return endOfInstruction(file, stage.instructions[stage.instructions.length - 1]);
}

/** Offset just after an instruction's last line (its line break included); `prefix` adds a break when the file ends without one. */
export function endOfInstruction(file: SourceFile, ins: DfInstruction): { offset: number; prefix: string } {
  const lines = file.lines;
  const last = lines.positionAt(ins.range.end).line;
  if (last + 1 < lines.lineCount) return { offset: lines.lineStart(last + 1), prefix: '' };
  return { offset: file.text.length, prefix: lines.eol() };
}

/** An edit inserting whole lines (given without line breaks) at a point from the helpers above. */
export function insertLines(file: SourceFile, at: { offset: number; prefix: string }, lines: string[]): TextEdit {
  const eol = file.lines.eol();
  const body = lines.join(eol);
  const text = at.prefix ? at.prefix + body : body + eol;
  return { range: { start: at.offset, end: at.offset }, text };
}

/** An edit deleting an instruction's lines entirely. */
export function deleteInstruction(file: SourceFile, ins: DfInstruction): TextEdit {
  const lines = file.lines;
  const first = lines.positionAt(ins.range.start).line;
  const last = lines.positionAt(ins.range.end).line;
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : file.text.length;
  return { range: { start, end }, text: '' };
}

export type ImageFamily = 'alpine' | 'debian' | 'distroless' | 'scratch' | 'unknown';

const DEBIAN_BASED = /^(?:debian|ubuntu|node|python|golang|ruby|openjdk|eclipse-temurin|amazoncorretto|php|nginx|httpd|rust|buildpack-deps|perl|elixir|erlang|haskell|gcc|maven|gradle|mcr\.microsoft\.com\/dotnet\/.+|dotnet\/.+)$/;

const families = new WeakMap<Stage, ImageFamily>();

/** What the final image's user tools look like, from its base image (through stage references); once per stage. */
export function imageFamily(stage: Stage): ImageFamily {
  let family = families.get(stage);
  if (family === undefined) families.set(stage, (family = readImageFamily(stage)));
  return family;
}

function readImageFamily(stage: Stage): ImageFamily {
  let s: Stage | undefined = stage;
  const seen = new Set<Stage>();
  while (s?.from.fromStage && !seen.has(s)) {
    seen.add(s);
    s = s.from.fromStage;
  }
  const from = s?.from;
  if (!from) return 'unknown';
  if (from.scratch) return 'scratch';
  const ref = (from.resolved ?? from.image).toLowerCase();
  if (/distroless|chainguard|cgr\.dev/.test(ref)) return 'distroless';
  if (/alpine|busybox|wolfi/.test(ref)) return 'alpine';
  const name = from.ref?.name.toLowerCase().replace(/^(?:docker\.io\/)?(?:library\/)?/, '') ?? '';
  if (DEBIAN_BASED.test(name) || /(?:^|[-.])(?:slim|bookworm|bullseye|trixie|jammy|noble|focal)(?:$|[-.])/.test(from.ref?.tag ?? '')) return 'debian';
  return 'unknown';
}
