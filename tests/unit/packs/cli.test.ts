import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/studypack';
import { buildPack } from '../../../src/core/packs/build';
import { fingerprint, generateKeyPair, parsePublicKeyFile } from '../../../src/core/packs/keys';
import { verifyPack } from '../../../src/core/packs/verify';
import { MINI, miniCopy, tempDir } from './helpers/pack';

const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'studypack.mjs');

/** The real thing: a node process through the bin shim (slow-ish: tsx compiles on start). */
function spawned(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same CLI in-process, for the many small cases. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('studypack CLI, spawned through bin/studypack.mjs', () => {
  const dir = tempDir();
  const pack = join(dir, 'mini.studypack');

  it('help exits 0, a usage error exits 2', () => {
    const help = spawned(dir, '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/studypack build <folder> --key/);
    expect(spawned(dir, 'verify')).toMatchObject({ code: 2, err: expect.stringMatching(/takes 1 argument/) });
  });

  it('keygen, build, verify --trust and inspect work end to end (exit 0)', async () => {
    const k = spawned(dir, 'keygen', '-o', 'publisher');
    expect(k.code, k.err).toBe(0);
    const pub = parsePublicKeyFile(readFileSync(join(dir, 'publisher.pub'), 'utf8'));
    expect(k.out).toContain(fingerprint(pub));
    expect(statSync(join(dir, 'publisher.key')).mode & 0o777).toBe(0o600);

    const b = spawned(dir, 'build', MINI, '--key', 'publisher.key', '-o', pack);
    expect(b.code, b.err).toBe(0);
    const bytes = readFileSync(pack);
    expect(bytes.equals(await buildPack(MINI, readFileSync(join(dir, 'publisher.key'), 'utf8')))).toBe(true);

    const v = spawned(dir, 'verify', pack, '--trust', 'publisher.pub');
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/^OK .*\nPack: +mini-pack 1\.2\.0/);
    expect(v.out).toContain(fingerprint(pub));

    const i = spawned(dir, 'inspect', pack);
    expect(i.code, i.err).toBe(0);
    expect(i.out).toMatch(/s1 {2}第一讲：学习方法\n\s+2 key points, 2 questions \(1 single, 1 truefalse\)/);
  });

  it('verify exits 1 for a tampered pack, naming the file and the entry', async () => {
    const dir = tempDir(); // its own pack: the test passes alone and in any order
    const bytes = await buildPack(MINI, generateKeyPair().privateKeyPem);
    bytes[bytes.indexOf(Buffer.from('manifest.json')) + 40]! ^= 0xff; // inside manifest.json's data
    writeFileSync(join(dir, 'tampered.studypack'), bytes);
    const r = spawned(dir, 'verify', 'tampered.studypack');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^studypack: tampered\.studypack: "manifest\.json": .*\[PACK_INVALID\//);
  });
});

describe('studypack CLI, in-process main()', () => {
  /** Each test makes its own folder, keys and packs: none relies on another having run first. */
  const folder = () => {
    const dir = tempDir();
    return (name: string) => join(dir, name);
  };
  /** A folder with a key pair "signer" and a pack p.studypack it signed. */
  const signed = async () => {
    const at = folder();
    expect((await run('keygen', '-o', at('signer'))).code).toBe(0);
    expect((await run('build', MINI, '--key', at('signer.key'), '-o', at('p.studypack'))).code).toBe(0);
    return at;
  };

  it('exits 2 for every kind of usage error', async () => {
    const cases = [
      [],
      ['frob'],
      ['verify'],
      ['verify', 'a', 'b'],
      ['verify', 'x', '--bogus'],
      ['build', MINI, '-o', 'x'],
      ['build', MINI, '--key', 'k'],
      ['inspect', 'x', '--trust', 'k'],
      ['keygen', 'extra'],
    ];
    for (const args of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/Run "studypack --help"/);
    }
    expect((await run('help')).code).toBe(0);
  });

  it('keygen refuses to overwrite, and accepts a folder for -o', async () => {
    const at = folder();
    expect((await run('keygen', '-o', at('pub'))).code).toBe(0);
    const again = await run('keygen', '-o', at('pub'));
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/pub\.key: already exists/) });
    mkdirSync(at('keys'));
    expect((await run('keygen', '-o', at('keys'))).code).toBe(0);
    expect(statSync(join(at('keys'), 'studypack.key')).isFile()).toBe(true);
  });

  it('verify --trust exits 1 when another key signed the pack', async () => {
    const at = await signed();
    await run('keygen', '-o', at('stranger'));
    expect((await run('verify', at('p.studypack'), '--trust', at('signer.pub'))).code).toBe(0);
    const r = await run('verify', at('p.studypack'), '--trust', at('stranger.pub'));
    expect(r).toMatchObject({
      code: 1,
      err: expect.stringMatching(/signed by SHA256:.*not by the trusted key .*stranger\.pub/),
    });
    expect((await run('verify', at('p.studypack'), '--trust', at('signer.key'))).code).toBe(1); // not a public key file
  });

  it('exits 1 for missing files, bad keys and invalid folders, naming file and line', async () => {
    const at = await signed();
    expect(await run('verify', at('nope.studypack'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/nope\.studypack: no such file/),
    });
    const folder = miniCopy();
    const session = join(folder, 'sessions/s1/session.json');
    writeFileSync(session, readFileSync(session, 'utf8').replace('"passMark": 0.5,', '"passMark": 0.5,,'));
    const r = await run('build', folder, '--key', at('signer.key'), '-o', at('broken.studypack'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${folder}/sessions/s1/session.json:7:21: JSON syntax error`);
    expect(() => statSync(at('broken.studypack'))).toThrow();
    expect(await run('build', folder, '--key', at('signer.pub'), '-o', at('x.studypack'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/signer\.pub: The private key is not a PKCS#8 PEM key/),
    });
  });

  it('inspect lists sessions with counts, files with sizes, and the fingerprint', async () => {
    const at = await signed();
    const r = await run('inspect', at('p.studypack'));
    expect(r.code, r.err).toBe(0);
    const fp = (await verifyPack(readFileSync(at('p.studypack')))).fingerprint;
    expect(r.out).toContain(`Key:         ${fp}`);
    expect(r.out).toMatch(
      /s2 {2}Session two: practice\n\s+1 key points, 2 questions \(1 multiple, 1 fill\), pass mark 100%/,
    );
    expect(r.out).toMatch(/Files \(8;/);
    expect(r.out).toMatch(/\d+ +\d+ {2}source\/article\.txt/);
  });

  it('builds, verifies and inspects a translated pack (the built-in pack in English and Chinese)', async () => {
    const at = folder();
    expect((await run('keygen', '-o', at('builtin'))).code).toBe(0);
    const out = at('builtin.studypack');
    const b = await run(
      'build',
      resolve(__dirname, '../../../packs/training-class'),
      '--key',
      at('builtin.key'),
      '-o',
      out,
    );
    expect(b.code, b.err).toBe(0);
    expect((await run('verify', out, '--trust', at('builtin.pub'))).code).toBe(0);
    const i = await run('inspect', out);
    expect(i.out).toMatch(
      /Language: +en\nTranslation: zh-CN {2}湖北专题培训班 \(6 sessions, source aligned in 20 sentences\)/,
    );
    expect(i.out).toMatch(/\d+ +\d+ {2}translations\/zh-CN\.json/);
  });
});
