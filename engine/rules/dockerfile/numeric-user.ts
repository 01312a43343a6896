import { defineRule } from '../../define-rule';
import type { DfInstruction, DockerfileModel, Stage } from '../../documents/dockerfile';
import { commandName, commandWords, runs, shellOf } from '../../documents/shell';
import { imageFamily } from '../../fixes/dockerfile';
import type { Fix } from '../../types';

/** Well-known users of common base images. */
const KNOWN: Record<string, string | ((family: string) => string | undefined)> = {
  nobody: '65534:65534',
  nonroot: '65532:65532',
  node: '1000:1000',
  'www-data': (f) => (f === 'alpine' ? '82:82' : f === 'debian' ? '33:33' : undefined),
};

export default defineRule({
  id: 'dockerfile/numeric-user',
  kind: 'dockerfile',
  type: 'suggestion',
  severity: 'info',
  summary: 'The shipped image runs as a numeric UID:GID, which Kubernetes runAsNonRoot can verify',
  sources: ['hadolint DL3066', 'beyond (Kubernetes runAsNonRoot)'],
  messages: {
    named: 'USER {{user}} is a name: Kubernetes runAsNonRoot cannot verify a name and refuses to start the pod. Use the numeric UID:GID{{hint}}.',
  },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const final = doc.finalStage;
    if (!final) return;
    const user = lastUser(final);
    if (!user?.argsRange) return;
    const value = user.argsText.trim();
    const [name, group] = value.split(':');
    if (/^\d+$/.test(name) || name.includes('$') || /^(?:root)$/i.test(name)) return;
    // Windows containers have no runAsNonRoot check by UID.
    if (shellOf(doc, user).kind !== 'posix') return;
    const numeric = resolve(doc, final, name, group);
    const fixes: Fix[] = numeric ? [{ title: `Use USER ${numeric}`, edits: [{ range: user.argsRange, text: numeric }] }] : [];
    ctx.report({ range: user.argsRange, messageId: 'named', data: { user: value, hint: numeric ? ` (${numeric})` : '' }, fixes });
  },
});

function lastUser(stage: Stage): DfInstruction | undefined {
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.from.fromStage) {
    seen.add(s);
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    if (users.length) return users[users.length - 1];
  }
  return undefined;
}

/** UID:GID for a user name: from useradd/adduser/addgroup in the stages it is built from, or a known base-image user. */
function resolve(doc: DockerfileModel, stage: Stage, name: string, group?: string): string | undefined {
  const chain = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !chain.has(s); s = s.from.fromStage) chain.add(s);
  let uid: string | undefined;
  let gid: string | undefined;
  const groupIds = new Map<string, string>();
  for (const { commands } of runs(doc, chain)) {
    for (const c of commands) {
      const cmd = commandName(c);
      const addsGroup = cmd === 'groupadd' || cmd === 'addgroup';
      const addsUser = cmd === 'useradd' || cmd === 'adduser';
      // Only these commands are read (their words as a list, for them alone).
      if (!addsGroup && !addsUser) continue;
      const w = commandWords(c).map((x) => x.value);
      const opt = (...names: string[]) => {
        const i = w.findIndex((x) => names.includes(x));
        if (i >= 0) return w[i + 1];
        const eq = w.find((x) => names.some((n) => n.startsWith('--') && x.startsWith(`${n}=`)));
        return eq?.slice(eq.indexOf('=') + 1);
      };
      const target = w[w.length - 1];
      if (addsGroup && target) {
        const g = opt('-g', '--gid');
        if (g && /^\d+$/.test(g)) groupIds.set(target, g);
      }
      if (addsUser && target === name) {
        const u = opt('-u', '--uid');
        if (u && /^\d+$/.test(u)) uid = u;
        const g = opt('-g', '--gid', '-G', '--ingroup');
        if (g) gid = /^\d+$/.test(g) ? g : groupIds.get(g);
      }
    }
  }
  if (uid) {
    const g = group ? (/^\d+$/.test(group) ? group : groupIds.get(group)) : gid ?? groupIds.get(name);
    return g ? `${uid}:${g}` : uid;
  }
  const known = KNOWN[name];
  if (!known || (group && group !== name)) return undefined;
  return typeof known === 'function' ? known(imageFamily(stage)) : known;
}
