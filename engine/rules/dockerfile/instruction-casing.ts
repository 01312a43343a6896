import { defineRule } from '../../define-rule';

export default defineRule({
  id: 'dockerfile/instruction-casing',
  kind: 'dockerfile',
  type: 'style',
  severity: 'info',
  summary: 'Instruction keywords are uppercase, and AS is written like its FROM',
  sources: ['BuildKit ConsistentInstructionCasing', 'BuildKit FromAsCasing', 'dockerfile-utils CASING_INSTRUCTION', 'dockerfile-utils INVALID_AS'],
  messages: {
    keyword: 'Write the instruction "{{keyword}}" in uppercase ({{upper}}), so it stands out from its arguments.',
    as: 'Write "{{as}}" as {{expected}}, in the same casing as the instruction keywords.',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const ins of doc.instructions) {
      const kw = ins.keywordText;
      if (kw !== kw.toUpperCase()) ctx.report({ range: ins.keywordRange, messageId: 'keyword', data: { keyword: kw, upper: kw.toUpperCase() }, fixes: [{ title: `Change to ${kw.toUpperCase()}`, edits: [{ range: ins.keywordRange, text: kw.toUpperCase() }] }] });
      if (ins.keyword === 'ONBUILD' && ins.args[0]) {
        const t = ins.args[0];
        if (/^[a-z]+$/i.test(t.value) && t.value !== t.value.toUpperCase()) ctx.report({ range: t.range, messageId: 'keyword', data: { keyword: t.value, upper: t.value.toUpperCase() }, fixes: [{ title: `Change to ${t.value.toUpperCase()}`, edits: [{ range: t.range, text: t.value.toUpperCase() }] }] });
      }
      if (ins.keyword === 'FROM' && ins.args.length === 3) {
        const as = ins.args[1];
        if (!/^as$/i.test(as.value)) continue;
        // Keywords are uppercase, so AS is too (BuildKit FromAsCasing asks for the same casing as FROM).
        const written = file.text.slice(as.range.start, as.range.end);
        if (written !== 'AS') ctx.report({ range: as.range, messageId: 'as', data: { as: written, from: kw, expected: 'AS' }, fixes: [{ title: 'Change to AS', edits: [{ range: as.range, text: 'AS' }] }] });
      }
    }
  },
});
