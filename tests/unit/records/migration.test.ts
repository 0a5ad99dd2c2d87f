import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { DB_FILE, openDatabase } from '../../../src/core/db/open';
import { installation, installationIdFor } from '../../../src/core/records/identity';
import { tempDir } from '../support/temp';

describe('migration 004: the installation identity', () => {
  it('adds the table to a version 3 database, keeps its data, and makes one identity on first use', () => {
    const dir = tempDir();
    const old = new Database(join(dir, DB_FILE));
    migrate(
      old,
      dir,
      migrations.filter((m) => m.version <= 3),
    );
    old
      .prepare("INSERT INTO profiles (name, unit, created_at) VALUES ('王五', '省纪委', '2026-01-01T00:00:00.000Z')")
      .run();
    old.close();

    const { db } = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(db.prepare('SELECT name FROM profiles').get()).toEqual({ name: '王五' });
    expect(db.prepare('SELECT count(*) AS n FROM installation').get()).toEqual({ n: 0 });
    const clock = { now: () => new Date('2026-02-01T00:00:00.000Z') };
    const first = installation(db, clock);
    expect(first.id).toBe(installationIdFor(first.publicKey));
    expect(first.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(installation(db, clock)).toEqual(first);
    expect(db.prepare('SELECT count(*) AS n, created_at FROM installation').get()).toEqual({
      n: 1,
      created_at: '2026-02-01T00:00:00.000Z',
    });
    db.close();
  });
});
