import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../engine/documents/source';
import { composeModel, dockerfilePath, imageHandlesUser, interpolationsIn, isOneShot, parsePort, plainToJS, resolveMergeKeys, secretLiteral, splitImage } from '../../engine/documents/compose';

const cm = (text: string, path = 'compose.yaml') => composeModel(new SourceFile(path, text));

describe('compose model', () => {
  const text = `x-defaults: &defaults
  restart: unless-stopped
  healthcheck:
    test: ["CMD", "true"]
services:
  api:
    <<: *defaults
    build:
      context: ./api
      dockerfile: Dockerfile.prod
    image: "ghcr.io/acme/api:\${TAG:-latest}"
    user: "1000:1000"
    environment:
      - DATABASE_URL=\${DATABASE_URL}
      - DEBUG
    env_file: [.env, { path: ./extra.env }]
    ports:
      - "127.0.0.1:8080:80/tcp"
      - 9000
      - target: 443
        published: "8443"
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${PG_PASSWORD:?required}
`;

  it('is built once per parse', () => {
    const f = new SourceFile('compose.yaml', text);
    assert.equal(composeModel(f), composeModel(f));
  });

  it('reads services with merge keys, build, environment, env_file, ports and depends_on', () => {
    const m = cm(text);
    assert.deepEqual(m.services.map((s) => s.name), ['api', 'db']);
    const api = m.serviceByName.get('api')!;
    assert.equal(api.restart, 'unless-stopped', 'through <<: *defaults');
    assert.ok(api.pairOf('healthcheck'));
    assert.equal(api.merged.length, 1);
    assert.deepEqual([api.buildContext, api.dockerfile, api.image, api.user], ['./api', 'Dockerfile.prod', 'ghcr.io/acme/api:${TAG:-latest}', '1000:1000']);
    assert.deepEqual(api.environment.map((e) => [e.key, e.value, e.form]), [['DATABASE_URL', '${DATABASE_URL}', 'list'], ['DEBUG', undefined, 'list']]);
    assert.equal(text.slice(api.environment[0].keyRange.start, api.environment[0].keyRange.end), 'DATABASE_URL');
    assert.equal(text.slice(api.environment[0].valueRange!.start, api.environment[0].valueRange!.end), '${DATABASE_URL}');
    assert.deepEqual(api.envFiles.map((e) => e.path), ['.env', './extra.env']);
    assert.deepEqual(api.ports.map((p) => [p.hostIp, p.published, p.target, p.protocol, p.long]), [
      ['127.0.0.1', '8080', '80', 'tcp', false],
      [undefined, undefined, '9000', 'tcp', false],
      [undefined, '8443', '443', 'tcp', true],
    ]);
    assert.deepEqual(api.dependsOn.map((d) => [d.name, d.condition]), [['db', 'service_healthy']]);
    assert.equal(m.fragment, false);
  });

  it('finds ${VAR} interpolations with exact ranges and defaults', () => {
    const m = cm(text);
    const names = m.interpolations.map((i) => [i.name, i.hasDefault, text.slice(i.range.start, i.range.end)]);
    assert.deepEqual(names, [['TAG', true, '${TAG:-latest}'], ['DATABASE_URL', false, '${DATABASE_URL}'], ['PG_PASSWORD', false, '${PG_PASSWORD:?required}']]);
    assert.deepEqual(interpolationsIn('$$HOME $A ${B-x}', 0).map((i) => [i.name, i.hasDefault]), [['A', false], ['B', true]]);
  });

  it('parses ports, images and Dockerfile paths', () => {
    const seq = new SourceFile('compose.yaml', 'services:\n  a:\n    ports: ["[::1]:53:53/udp"]\n');
    const p = parsePort((composeModel(seq).services[0].portsNode as { items: unknown[] }).items[0])!;
    assert.deepEqual([p.hostIp, p.published, p.target, p.protocol], ['::1', '53', '53', 'udp']);
    assert.deepEqual(splitImage('registry:5000/team/app:1.2@sha256:abc'), { name: 'registry:5000/team/app', tag: '1.2', digest: 'sha256:abc', nameEnd: 22 });
    assert.deepEqual(splitImage('redis'), { name: 'redis', digest: undefined, nameEnd: 5 });
    const api = cm(text, 'deploy/compose.yaml').serviceByName.get('api')!;
    assert.equal(dockerfilePath('deploy/compose.yaml', api), 'deploy/api/Dockerfile.prod');
  });

  it('knows one-shot services, user-handling images and secret literals', () => {
    const m = cm('services:\n  db-migrate:\n    image: a:1\n  api:\n    image: a:1\n');
    assert.deepEqual(m.services.map(isOneShot), [true, false]);
    assert.ok(imageHandlesUser('postgres:16'));
    assert.ok(imageHandlesUser('bitnami/redis:7'));
    assert.ok(!imageHandlesUser('ghcr.io/acme/api:1'));
    assert.equal(secretLiteral('DB_PASSWORD', 'hunter22'), 'a literal secret');
    assert.equal(secretLiteral('DB_PASSWORD', '${DB_PASSWORD}'), undefined);
    assert.equal(secretLiteral('DB_PASSWORD_FILE', '/run/secrets/db'), undefined);
    assert.equal(secretLiteral('ALLOW_EMPTY_PASSWORD', 'yes'), undefined);
    assert.equal(secretLiteral('URL', 'postgres://app:s3cret@db/app'), 'password in a URL');
    assert.equal(secretLiteral('ANYTHING', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'), 'GitHub token');
  });

  it('handles empty and odd files', () => {
    for (const t of ['', '\n', '# only a comment\n', 'services:\n', 'services: [a]\n', '- a\n', 'services:\n  a:\n']) {
      const m = cm(t);
      assert.ok(Array.isArray(m.services));
    }
  });

  it('resolves merge keys in plain data', () => {
    assert.deepEqual(resolveMergeKeys({ a: { '<<': [{ x: 1 }, { y: 2 }], x: 3 } }), { a: { x: 3, y: 2 } });
  });

  it('converts plain data as toJS and resolveMergeKeys do, and sees what is not plain', () => {
    const plain = [
      'services:\n  a:\n    image: a:1\n    ports: ["80:80", 8080]\n    environment: { A: 1, B: ~, C: "", D: true, E: 1.5, F: 0x1F, G: .inf }\n',
      'services:\n  a:\n    command: [sh, -c, "echo $$x"]\n    healthcheck:\n      test: |\n        curl -f x\n    x:\n    y: [ ]\n    z: {}\n',
      'x: 1\nx: 2\n1: a\n2.5: b\ntrue: c\n~: d\nconstructor: e\ntoString: f\nhasOwnProperty: g\n"": h\n',
      'services:\n  a: &anchored\n    image: a:1\n',
      'list:\n  - \n  - [a, [b, {c: d}]]\n  - { ? e }\n',
      '',
      '# only a comment\n',
    ];
    const notPlain = [
      'x-common: &c\n  image: a:1\nservices:\n  a:\n    <<: *c\n',
      'services:\n  a:\n    image: !!str 1\n',
      'services: !!map\n  a: {}\n',
      'a: &a [1]\nb: *a\n',
      '? [a, b]\n: c\n',
      '__proto__: {image: a}\n',
      '%YAML 1.1\n---\na: 2001-12-14\n',
      'a: !!set {x}\n',
    ];
    for (const text of [...plain, ...notPlain]) {
      const f = new SourceFile('compose.yaml', text);
      const m = composeModel(f);
      assert.equal(m.plainData, plain.includes(text), text);
      if (!m.plainData || f.yaml.errors.length) continue;
      const doc = f.yaml.docs[0]?.doc;
      const expected = doc ? resolveMergeKeys(doc.toJS({ maxAliasCount: 100 })) : undefined;
      assert.deepEqual(plainToJS(doc?.contents), expected, text);
    }
  });
});
