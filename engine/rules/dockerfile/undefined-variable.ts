import { editDistance } from '../../text/distance';
import { defineRule } from '../../define-rule';
import type { DfInstruction, Stage } from '../../documents/dockerfile';
import { endOfInstruction, insertLines } from '../../fixes/dockerfile';
import type { Fix, Range } from '../../types';

/** ARGs BuildKit defines for FROM lines without a declaration. */
const PLATFORM_ARGS = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT']);
/** Instructions whose arguments the builder expands (RUN is expanded by the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

interface Ref {
  name: string;
  range: Range;
}

export default defineRule({
  id: 'dockerfile/undefined-variable',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'Variables are declared (ARG or ENV) before they are used, so they do not expand to nothing',
  sources: ['BuildKit UndefinedVar', 'BuildKit UndefinedArgInFrom', 'BuildKit InvalidDefaultArgInFrom', 'hadolint DL3044'],
  messages: {
    undefinedInFrom: '${{name}} is used in FROM but not declared with ARG before the first FROM: it expands to an empty string.',
    noDefault: 'ARG {{name}} has no default, so "{{image}}" is not a valid image unless every build passes --build-arg {{name}}=…. Give the ARG a default.',
    globalNotInStage: '${{name}} is a global ARG, which is not visible inside a stage until it is declared again: add "ARG {{name}}" after this stage\'s FROM.',
    platformArg: '${{name}} is empty here: the automatic platform ARGs must be declared with "ARG {{name}}" inside the stage.',
    undefined: '${{name}} is not defined by any ARG or ENV before this line (the base image defines no environment either): it expands to an empty string.',
    typo: '${{name}} is not defined before this line; did you mean ${{suggestion}}?',
    sameEnv: '${{name}} is set in this same ENV instruction, but values are expanded before any of them is set: ${{name}} is empty here. Split the ENV in two.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    const esc = doc.escapeChar;
    const firstFrom = doc.stages[0]?.from.instruction;
    /** Substrings of every name a RUN can be reported for: the global ARGs, and BUILD… / TARGET… (PLATFORM_ARGS). */
    const runCandidates = [...doc.globalArgs.keys(), 'BUILD', 'TARGET'];

    for (const stage of doc.stages) {
      const from = stage.from;
      // FROM sees only global ARGs and the platform ARGs.
      for (const ref of refsIn(from.image, from.imageRange.start, esc)) {
        if (doc.globalArgs.has(ref.name) || PLATFORM_ARGS.has(ref.name)) continue;
        const at = { offset: file.lines.lineStart(file.lines.positionAt(firstFrom!.range.start).line), prefix: '' };
        ctx.report({ range: ref.range, messageId: 'undefinedInFrom', data: { name: ref.name }, fixes: [{ title: `Declare ARG ${ref.name} before the first FROM…`, snippet: true, edits: [insertLines(file, at, [`ARG ${ref.name}=\${1:value}`])] }] });
      }
      if (from.hasVariables && from.resolved === undefined) {
        const names = refsIn(from.image, from.imageRange.start, esc).map((r) => r.name).filter((n) => doc.globalArgs.has(n) && doc.globalArgs.get(n) === undefined);
        const unique = [...new Set(names)];
        if (unique.length) {
          const fixes: Fix[] = [];
          unique.forEach((name, k) => {
            const decl = doc.instructions.find((i) => !i.stage && i.keyword === 'ARG' && i.properties.some((p) => p.name === name));
            const prop = decl?.properties.find((p) => p.name === name);
            if (prop) fixes.push({ title: `Give ARG ${name} a default…`, snippet: true, edits: [{ range: { start: prop.nameRange.end, end: prop.nameRange.end }, text: `=\${${k + 1}:value}` }] });
          });
          const edits = fixes.flatMap((f) => f.edits);
          const all: Fix[] = fixes.length > 1 ? [{ title: 'Give the ARGs defaults…', snippet: true, edits }, ...fixes] : fixes;
          ctx.report({ range: from.imageRange, messageId: 'noDefault', data: { name: unique.join(', '), image: from.image }, fixes: all });
        }
      }
      checkStage(stage);
    }

    function checkStage(stage: Stage) {
      const inherited = new Set<string>();
      let root: Stage = stage;
      const seen = new Set<Stage>([stage]);
      for (let s = stage.from.fromStage; s && !seen.has(s); s = s.from.fromStage) {
        seen.add(s);
        root = s;
        for (const i of s.instructions) if (i.keyword === 'ENV') for (const p of i.properties) inherited.add(p.name);
      }
      const baseKnown = root.from.scratch;
      const defined = new Set(inherited);
      if (baseKnown) defined.add('PATH');
      const reported = new Set<string>();
      const stageArgInsert = endOfInstruction(file, stage.from.instruction);

      for (const ins of stage.instructions.slice(1)) {
        if (ins.keyword === 'ARG') {
          for (const p of ins.properties) defined.add(p.name);
          continue;
        }
        if (ins.keyword === 'RUN' && ins.argsRange && !ins.jsonForm) {
          // Only a global ARG or a platform ARG is reported in a RUN: a script that names none is skipped.
          if (!runCandidates.some((n) => ins.argsText.includes(n))) continue;
          for (const ref of shellRefs(ins)) {
            if (defined.has(ref.name) || reported.has(ref.name)) continue;
            const global = doc.globalArgs.has(ref.name);
            if (!global && !PLATFORM_ARGS.has(ref.name)) continue;
            if (assignedIn(ins.argsText, ref.name)) continue;
            reported.add(ref.name);
            ctx.report({ range: ref.range, messageId: global ? 'globalNotInStage' : 'platformArg', data: { name: ref.name }, fixes: [declare(ref.name)] });
          }
          continue;
        }
        if (!EXPANDED.has(ins.keyword) || !ins.argsRange) continue;
        const refs = refsIn(ins.argsText, ins.argsRange.start, esc);
        const sameEnv = ins.keyword === 'ENV' ? envOrder(ins) : undefined;
        for (const ref of refs) {
          if (sameEnv) {
            // Set by an earlier pair of this ENV (a pair may read its own old value: PATH=$PATH:…).
            const setAt = sameEnv.get(ref.name);
            const owner = ins.properties.filter((p) => p.nameRange.start <= ref.range.start).pop();
            if (setAt !== undefined && owner && setAt < owner.nameRange.start && !defined.has(ref.name)) {
              ctx.report({ range: ref.range, messageId: 'sameEnv', data: { name: ref.name } });
              continue;
            }
          }
          if (defined.has(ref.name) || reported.has(ref.name)) continue;
          if (doc.globalArgs.has(ref.name)) {
            reported.add(ref.name);
            ctx.report({ range: ref.range, messageId: 'globalNotInStage', data: { name: ref.name }, fixes: [declare(ref.name)] });
          } else if (PLATFORM_ARGS.has(ref.name)) {
            reported.add(ref.name);
            ctx.report({ range: ref.range, messageId: 'platformArg', data: { name: ref.name }, fixes: [declare(ref.name)] });
          } else if (baseKnown) {
            reported.add(ref.name);
            ctx.report({ range: ref.range, messageId: 'undefined', data: { name: ref.name } });
          } else {
            const suggestion = [...defined].find((d) => d.length >= 4 && d !== ref.name && editDistance(d, ref.name) <= (ref.name.length > 6 ? 2 : 1));
            if (suggestion) {
              reported.add(ref.name);
              ctx.report({ range: ref.range, messageId: 'typo', data: { name: ref.name, suggestion }, fixes: [{ title: `Change to $${suggestion}`, edits: [{ range: nameRange(ref), text: suggestion }] }] });
            }
          }
        }
        if (ins.keyword === 'ENV') for (const p of ins.properties) defined.add(p.name);
      }

      function declare(name: string): Fix {
        return { title: `Declare ARG ${name} in this stage`, edits: [insertLines(file, stageArgInsert, [`ARG ${name}`])] };
      }
    }

    function nameRange(ref: Ref): Range {
      const text = file.text.slice(ref.range.start, ref.range.end);
      const start = ref.range.start + text.indexOf(ref.name);
      return { start, end: start + ref.name.length };
    }
  },
});

