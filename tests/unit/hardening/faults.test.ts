import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/core/api/dispatch';
import { Core, type CoreOptions } from '../../../src/core/core';
import { DB_FILE, openDatabase, storageError } from '../../../src/core/db/open';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { AppError } from '../../../src/shared/errors';
import { tempDir } from '../support/temp';
import { childEnv, MINI, miniPack, repoRoot } from './support';

// ---- helpers ----------------------------------------------------------------------------------

const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', ['-l', dir]);
});

/** A tmpfs at `dir` (root only; containers may refuse): the honest way to get a read-only or full disk. */
function mountTmpfs(dir: string, options: string): boolean {
  if (!isRoot) return false;
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return false;
  mounted.push(dir);
  return true;
}

/**
 * Makes `dir` read-only for this process. Root ignores permission bits, so as root the folder
 * becomes a tmpfs remounted read-only (its content copied in first); otherwise chmod does it.
 */
function makeReadOnly(dir: string): string | null {
  if (!isRoot) {
    spawnSync('chmod', ['-R', 'a-w', dir]);
    return 'chmod a-w';
  }
  const mnt = tempDir('study-ro-');
  if (!mountTmpfs(mnt, 'size=16m')) return null;
  spawnSync('cp', ['-a', `${dir}/.`, mnt]);
  return spawnSync('mount', ['-o', 'remount,ro', mnt]).status === 0 ? mnt : null;
}

async function builtinFor(pack: { bytes: Buffer; publicKey: string }): Promise<NonNullable<CoreOptions['builtin']>> {
  const packFile = join(tempDir('study-builtin-'), 'mini.studypack');
  writeFileSync(packFile, pack.bytes);
  return { packFile, publicKey: pack.publicKey, publisherName: 'Test organisers' };
}

const open = (dataDir: string, builtin?: CoreOptions['builtin']) =>
  Core.open({ dataDir, appName: 'Study Companion', appVersion: 'test', builtin });

async function startWith(dataDir: string, builtin?: CoreOptions['builtin']) {
  const core = await open(dataDir, builtin);
  const dispatch = createDispatch(core, () => {});
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(name, input);
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
    return r.value as Record<string, unknown>;
  };
  return { core, dispatch, call };
}

