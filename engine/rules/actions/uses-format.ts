import { defineRule } from '../../define-rule';
import { workflowModel } from '../../documents/workflow';
import { nodeRange } from '../../documents/yaml-nav';

const REMOTE_STEP = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?@[^@\s]+$/;
const REMOTE_WORKFLOW = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/[^@/\s]+\.ya?ml@[^@\s]+$/;
const LOCAL_WORKFLOW = /^\.\/\.github\/workflows\/[^@/\s]+\.ya?ml$/;
const DOCKER = /^docker:\/\/[^\s]+$/;

export default defineRule({
  id: 'actions/uses-format',
  kind: 'workflow',
  type: 'problem',
  severity: 'error',
  summary: 'uses: names an action, a local path, a docker:// image or a reusable workflow in a valid form',
  sources: ['actionlint action', 'actions/languageservices invalid-uses-format, invalid-workflow-uses-format'],
  messages: {
    step: '"{{uses}}" is not a valid action reference: use owner/repo@ref, owner/repo/path@ref, ./local/path or docker://image.',
    missingRef: '"{{uses}}" has no "@ref": a remote action must name a tag, branch or commit SHA.',
    workflow: '"{{uses}}" is not a valid reusable workflow reference: use owner/repo/.github/workflows/file.yml@ref or ./.github/workflows/file.yml.',
    localRef: 'A local reusable workflow "{{uses}}" takes no "@ref": it always runs the version in the same commit.',
  },
  fixable: false,
  check(ctx) {
    const m = workflowModel(ctx.file);
    for (const s of m.steps()) {
      if (!s.usesNode) continue;
      const u = s.uses!;
      if (u.includes('${{') || u.startsWith('./') || u.startsWith('.\\') || DOCKER.test(u) || REMOTE_STEP.test(u)) continue;
      const missing = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?$/.test(u);
      ctx.report({ range: nodeRange(s.usesNode)!, messageId: missing ? 'missingRef' : 'step', data: { uses: u } });
    }
    for (const j of m.jobs) {
      if (!j.usesNode) continue;
      const u = j.uses!.trim();
      if (u.includes('${{') || REMOTE_WORKFLOW.test(u) || LOCAL_WORKFLOW.test(u)) continue;
      const id = /^\.\/\.github\/workflows\/[^@/\s]+\.ya?ml@/.test(u) ? 'localRef' : /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/[^@/\s]+\.ya?ml$/.test(u) ? 'missingRef' : 'workflow';
      ctx.report({ range: nodeRange(j.usesNode)!, messageId: id, data: { uses: u } });
    }
  },
});
