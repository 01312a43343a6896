import { defineRule } from '../../define-rule';
import { instructionsOf } from '../../documents/dockerfile';

/** Sources ADD treats specially: URLs, git repositories and local archives it unpacks. */
const REMOTE = /^(?:https?|git|ssh):\/\/|^git@|^[\w.-]+@[\w.-]+:/;
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|tar\.(?:gz|bz2|xz|zst|lz4|lzma|z)|gz|bz2|xz|zst)$/i;

export default defineRule({
  id: 'dockerfile/prefer-copy-over-add',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'warning',
  summary: 'Local files and folders are copied with COPY, not ADD',
  sources: ['hadolint DL3020', 'Trivy DS-0005', 'Checkov CKV_DOCKER_4'],
  messages: {
    useCopy: 'ADD of local files: use COPY, which does only that. ADD also unpacks archives and fetches URLs, which surprises readers.',
  },
  fixable: true,
  check(ctx) {
    for (const ins of instructionsOf(ctx.doc, 'ADD')) {
      if (/^\s*<</.test(ins.argsText)) continue;
      let sources: string[];
      if (ins.jsonForm) {
        try {
          sources = (JSON.parse(ins.argsText.replace(/\\\r?\n/g, '')) as string[]).slice(0, -1);
        } catch {
          continue;
        }
      } else sources = ins.args.slice(0, -1).map((a) => a.value);
      if (sources.length === 0 || sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s) || s.includes('$'))) continue;
      if (ins.flags.some((f) => f.name === 'checksum' || f.name === 'keep-git-dir' || f.name === 'unpack')) continue;
      const copy = ins.keywordText === ins.keywordText.toLowerCase() ? 'copy' : 'COPY';
      ctx.report({ range: ins.keywordRange, messageId: 'useCopy', fixes: [{ title: 'Replace ADD with COPY', edits: [{ range: ins.keywordRange, text: copy }] }] });
    }
  },
});
