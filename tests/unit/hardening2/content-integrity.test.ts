import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/core/api/dispatch';
import { Core } from '../../../src/core/core';
import { DB_FILE } from '../../../src/core/db/open';
import { contentDigest } from '../../../src/core/library/content-digest';
import { miniPack } from '../hardening/support';
import { tempDir } from '../support/temp';

// 16 bytes of a stored question changed: the answer key and its explanation.
const ORIGINAL = '"explanation":"Small steps every day."';
const ALTERED_ = '"explanation":"Small steps every YEAR"';

/** Replaces every copy of `from` in the file with `to` (same length): a change SQLite's checks cannot see. */
function flipInPlace(file: string, from: string, to: string): number {
  const bytes = readFileSync(file);
  const a = Buffer.from(from);
  let n = 0;
  for (let i = bytes.indexOf(a); i >= 0; i = bytes.indexOf(a, i + 1), n++) Buffer.from(to).copy(bytes, i);
  writeFileSync(file, bytes);
  return n;
}

async function builtinOptions() {
  const pack = await miniPack();
  const packFile = join(tempDir('study-builtin-'), 'mini.studypack');
  writeFileSync(packFile, pack.bytes);
  return { packFile, publicKey: pack.publicKey, publisherName: 'Test organisers' };
}

const open = (dataDir: string, builtin?: Awaited<ReturnType<typeof builtinOptions>>) =>
  Core.open({ dataDir, appName: 'x', appVersion: 'test', builtin });

const quickCheck = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return [db.pragma('quick_check', { simple: true }), db.pragma('integrity_check', { simple: true })];
  } finally {
    db.close();
  }
};

describe('item 2: installed pack content is checked against what was signed', () => {
  it('content altered inside row data (passing quick_check) is re-installed from the shipped pack file', async () => {
    const dataDir = tempDir('study-digest-');
    const builtin = await builtinOptions();
    (await open(dataDir, builtin)).close();
    expect(flipInPlace(join(dataDir, DB_FILE), ORIGINAL, ALTERED_)).toBeGreaterThan(0);
    expect(quickCheck(join(dataDir, DB_FILE))).toEqual(['ok', 'ok']);

    const core = await open(dataDir, builtin);
    expect(core.notices.map((n) => n.code)).toEqual(['PACK_CONTENT_REPAIRED']);
    const q = core.db.prepare("SELECT data FROM questions WHERE id = 'q-single'").get() as { data: string };
    expect(JSON.parse(q.data)).toMatchObject({ explanation: 'Small steps every day.' });
    core.close();
  });

  it('an imported pack whose content was altered is never graded; the participant is told', async () => {
    const dataDir = tempDir('study-digest-import-');
    const first = await open(dataDir);
    await first.library.installBytes((await miniPack()).bytes, 'mini.studypack', {
      trustPublisher: true,
      allowDowngrade: false,
    });
    const d1 = createDispatch(first, () => {});
    await d1('profiles.create', { name: '张三', unit: 'x' });
    const started = await d1('quiz.start', { sessionId: 's1' });
    first.close();
    expect(flipInPlace(join(dataDir, DB_FILE), ORIGINAL, ALTERED_)).toBeGreaterThan(0);

    const core = await open(dataDir);
    expect(core.notices.map((n) => n.code)).toEqual(['PACK_CONTENT_ALTERED']);
    const dispatch = createDispatch(core, () => {});
    const refused = { ok: false, error: { detail: { reason: 'library.content.altered', packId: 'mini-pack' } } };
    expect(await dispatch('quiz.start', { sessionId: 's1' })).toMatchObject(refused);
    const attemptId = started.ok ? (started.value as { attemptId: number }).attemptId : 0;
    expect(
      await dispatch('quiz.answer', { attemptId, questionId: 'q-single', response: { type: 'single', option: 'b' } }),
    ).toMatchObject(refused);
    expect(await dispatch('quiz.submit', { attemptId })).toMatchObject(refused);
    // Importing the signed file again repairs it.
    await core.library.installBytes((await miniPack()).bytes, 'mini.studypack', {
      trustPublisher: false,
      allowDowngrade: false,
    });
    expect(await dispatch('quiz.start', { sessionId: 's1' })).toMatchObject({ ok: true });
    core.close();
  });

  it('the digest covers every content row (one byte in a key point changes it)', async () => {
    const dataDir = tempDir('study-digest-kp-');
    const core = await open(dataDir, await builtinOptions());
    const before = contentDigest(core.db, 'mini-pack');
    core.db.prepare("UPDATE key_points SET text = text || '.' WHERE id = 'kp-steps'").run();
    expect(contentDigest(core.db, 'mini-pack')).not.toBe(before);
    core.close();
  });
});

describe('item 2: a damaged WAL no longer drops the last change in silence', () => {
  it('flipped bytes in the last WAL frame: the participant is told and the WAL is kept as evidence', async () => {
    const dataDir = tempDir('study-wal-');
    const crashed = tempDir('study-wal-crashed-');
    const core = await open(dataDir, await builtinOptions());
    const dispatch = createDispatch(core, () => {});
    await dispatch('profiles.create', { name: '李四', unit: 'x' });
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.db.pragma('wal_autocheckpoint = 0');
    await dispatch('note.save', { sessionId: 's1', text: '最后一次保存' });
    // What a crash at this moment leaves on disk: the database and its WAL, not checkpointed.
    copyFileSync(join(dataDir, DB_FILE), join(crashed, DB_FILE));
    copyFileSync(join(dataDir, `${DB_FILE}-wal`), join(crashed, `${DB_FILE}-wal`));
    core.db.close();

    const wal = join(crashed, `${DB_FILE}-wal`);
    const bytes = readFileSync(wal);
    for (let i = bytes.length - 100; i < bytes.length - 84; i++) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(wal, bytes);
    expect(statSync(wal).size).toBeGreaterThan(32);

    const reopened = await open(crashed);
    expect(reopened.notices.map((n) => n.code)).toContain('DB_WAL_DAMAGED');
    reopened.close();
  });

  it('an intact WAL left by a crash gives no notice', async () => {
    const dataDir = tempDir('study-wal-ok-');
    const crashed = tempDir('study-wal-ok-crashed-');
    const core = await open(dataDir, await builtinOptions());
    core.db.pragma('wal_autocheckpoint = 0');
    await createDispatch(core, () => {})('profiles.create', { name: '王五', unit: 'x' });
    copyFileSync(join(dataDir, DB_FILE), join(crashed, DB_FILE));
    copyFileSync(join(dataDir, `${DB_FILE}-wal`), join(crashed, `${DB_FILE}-wal`));
    core.db.close();
    const reopened = await open(crashed);
    expect(reopened.notices).toEqual([]);
    expect(reopened.profiles.list('local').profiles).toHaveLength(1);
    reopened.close();
  });
});