/** A running browser host CLI (bundled), resolved once it printed its URL or exited. */
function startCli(script: string, dataDir: string, resourcesDir: string) {
  const child = spawn(
    process.execPath,
    [
      script,
      '--data',
      dataDir,
      '--port',
      '0',
      '--resources',
      resourcesDir,
      '--renderer',
      join(repoRoot, 'out', 'renderer'),
    ],
    { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<{ started: boolean; code: number | null }>((resolve) => {
    child.stdout.on('data', () => {
      if (stdout.includes('(browser host) at http://127.0.0.1:')) resolve({ started: true, code: null });
    });
    child.on('close', (code) => resolve({ started: false, code }));
  });
  return { child, ready, out: () => stdout, err: () => stderr };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('close', (code) => resolve(code));
  });

async function resourcesWithMini(): Promise<string> {
  const pack = await miniPack();
  const dir = tempDir('study-resources-');
  mkdirSync(join(dir, 'builtin'));
  writeFileSync(join(dir, 'builtin', 'mini.studypack'), pack.bytes);
  writeFileSync(
    join(dir, 'builtin', 'builtin.json'),
    JSON.stringify({ packFile: 'mini.studypack', publicKey: pack.publicKey, publisherName: 'Test organisers' }),
  );
  return dir;
}

/** The browser host as `npm run serve` runs it: the built out/main/host.js (npm test builds first). */
const cli = () => join(repoRoot, 'out', 'main', 'host.js');

// ---- read-only data folder ----------------------------------------------------------------------

describe('a read-only data folder', () => {
  it('makes Core.open fail with a STORAGE error that names the folder (fresh folder and existing data)', async () => {
    const withData = tempDir('study-ro-data-');
    const first = await startWith(withData, await builtinFor(await miniPack()));
    await first.call('profiles.create', { name: '张三', unit: '省委组织部' });
    first.core.close();

    for (const source of [withData, tempDir('study-ro-empty-')]) {
      const ro = makeReadOnly(source);
      if (!ro) return expect.soft(ro, 'could not make a read-only folder here (not root and no mount)').not.toBeNull();
      const error = await open(ro).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('STORAGE');
      expect((error as AppError).message).toContain(ro);
      expect((error as AppError).message).toMatch(/read-only|cannot be written/);
    }
    // Nothing was set aside or restored: the data is untouched.
    expect(existsSync(join(withData, 'corrupt'))).toBe(false);
  });

  it('makes the browser host CLI print the reason and exit 1', async () => {
    const ro = makeReadOnly(tempDir('study-ro-cli-'));
    expect(ro, 'a read-only folder (root with mount, or a non-root user)').not.toBeNull();
    const host = startCli(cli(), ro!, await resourcesWithMini());
    const { started, code } = await host.ready;
    expect(started).toBe(false);
    expect(code).toBe(1);
    expect(host.err()).toMatch(/^Cannot start the study companion: .*data folder/m);
    expect(host.err()).toContain(ro!);
  }, 30_000);
});

// ---- full disk ----------------------------------------------------------------------------------

describe('a full disk', () => {
  it('refuses the write with an error reply, keeps what was saved, and works again once space is free', async () => {
    const dataDir = tempDir('study-full-');
    const viaTmpfs = mountTmpfs(dataDir, 'size=3m');
    const { core, dispatch, call } = await startWith(dataDir, await builtinFor(await miniPack()));
    await call('profiles.create', { name: '李四', unit: '省纪委' });
    await call('note.save', { sessionId: 's1', text: 'saved before the disk filled up' });

    let filler: string | null = null;
    if (viaTmpfs) {
      // Fill the tmpfs to the last byte.
      filler = join(dataDir, 'filler.bin');
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(16 * 1024, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
    } else {
      // No tmpfs possible here: SQLite's own limit makes the database "full" (SQLITE_FULL all the same).
      const pages = core.db.pragma('page_count', { simple: true }) as number;
      core.db.pragma(`max_page_count = ${pages}`);
    }

    const big = '满'.repeat(90_000);
    const reply = await dispatch('note.save', { sessionId: 's2', text: big });
    expect(reply.ok).toBe(false);
    // STORAGE once the dispatcher maps SQLite's disk errors (storageError in src/core/db/open.ts);
    // until then the generic INTERNAL reply. Either way a typed reply, never a throw.
    if (!reply.ok) expect(['STORAGE', 'INTERNAL']).toContain(reply.error.code);

    // The quit backup cannot be written either: closing must still close the database, not throw.
    expect(() => core.close()).not.toThrow();

    if (filler) rmSync(filler);
    const again = await startWith(dataDir);
    expect(again.core.notices, 'no recovery was needed').toEqual([]);
    const db = again.core.db;
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const notes = db.prepare('SELECT session_id, text FROM notes ORDER BY session_id').all();
    expect(notes).toEqual([{ session_id: 's1', text: 'saved before the disk filled up' }]);
    if (!viaTmpfs) db.pragma('max_page_count = 1073741823');
    await again.call('note.save', { sessionId: 's2', text: big });
    again.core.close();
    console.log(`full disk simulated with ${viaTmpfs ? 'a 3 MiB tmpfs' : "SQLite's max_page_count"}`);
  }, 30_000);

  it('maps SQLite disk errors to a STORAGE message a participant can act on', () => {
    expect(storageError({ code: 'SQLITE_FULL' }, '/data')).toMatchObject({ code: 'STORAGE', message: /full/ });
    expect(storageError({ code: 'SQLITE_READONLY' }, '/data')?.code).toBe('STORAGE');
    expect(storageError({ code: 'SQLITE_IOERR_WRITE' }, '/data')?.code).toBe('STORAGE');
    expect(storageError({ code: 'SQLITE_CONSTRAINT' }, '/data')).toBeNull();
    expect(storageError(new Error('x'), '/data')).toBeNull();
  });
});

// ---- two hosts on one folder --------------------------------------------------------------------

describe('a second browser host on the same data folder', () => {
  it("is refused with a clear error while the first runs, and a crashed host's lock is taken over", async () => {
    const dataDir = tempDir('study-lock-');
    const resources = await resourcesWithMini();
    const first = startCli(cli(), dataDir, resources);
    expect((await first.ready).started, first.err()).toBe(true);
    try {
      const second = startCli(cli(), dataDir, resources);
      const r = await second.ready;
      expect(r).toEqual({ started: false, code: 1 });
      expect(second.err()).toContain(`is in use by another running copy of the app (process ${first.child.pid})`);
    } finally {
      first.child.kill('SIGKILL'); // a crash: the lock file stays behind
      await exited(first.child);
    }
    expect(existsSync(join(dataDir, 'host.lock'))).toBe(true);
    const third = startCli(cli(), dataDir, resources);
    expect((await third.ready).started, third.err()).toBe(true);
    third.child.kill('SIGTERM'); // a clean stop removes the lock
    expect(await exited(third.child)).toBe(0);
    expect(existsSync(join(dataDir, 'host.lock'))).toBe(false);
  }, 60_000);
});

// ---- damaged built-in pack ----------------------------------------------------------------------

describe('a damaged built-in pack file', () => {
  const damage: Record<string, (file: string) => void> = {
    truncated: (f) => truncateSync(f, Math.floor(readFileSync(f).length / 2)),
    'bytes flipped': (f) => {
      const b = readFileSync(f);
      for (let i = 200; i < 260; i++) b[i] = b[i]! ^ 0xff;
      writeFileSync(f, b);
    },
    empty: (f) => writeFileSync(f, ''),
    missing: (f) => rmSync(f),
    'random bytes': (f) => writeFileSync(f, Buffer.alloc(4000, 0x5a)),
  };

  for (const [kind, harm] of Object.entries(damage)) {
    it(`(${kind}) leaves the app starting, the installed content working, and says PACK_FILE_DAMAGED`, async () => {
      const dataDir = tempDir('study-damaged-');
      const builtin = await builtinFor(await miniPack());
      const first = await startWith(dataDir, builtin);
      await first.call('profiles.create', { name: '王五', unit: '省委党校' });
      await first.call('note.save', { sessionId: 's1', text: '我的心得' });
      first.core.close();

      harm(builtin.packFile);
      const { core, call } = await startWith(dataDir, builtin);
      try {
        const info = await call('app.info', {});
        const notices = info.notices as { code: string; message: string }[];
        expect(notices.map((n) => n.code)).toEqual(['PACK_FILE_DAMAGED']);
        expect(notices[0]!.message).toContain(builtin.packFile);
        expect(notices[0]!.message).toMatch(/already installed .* unaffected/);
        const list = await call('library.list', {});
        expect((list.packs as { id: string }[]).map((p) => p.id)).toEqual(['mini-pack']);
        const session = await call('session.get', { sessionId: 's1' });
        expect(session.material).toContain('Study in small steps every day.');
        expect((session.note as { text: string }).text).toBe('我的心得');
      } finally {
        core.close();
      }
    });
  }

  it('refuses a replacement file signed by another key (installed content stays, notice shown)', async () => {
    const dataDir = tempDir('study-swapped-');
    const builtin = await builtinFor(await miniPack());
    const first = await startWith(dataDir, builtin);
    first.core.close();

    // A well-formed pack, newer version, but signed by somebody else.
    const folder = join(tempDir('study-swap-src-'), 'mini');
    spawnSync('cp', ['-a', MINI, folder]);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { version: string };
    manifest.version = '9.9.9';
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(builtin.packFile, await buildPack(folder, generateKeyPair().privateKeyPem));

    const { core, call } = await startWith(dataDir, builtin);
    try {
      expect(core.notices.map((n) => n.code)).toEqual(['PACK_FILE_DAMAGED']);
      const list = await call('library.list', {});
      expect((list.packs as { version: string }[]).map((p) => p.version)).toEqual(['1.2.0']);
      const publishers = core.db.prepare('SELECT count(*) AS n FROM publishers').get() as { n: number };
      expect(publishers.n, 'the foreign key was not trusted').toBe(1);
    } finally {
      core.close();
    }
  });

  it('still starts on a first run with a damaged file, saying there is no material yet', async () => {
    const builtin = await builtinFor(await miniPack());
    damage.truncated!(builtin.packFile);
    const { core, call } = await startWith(tempDir('study-damaged-first-'), builtin);
    try {
      expect(core.notices.map((n) => n.code)).toEqual(['PACK_FILE_DAMAGED']);
      expect(core.notices[0]!.message).toMatch(/No study material is installed yet/);
      expect((await call('library.list', {})).packs).toEqual([]);
    } finally {
      core.close();
    }
  });
});

// ---- a database this process cannot open is not "corrupt" ---------------------------------------

describe('a native binding that does not load', () => {
  it('is a STORAGE error and leaves the healthy database where it is (never set aside as corrupt)', async () => {
    const dataDir = tempDir('study-abi-');
    const first = await startWith(dataDir, await builtinFor(await miniPack()));
    await first.call('profiles.create', { name: '赵六', unit: '省委组织部' });
    first.core.close();
    const before = readFileSync(join(dataDir, DB_FILE));

    const bogus = join(tempDir('study-abi-bin-'), 'better_sqlite3.node');
    writeFileSync(bogus, 'not a shared object');
    expect(() => openDatabase(dataDir, bogus)).toThrow(expect.objectContaining({ code: 'STORAGE' }));
    expect(existsSync(join(dataDir, 'corrupt'))).toBe(false);
    expect(readFileSync(join(dataDir, DB_FILE)).equals(before)).toBe(true);
    const db = new Database(join(dataDir, DB_FILE), { readonly: true });
    expect(db.prepare('SELECT name FROM profiles').all()).toEqual([{ name: '赵六' }]);
    db.close();
    expect(readdirSync(dataDir)).not.toContain('corrupt');
  });
});
