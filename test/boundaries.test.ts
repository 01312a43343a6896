// Import boundaries of STYLE.md §3.5: the engine is pure (no editor, no LSP, no file system, no
// processes), server and CLI never load `vscode`, and the client knows nothing about rules.
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { rules } from '../engine/rules/index';

const ROOT = typeof __dirname === 'string' ? resolve(__dirname, '..') : process.cwd();

interface ImportRef {
  /** Repository-relative path of the importing file, forward slashes. */
  file: string;
  specifier: string;
  /** 1-based line of the import. */
  line: number;
  /** `import type`, `export type`, or `import('x').T` in a type position: erased at build time. */
  typeOnly: boolean;
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (/\.(?:ts|mts|cts|tsx)$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports, exports from, requires or dynamically imports. */
function importsOf(path: string): ImportRef[] {
  const text = readFileSync(path, 'utf8');
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const file = relative(ROOT, path).split(sep).join('/');
  const out: ImportRef[] = [];
  const add = (lit: ts.Node, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(lit)) return;
    out.push({ file, specifier: lit.text, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const typeOnly =
        !!clause?.isTypeOnly || (!!clause && !clause.name && !!named && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0], false);
      else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.name.text === 'resolve') {
        add(node.arguments[0], false);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function importsUnder(folder: string): ImportRef[] {
  return tsFiles(join(ROOT, folder)).flatMap(importsOf);
}

/** The top-level folder a relative specifier resolves into, e.g. `engine`; undefined for packages. */
function targetFolder(ref: ImportRef): string | undefined {
  if (!ref.specifier.startsWith('.')) return undefined;
  const abs = resolve(ROOT, dirname(ref.file), ref.specifier);
  const rel = relative(ROOT, abs).split(sep).join('/');
  return rel.startsWith('..') ? '..' : rel.split('/')[0];
}

const show = (refs: ImportRef[]) => refs.map((r) => `${r.file}:${r.line} imports '${r.specifier}'`);

const ENGINE_FORBIDDEN = [
  /^vscode$/,
  /^vscode-languageserver(?:-[a-z-]+)?(?:\/.*)?$/,
  /^vscode-languageclient(?:\/.*)?$/,
  /^(?:node:)?fs(?:\/promises)?$/,
  /^(?:node:)?child_process$/,
];

describe('import boundaries (STYLE §3.5)', () => {
  it('engine/ imports no editor, LSP, file-system or process modules', () => {
    const bad = importsUnder('engine').filter((r) => ENGINE_FORBIDDEN.some((re) => re.test(r.specifier)));
    assert.deepEqual(show(bad), []);
  });

  it('engine/ does not reach into the front ends (server/, client/, cli/, protocol/)', () => {
    const bad = importsUnder('engine').filter((r) => ['server', 'client', 'cli', 'protocol'].includes(targetFolder(r) ?? ''));
    assert.deepEqual(show(bad), []);
  });

  it('server/ and cli/ never import vscode', () => {
    const bad = [...importsUnder('server'), ...importsUnder('cli')].filter((r) => r.specifier === 'vscode' || r.specifier.startsWith('vscode/'));
    assert.deepEqual(show(bad), []);
  });

  it('client/ never imports engine/ (or server/, cli/): only protocol/', () => {
    const bad = importsUnder('client').filter((r) => ['engine', 'server', 'cli'].includes(targetFolder(r) ?? ''));
    assert.deepEqual(show(bad), []);
  });

  it('protocol/ (bundled into the client) does not load engine/ code', () => {
    const bad = importsUnder('protocol').filter((r) => !r.typeOnly && ['engine', 'server', 'client', 'cli'].includes(targetFolder(r) ?? ''));
    assert.deepEqual(show(bad), []);
  });

  it('the import scanner sees every form of import', () => {
    // Guards the test itself: a scanner that silently found nothing would pass everything.
    const engineImports = importsUnder('engine');
    assert.ok(engineImports.some((r) => r.specifier === 'dockerfile-ast'), 'engine imports dockerfile-ast');
    assert.ok(engineImports.some((r) => r.typeOnly), 'type-only imports are recognised');
  });
});

describe('bundles', () => {
  const client = join(ROOT, 'dist', 'client.js');

  it('dist/client.js contains no rule logic', (t) => {
    if (!existsSync(client)) {
      t.skip('dist/client.js is not built');
      return;
    }
    const bundle = readFileSync(client, 'utf8');
    const leaked: string[] = [];
    for (const rule of rules) {
      for (const [id, template] of Object.entries(rule.meta.messages)) {
        // The literal part of the template before its first placeholder, long enough to be unique.
        const probe = template.split('{{')[0].slice(0, 60);
        if (probe.length >= 20 && bundle.includes(probe)) leaked.push(`${rule.meta.id} message "${id}"`);
      }
    }
    if (bundle.includes('DockerfileParser')) leaked.push('the dockerfile-ast parser');
    assert.deepEqual(leaked, [], 'the client bundle must not contain engine code');
  });

  it('every file dist/server.js loads at run time is built and shipped in the .vsix', (t) => {
    const server = join(ROOT, 'dist', 'server.js');
    if (!existsSync(server)) {
      t.skip('dist/server.js is not built');
      return;
    }
    // The bundle dist/server.js starts (server-main.js), the chunks and data it requires on first use and
    // the wasm files of the Terraform parser. (The code cache of the bundle is built but not shipped:
    // it serves only the Node that built it, see .vscodeignore.)
    const loaded = new Set<string>();
    const scan = (file: string) => {
      for (const m of readFileSync(join(ROOT, 'dist', file), 'utf8').matchAll(/require\(\s*["']\.\/([^"']+)["']\s*\)/g)) {
        if (loaded.has(m[1])) continue;
        loaded.add(m[1]);
        if (m[1].endsWith('.js') && existsSync(join(ROOT, 'dist', m[1]))) scan(m[1]);
      }
    };
    scan('server.js');
    assert.ok(loaded.has('server-main.js') && loaded.has('ajv.js'), 'the scan finds the bundle and the lazily required chunks');
    const needed = [...new Set([...loaded, 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm'])];
    const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.deepEqual(needed.filter((f) => !existsSync(join(ROOT, 'dist', f))), [], 'built next to dist/server.js');
    assert.deepEqual(needed.filter((f) => !shipped.includes(`!dist/${f}`)), [], 'listed in .vscodeignore');
  });

  it('dist/server.js starts the bundle from a code cache this Node accepts', (t) => {
    const server = join(ROOT, 'dist', 'server.js');
    if (!existsSync(server)) {
      t.skip('dist/server.js is not built');
      return;
    }
    // The same checks as server/start.ts, then V8's own: a cache that silently stopped being used would
    // only show as a slower start.
    const probe = `const s=require(${JSON.stringify(server)}),fs=require('fs'),b=fs.readFileSync(s.CACHE),h=b.toString('latin1',0,b.indexOf(10)+1),[,id,enc]=h.split(' ');
      const src=fs.readFileSync(s.MAIN,enc);
      process.stdout.write(JSON.stringify({header:h===s.cacheHeader(id,enc),marked:src.endsWith('\\n'+s.MARK+id+'\\n'),rejected:s.compileMain(src,b.subarray(b.indexOf(10)+1)).cachedDataRejected}))`;
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // tsx's loader flags change V8's flag hash, as they would for the server
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env });
    assert.deepEqual(JSON.parse(r.stdout || '{}'), { header: true, marked: true, rejected: false }, r.stderr);
  });

  for (const name of ['server.js', 'server-main.js', 'cli.js']) {
    it(`dist/${name} does not load vscode`, (t) => {
      const p = join(ROOT, 'dist', name);
      if (!existsSync(p)) {
        t.skip(`dist/${name} is not built`);
        return;
      }
      assert.doesNotMatch(readFileSync(p, 'utf8'), /require\(\s*["']vscode["']\s*\)/);
    });
  }
});
