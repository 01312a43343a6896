import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../engine/index';
import { commandName, commandWords, hasOption, packageCommand, runCommands, shellOf, splitCommands, type ShellCommand } from '../../engine/documents/shell';

/** The words of each command, joined, for compact assertions. */
const words = (text: string) => splitCommands(text).map((c) => c.words.map((w) => w.value).join(' '));
const first = (text: string) => splitCommands(text)[0];

describe('splitCommands', () => {
  it('splits on &&, ||, ;, | and & and records the operators around each command', () => {
    const cmds = splitCommands('a 1 && b || c; d | e & f');
    assert.deepEqual(cmds.map((c) => c.words.map((w) => w.value).join(' ')), ['a 1', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(cmds.map((c) => c.next ?? null), ['&&', '||', ';', '|', '&', null]);
    assert.deepEqual(cmds.map((c) => c.prev ?? null), [null, '&&', '||', ';', '|', '&']);
  });

  it('gives document offsets for words and commands (base added)', () => {
    const text = 'apt-get install -y curl';
    const [cmd] = splitCommands(text, 100);
    assert.deepEqual(cmd.range, { start: 100, end: 100 + text.length });
    assert.deepEqual(cmd.words[3].range, { start: 119, end: 123 });
  });

  it('strips quotes but keeps offsets on the word as written', () => {
    const [cmd] = splitCommands(`echo "a b" 'c$d' e\\ f $'x\\ty'`);
    assert.deepEqual(cmd.words.map((w) => w.value), ['echo', 'a b', 'c$d', 'e f', 'x\ty']);
    assert.deepEqual(cmd.words[1].range, { start: 5, end: 10 });
    assert.equal(cmd.words[1].quoted, true);
    assert.equal(cmd.words[0].quoted, undefined);
  });

  it('marks unquoted expansions', () => {
    const [cmd] = splitCommands('rm -rf $DIR "$SAFE" ${X}/y');
    assert.deepEqual(cmd.words.map((w) => !!w.unquotedExpansion), [false, false, true, false, true]);
  });

  it('joins continuation lines and drops the comment and blank lines Docker removes', () => {
    assert.deepEqual(words('apt-get update \\\n  && apt-get install -y \\\n  # the client\n  curl \\\n\n  wget'), ['apt-get update', 'apt-get install -y curl wget']);
  });

  it('honours another escape character for continuations', () => {
    assert.deepEqual(splitCommands('echo a `\n  b', 0, { escape: '`' }).map((c) => c.words.map((w) => w.value).join(' ')), ['echo a b']);
  });

  it('keeps operators inside quotes as text', () => {
    assert.deepEqual(words(`echo "a && b | c" 'd; e'`), ['echo a && b | c d; e']);
  });

  it('keeps redirections out of the words', () => {
    const [cmd] = splitCommands('curl -o x https://h > /dev/null 2>&1');
    assert.deepEqual(cmd.words.map((w) => w.value), ['curl', '-o', 'x', 'https://h']);
    assert.deepEqual(cmd.redirects?.map((r) => `${r.op} ${r.target?.value}`), ['> /dev/null', '>& 1']);
    assert.deepEqual(words('echo hi>>/tmp/log && cat </tmp/log &>/dev/null'), ['echo hi', 'cat']);
  });

  it('drops compound-command keywords and marks the commands inside', () => {
    const cmds = splitCommands('if [ -f x ]; then apt-get install -y a; else echo no; fi && for p in a b; do echo $p; done; while read l; do echo $l; done < f; ! false; { echo g; }');
    assert.deepEqual(cmds.map((c) => c.words.map((w) => w.value).join(' ')), ['[ -f x ]', 'apt-get install -y a', 'echo no', 'echo $p', 'read l', 'echo $l', 'false', 'echo g']);
    assert.deepEqual(cmds.map((c) => !!c.compound), [true, true, true, true, true, true, false, true]);
  });

  it('skips case patterns', () => {
    assert.deepEqual(words('case "$arch" in amd64|x86_64) A=x86;; arm64) A=arm;; *) exit 1;; esac; echo $A'), ['A=x86', 'A=arm', 'exit 1', 'echo $A']);
  });

  it('reads subshells and keeps && inside [[ ]]', () => {
    const cmds = splitCommands('(cd /src && make) && [[ -f a && -f b ]] && echo ok');
    assert.deepEqual(cmds.map((c) => c.words.map((w) => w.value).join(' ')), ['cd /src', 'make', '[[ -f a -f b ]]', 'echo ok']);
    assert.deepEqual(cmds.map((c) => c.nested ?? null), ['subshell', 'subshell', null, null]);
  });

  it('emits the commands of $( … ), backticks and <( … ) right after the enclosing command', () => {
    const cmds = splitCommands('sh -c "$(curl -fsSL https://x | head -1)" && echo `date` && diff <(sort a) b');
    assert.deepEqual(cmds.map((c) => `${c.nested ?? '-'}: ${c.words.map((w) => w.value).join(' ')}`), [
      '-: sh -c $(curl -fsSL https://x | head -1)',
      'substitution: curl -fsSL https://x',
      'substitution: head -1',
      '-: echo `date`',
      'substitution: date',
      '-: diff <(sort a) b',
      'substitution: sort a',
    ]);
    assert.equal(cmds[1].next, '|');
  });

  it('treats arithmetic and ${…} as single words', () => {
    assert.deepEqual(words('echo $((1 + 2)) ${A:-x y} ${#B}'), ['echo $((1 + 2)) ${A:-x y} ${#B}']);
  });

  it('reads `RUN <<EOF` bodies as a script, with document offsets', () => {
    const text = '<<EOF\napk add curl\ncd /tmp\nEOF';
    const cmds = splitCommands(text, 10);
    assert.deepEqual(cmds.map((c) => c.words.map((w) => w.value).join(' ')), ['apk add curl', 'cd /tmp']);
    assert.ok(cmds.every((c) => c.heredoc));
    assert.deepEqual(cmds[0].words[0].range, { start: 16, end: 19 });
  });

  it('reads heredocs fed to a shell as a script, with <<- and quoted delimiters', () => {
    assert.deepEqual(words('<<-"EOT" bash -e\n\tset -x\n\techo hi\n\tEOT'), ['bash -e', 'set -x', 'echo hi']);
    assert.deepEqual(words("sh <<'X'\necho a\nX\necho b"), ['sh', 'echo a', 'echo b']);
  });

  it('treats other heredoc bodies as data', () => {
    assert.deepEqual(words('cat <<EOF > /etc/app.conf\napt-get install nothing\nEOF\necho done'), ['cat', 'echo done']);
    assert.deepEqual(words('python3 <<EOF\nimport os\nEOF'), ['python3']);
  });

  it('ignores comments', () => {
    assert.deepEqual(words('echo a # trailing && b\necho c#notacomment'), ['echo a', 'echo c#notacomment']);
  });

  it('never throws on unbalanced input', () => {
    for (const t of ['echo "unterminated', "echo 'x", 'echo $(a', 'case x in', 'if', '(((', '<<', 'a <<EOF\nno end', '`', '${']) {
      assert.doesNotThrow(() => splitCommands(t), t);
    }
  });
});

describe('commandWords and commandName', () => {
  const cmd = (t: string): ShellCommand => first(t);
  it('skip assignments and wrappers', () => {
    assert.deepEqual(commandWords(cmd('DEBIAN_FRONTEND=noninteractive sudo -E -u root env A=1 apt-get install x')).map((w) => w.value), ['apt-get', 'install', 'x']);
    assert.equal(commandName(cmd('/usr/bin/apt-get update')), 'apt-get');
    assert.equal(commandName(cmd('exec gosu app node server.js')), 'node');
    assert.equal(commandName(cmd('A=1')), undefined);
  });
});

describe('packageCommand', () => {
  it('is not fooled by command names that are Object.prototype members (they used to throw)', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(packageCommand(first(`${name} -x install y`)), undefined);
  });

  it('parses manager, action, options with values and arguments', () => {
    const pc = packageCommand(first('apt-get -o Dpkg::Options::=--force-confold -qq install -y -t bookworm-backports curl=7 git'))!;
    assert.equal(pc.manager, 'apt-get');
    assert.equal(pc.action, 'install');
    assert.deepEqual(pc.args.map((w) => w.value), ['curl=7', 'git']);
    assert.equal(pc.values.get('-t')?.value, 'bookworm-backports');
    assert.ok(hasOption(pc, 'y'));
    assert.ok(hasOption(pc, 'q'));
    assert.ok(!hasOption(pc, '', ['--no-install-recommends']));
  });

  it('knows python -m pip, pip3 and apk --virtual', () => {
    const pip = packageCommand(first('python3 -m pip install --no-cache-dir -r req.txt flask'))!;
    assert.deepEqual([pip.manager, pip.action, pip.args.map((w) => w.value)], ['pip', 'install', ['flask']]);
    assert.ok(hasOption(pip, '', ['--no-cache-dir']));
    const apk = packageCommand(first('apk add --no-cache --virtual .deps gcc'))!;
    assert.deepEqual(apk.args.map((w) => w.value), ['gcc']);
    assert.equal(packageCommand(first('echo apt-get install')), undefined);
  });
});

describe('runCommands and shellOf', () => {
  it('reads RUN in shell and heredoc form, not JSON form or non-POSIX shells', () => {
    const file = new SourceFile(
      'Dockerfile',
      'FROM debian:12\nRUN apt-get update\nRUN ["apt-get", "update"]\nRUN <<EOF\napt-get install -y curl\nEOF\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    );
    const doc = file.dockerfile;
    const runsOf = doc.instructions.filter((i) => i.keyword === 'RUN').map((i) => runCommands(doc, i).map((c) => c.words.map((w) => w.value).join(' ')));
    assert.deepEqual(runsOf, [['apt-get update'], [], ['apt-get install -y curl'], []]);
    assert.equal(shellOf(doc, doc.instructions[1]).kind, 'posix');
    assert.equal(shellOf(doc, doc.instructions[doc.instructions.length - 1]).kind, 'powershell');
  });

  it('treats Windows base images as cmd', () => {
    const file = new SourceFile('Dockerfile', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n');
    const doc = file.dockerfile;
    assert.equal(shellOf(doc, doc.instructions[1]).kind, 'cmd');
    assert.deepEqual(runCommands(doc, doc.instructions[1]), []);
  });

  it('inherits SHELL through FROM <stage>', () => {
    const file = new SourceFile('Dockerfile', 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN echo\n');
    const doc = file.dockerfile;
    assert.deepEqual(shellOf(doc, doc.instructions[3]), { kind: 'posix', path: '/bin/bash' });
  });
});
