import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/core/db/backup';
import { migrate } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { DB_FILE, openDatabase } from '../../../src/core/db/open';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';

describe('migrations', () => {
  it('creates the newest schema on an empty folder', () => {
    const dir = tempDir();
    const { db } = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  /** A database left by an older app: schema up to `version`, with a participant and a note. */
  function databaseAt(version: number): string {
    const dir = tempDir();
    const old = new Database(join(dir, DB_FILE));
    migrate(
      old,
      dir,
      migrations.filter((m) => m.version <= version),
    );
    old
      .prepare("INSERT INTO profiles (name, unit, created_at) VALUES ('王五', '省纪委', '2026-01-01T00:00:00.000Z')")
      .run();
    old
      .prepare(
        "INSERT INTO notes (profile_id, pack_id, session_id, text, updated_at) VALUES (1, 'p', 's1', '自我革命永远在路上', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    old.close();
    return dir;
  }

  it.each(migrations.slice(0, -1).map((m) => m.version))(
    'upgrades a database made by schema version %i, keeping its data, after a backup',
    (version) => {
      const dir = databaseAt(version);
      const { db } = openDatabase(dir);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
      expect(db.prepare('SELECT name FROM profiles').get()).toEqual({ name: '王五' });
      expect(db.prepare('SELECT text FROM notes').get()).toEqual({ text: '自我革命永远在路上' });
      // Notes are found by the search index after the upgrade: v5 rebuilds it from the notes table (a
      // database made at v5 or later had its index written by the app, which this raw seed skips).
      if (version < 5) {
        expect(db.prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH '自我革命'").get()).toEqual({
          n: 1,
        });
      }
      db.close();
      expect(listBackups(dir).some((b) => b.includes('before-v'))).toBe(true);
    },
  );

  it('rolls back every pending migration when one fails', () => {
    const dir = tempDir();
    const db = new Database(join(dir, DB_FILE));
    const broken = [
      ...migrations,
      { version: 99, name: 'broken', up: 'CREATE TABLE x (a); SELECT * FROM missing_table;' },
    ];
    expect(() => migrate(db, dir, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'profiles'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer app version, leaving it untouched', () => {
    const dir = tempDir();
    const db = new Database(join(dir, DB_FILE));
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer version/);
    const again = new Database(join(dir, DB_FILE));
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    again.close();
  });
});

describe('integrity check and restore', () => {
  it('sets a corrupt database aside, restores the newest good backup and tells the user', async () => {
    const dir = tempDir();
    const first = await openCore(dir);
    await first.call('profiles.create', { name: '赵六', unit: '省委组织部' });
    first.core.close(); // writes a backup on quit

    // Overwrite the middle of the database file with garbage, as a failing disk would.
    const file = join(dir, DB_FILE);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096);
    closeSync(fd);

    const second = await openCore(dir);
    const info = await second.call('app.info', {});
    expect(info.notices.map((n) => n.code)).toEqual(['DB_RESTORED']);
    const profiles = await second.call('profiles.list', {});
    expect(profiles.profiles.map((p) => p.name)).toEqual(['赵六']);
    expect(readdirSync(join(dir, 'corrupt')).length).toBeGreaterThan(0);
    second.core.close();
  });

  it('never resets silently: without a backup it keeps the damaged file and says so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), Buffer.alloc(10000, 0x42));
    const { call, core } = await openCore(dir);
    const info = await call('app.info', {});
    expect(info.notices.map((n) => n.code)).toEqual(['DB_RESET_NO_BACKUP']);
    expect(existsSync(join(dir, 'corrupt'))).toBe(true);
    core.close();
  });
});

describe('rotating backups', () => {
  it('copies the database at start-up only when the newest backup is more than a day old', async () => {
    const dir = tempDir();
    const first = await openCore(dir);
    await first.call('profiles.create', { name: '钱七', unit: '省委办公厅' });
    first.core.close(); // the backup on quit
    const startups = () => listBackups(dir).filter((b) => b.includes('-startup')).length;

    (await openCore(dir)).core.close();
    expect(startups()).toBe(0);

    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    for (const b of listBackups(dir)) utimesSync(b, twoDaysAgo, twoDaysAgo);
    (await openCore(dir)).core.close();
    expect(startups()).toBe(1);
  });
});
