import { defineRule } from '../../define-rule';
import { packageCommand, runCommands, type PackageCommand } from '../../documents/shell';
import { deleteInstruction } from '../../fixes/dockerfile';
import type { Fix } from '../../types';

const FAMILY: Record<string, string> = { 'apt-get': 'apt', apt: 'apt', apk: 'apk' };
const isUpdate = (pc: PackageCommand | undefined) => !!pc && !!FAMILY[pc.manager] && pc.action === 'update';
const INSTALL_ACTION = /^(?:install|add|upgrade|dist-upgrade|full-upgrade)$/;
const isInstall = (pc: PackageCommand | undefined, family: string) => !!pc && FAMILY[pc.manager] === family && INSTALL_ACTION.test(pc.action ?? '');

export default defineRule({
  id: 'dockerfile/update-with-install',
  kind: 'dockerfile',
  type: 'problem',
  severity: 'warning',
  summary: 'A package index update runs in the same RUN as the install that needs it',
  sources: ['Trivy DS-0017', 'Checkov CKV_DOCKER_5'],
  messages: {
    alone: '"{{update}}" in a RUN of its own: the layer is cached, so a later install uses a stale package index (and fails once the old versions are gone). Run it in the same RUN as the install: {{manager}} update && {{manager}} install ….',
  },
  fixable: true,
  check(ctx) {
    const { doc, file } = ctx;
    for (const stage of doc.stages) {
      const list = stage.instructions;
      list.forEach((ins, k) => {
        if (ins.keyword !== 'RUN') return;
        const commands = runCommands(doc, ins);
        // (the list of package commands only for a RUN with an update)
        if (!commands.some((c) => isUpdate(packageCommand(c)))) return;
        const pcs = commands.map(packageCommand);
        const updateAt = pcs.findIndex(isUpdate);
        const family = FAMILY[pcs[updateAt]!.manager];
        if (pcs.some((pc) => isInstall(pc, family))) return;
        const update = commands[updateAt];
        const fixes: Fix[] = [];
        const next = list[k + 1];
        const onlyUpdate = pcs.every((pc, i) => isUpdate(pc) || /^(?:set)$/.test(commands[i].words[0].value));
        if (next?.keyword === 'RUN' && !/^\s*<</.test(next.argsText) && onlyUpdate && !ins.argsText.includes('\n') && !ins.flags.length && !next.flags.length) {
          const nextPcs = runCommands(doc, next).map(packageCommand);
          if (nextPcs.some((pc) => isInstall(pc, family))) {
            fixes.push({
              title: 'Merge into the next RUN',
              edits: [deleteInstruction(file, ins), { range: { start: next.argsRange!.start, end: next.argsRange!.start }, text: `${ins.argsText.trim()} && ` }],
            });
          }
        }
        ctx.report({ range: update.range, messageId: 'alone', data: { update: file.text.slice(update.range.start, update.range.end), manager: pcs[updateAt]!.manager }, fixes });
      });
    }
  },
});
