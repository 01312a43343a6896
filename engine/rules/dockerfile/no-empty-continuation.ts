import { defineRule } from '../../define-rule';

const HEREDOC = /<<-?["']?\w/;

export default defineRule({
  id: 'dockerfile/no-empty-continuation',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'No empty lines inside a continued (\\) instruction',
  sources: ['BuildKit NoEmptyContinuation', 'dockerfile-utils EMPTY_CONTINUATION_LINE'],
  messages: {
    empty: 'Empty line inside a continued instruction: Docker ignores it today but it is deprecated and will become an error. Remove it (or put a # comment on it).',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    const { lines, text } = file;
    for (const ins of doc.instructions) {
      const first = lines.positionAt(ins.range.start).line;
      const last = lines.positionAt(ins.range.end).line;
      if (first === last || HEREDOC.test(ins.argsText)) continue;
      for (let l = first + 1; l < last; l++) {
        // A printable ASCII character after the indentation: not blank (without slicing the line).
        let k = lines.lineStart(l);
        while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
        const c = text.charCodeAt(k);
        if (c > 32 && c < 127 && k < lines.lineEnd(l)) continue;
        if (lines.lineText(l).trim() !== '') continue;
        const start = lines.lineStart(l);
        ctx.report({ range: { start, end: lines.lineEnd(l) }, messageId: 'empty', fixes: [{ title: 'Remove the empty line', edits: [{ range: { start, end: lines.lineStart(l + 1) }, text: '' }] }] });
      }
    }
  },
});
