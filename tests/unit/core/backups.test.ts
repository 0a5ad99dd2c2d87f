import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, writeBackup } from '../../../src/core/db/backup';
import { DB_FILE, openDatabase } from '../../../src/core/db/open';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';

/** Garbage over part of a file, as a failing disk would leave it. */
function damage(file: string, at: number) {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, at);
  closeSync(fd);
}

const names = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM profiles ORDER BY id').all() as { name: string }[]).map((p) => p.name);
  } finally {
    db.close();
  }
};

describe('durability settings', () => {
  it('opens the database with synchronous=FULL, so a commit reported as saved survives a power loss', async () => {
    const { db } = openDatabase(tempDir());
    // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA); NORMAL in WAL mode may lose the last commits.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    const { core } = await openCore();
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    core.close();
  });
});

describe('backups', () => {
  it('writes one on quit that holds what was saved', async () => {
    const dir = tempDir();
    const { core, call } = await openCore(dir);
    await call('profiles.create', { name: '钱七', unit: '省委办公厅' });
    expect(listBackups(dir)).toEqual([]);
    core.close();
    const backups = listBackups(dir);
    expect(backups.map((b) => basename(b))).toEqual([expect.stringMatching(/^progress-.*-quit\.sqlite$/)]);
    expect(names(backups[0]!)).toEqual(['钱七']);
  });

  it('keeps the five newest copies', () => {
    const dir = tempDir();
    const { db } = openDatabase(dir);
    const written = Array.from({ length: 7 }, (_, i) => writeBackup(db, dir, `test${i}`));
    db.close();
    // Newest first; the two oldest were removed.
    expect(listBackups(dir)).toEqual(written.slice(2).reverse());
  });

  it('restores the newest healthy backup when the newest one is damaged too', async () => {
    const dir = tempDir();
    const first = await openCore(dir);
    await first.call('profiles.create', { name: '甲', unit: '单位一' });
    first.core.close(); // backup holding 甲
    const second = await openCore(dir);
    await second.call('profiles.create', { name: '乙', unit: '单位二' });
    second.core.close(); // backup holding 甲 and 乙
    const [newest, older] = listBackups(dir);
    expect(names(older!)).toEqual(['甲']);
    damage(newest!, 0);
    damage(join(dir, DB_FILE), 4096);

    const third = await openCore(dir);
    const notices = (await third.call('app.info', {})).notices;
    expect(notices.map((n) => n.code)).toEqual(['DB_RESTORED']);
    expect(notices[0]!.message).toContain(older!);
    expect((await third.call('profiles.list', {})).profiles.map((p) => p.name)).toEqual(['甲']);
    third.core.close();
  });
});