/** `$NAME` and plain `${NAME}` references (not `${NAME:-default}` and friends), escapes and single quotes honoured. */
function refsIn(text: string, base: number, esc: string): Ref[] {
  const out: Ref[] = [];
  if (!text.includes('$')) return out;
  const masked = maskSingleQuotes(text);
  for (const m of masked.matchAll(REF)) {
    const i = m.index!;
    if (i > 0 && masked[i - 1] === esc) continue;
    const modifier = m[2] ?? '';
    if (modifier !== '' && !/^(?:#|%|\/|:\d)/.test(modifier)) continue;
    out.push({ name: m[1] ?? m[3], range: { start: base + i, end: base + i + m[0].length } });
  }
  return out;
}

function shellRefs(ins: DfInstruction): Ref[] {
  return refsIn(ins.argsText, ins.argsRange!.start, '\\');
}

function maskSingleQuotes(text: string): string {
  return text.replace(/'[^']*'/g, (s) => ' '.repeat(s.length));
}

/** Is the variable assigned in the script itself (NAME=…, for NAME, read NAME, export NAME)? */
function assignedIn(script: string, name: string): boolean {
  return new RegExp(`(?:^|[\\s;&|(])(?:export\\s+|local\\s+|declare\\s+(?:-\\w+\\s+)*)?${name}=|\\bfor\\s+${name}\\b|\\bread\\b[^;&|\\n]*\\b${name}\\b|\\bexport\\s+${name}\\b`).test(script);
}

/** Offsets at which each name of an ENV is set (the name's position). */
function envOrder(ins: DfInstruction): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of ins.properties) if (!m.has(p.name)) m.set(p.name, p.nameRange.start);
  return m;
}

