// The Dockerfile model reads each instruction's words in one pass over offsets (rawArguments) instead
// of dockerfile-ast's Position-based getters: this test holds the two to the same answers, on
// hand-picked corner cases and on generated text, so that the model stays what dockerfile-ast parses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DockerfileParser, type From, type Instruction } from 'dockerfile-ast';
import { parseDockerfile, rawArguments } from '../../engine/documents/dockerfile';
import { LineIndex } from '../../engine/text/line-index';

type AstRange = { start: { line: number; character: number }; end: { line: number; character: number } };

/** What dockerfile-ast's own getters say, in offsets. */
function expected(text: string) {
  const lines = new LineIndex(text);
  const off = (r: AstRange) => ({ start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) });
  const df = DockerfileParser.parse(text);
  return df.getInstructions().map((node: Instruction) => {
    const n = node as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null; getRange(): AstRange }[] };
    const out: Record<string, unknown> = {
      raw: (node as unknown as { getRawArguments(): { getValue(): string; getRange(): AstRange }[] }).getRawArguments().map((a) => ({ value: a.getValue(), range: off(a.getRange()) })),
      args: node.getArguments().map((a) => ({ value: a.getValue(), range: off(a.getRange()) })),
      argsRange: node.getArgumentsRange() ? off(node.getArgumentsRange()!) : undefined,
      flags: typeof n.getFlags === 'function' ? n.getFlags().map((f) => ({ name: f.getName(), value: f.getValue(), range: off(f.getRange()) })) : [],
    };
    if (node.getKeyword() === 'FROM') {
      const f = node as From;
      out.image = f.getImage() ?? '';
      out.imageRange = f.getImageRange() ? off(f.getImageRange()!) : undefined;
      out.stage = f.getBuildStage()?.toLowerCase();
      out.stageRange = f.getBuildStageRange() ? off(f.getBuildStageRange()!) : undefined;
    }
    return out;
  });
}

/** The same, from the model. */
function actual(text: string) {
  const lines = new LineIndex(text);
  const model = parseDockerfile(text, lines);
  return model.instructions.map((ins) => {
    const out: Record<string, unknown> = {
      raw: rawArguments(text, ins.keywordRange.end, ins.range.end, model.escapeChar),
      args: ins.args,
      argsRange: ins.argsRange,
      flags: ins.flags,
    };
    if (ins.keyword === 'FROM') {
      const from = ins.stage!.from;
      out.image = from.image;
      out.imageRange = ins.args.length ? from.imageRange : undefined;
      out.stage = from.stageName;
      out.stageRange = from.stageNameRange;
    }
    return out;
  });
}

const same = (text: string) => assert.deepEqual(actual(text), expected(text), JSON.stringify(text));

describe('Dockerfile model: words as dockerfile-ast reads them', () => {
  it('agrees on continuations, escapes, comments inside continuations, flags and stages', () => {
    const cases = [
      'FROM node:20 AS build\nRUN apt-get update && \\\n    apt-get install -y curl\n',
      'RUN --mount=type=cache,target=/root/.cache --network=none pip install x\n',
      'COPY --from=build --chown=1:1 /a /b\nADD --checksum=sha256:x https://a /b\n',
      'HEALTHCHECK --interval=5s --timeout=3s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n',
      'RUN echo a \\\n# a comment\n  # another\n    b\n',
      'RUN echo \\ \t\n  b \\  x\n',
      'RUN echo \\$HOME \\"q\\" a\\\\b\\',
      '# escape=`\nFROM windows\nRUN dir `\n  c:\\ `\n  && echo `$x\n',
      'RUN a \\\r\n  b\r\nCMD ["x", \\\r\n "y"]\r\n',
      'RUN a \\\r  b\rCMD x\r',
      'FROM a AS\nFROM b as Stage2\nFROM --platform=$BUILDPLATFORM c:1 AS x y\nFROM\n',
      'RUN <<EOF\necho hi\nEOF\nCOPY <<a <<b /x\nA\na\nB\nb\n',
      'RUN --=x --a= --b --c=d= e--f --g\n',
      'R\\\nUN a\nONBUILD RUN --mount=x b\n',
      'RUN \\\n\\\n\n',
      'RUN a\\ \nb',
      'RUN \\ x',
      '\uFEFFFROM x\nRUN y \\',
    ];
    for (const text of cases) same(text);
  });

  it('agrees on generated text', () => {
    const tokens = ['FROM ', 'RUN ', 'COPY ', 'ADD ', 'HEALTHCHECK ', 'CMD ', 'ENV ', 'ARG ', 'LABEL ', 'ONBUILD ', 'SHELL ', 'EXPOSE ', ' AS ', 'as', '--from=a', '--mount=type=cache,target=/x', '--', '-', '=', 'CMD', 'NONE', 'x', 'abc', '$', '$x', '"', "'", '[', ']', ',', '#', '# escape=`\n', '# syntax=x\n', '<<EOF', 'EOF', '\\', '`', ' ', '  ', '\t', '\n', '\r\n', '\r', '\\\n', '\\ \n', '`\n', '\\\r\n', '😀', '\u00a0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (parts) => same(parts.join(''))),
      { numRuns: 3000, seed: 10 },
    );
  });
});
