import Database from 'better-sqlite3';
import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, writeBackup } from '../../../src/core/db/backup';
import { DB_FILE } from '../../../src/core/db/open';
import { migrations } from '../../../src/core/db/migrations';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';

async function studiedDataDir() {
  const dataDir = tempDir('study-empty-');
  const { core, call } = await openCore(dataDir);
  await call('profiles.create', { name: '张三', unit: '省委组织部' });
  await call('note.save', { sessionId: 's1', text: '要保住的笔记' });
  core.close(); // writes the quit backup that holds the note
  return dataDir;
}

describe('item 1: an empty or schema-less database where the app has run before is damage', () => {
  it.each([
    ['zero-length', (file: string) => truncateSync(file, 0)],
    [
      'schema-less (a valid SQLite file without tables)',
      (file: string) => {
        writeFileSync(file, '');
        const db = new Database(file);
        db.pragma('page_size = 4096');
        db.exec('VACUUM');
        db.close();
      },
    ],
  ])('%s: set aside, the newest backup with progress restored, the participant told', async (_what, damage) => {
    const dataDir = await studiedDataDir();
    damage(join(dataDir, DB_FILE));
    const { core, call } = await openCore(dataDir);
    expect(core.notices).toEqual([expect.objectContaining({ code: 'DB_RESTORED' })]);
    expect(readdirSync(join(dataDir, 'corrupt')).length).toBeGreaterThan(0);
    const { profiles } = await call('profiles.list', {});
    expect(profiles.map((p) => p.name)).toEqual(['张三']);
    await call('profiles.select', { id: profiles[0]!.id });
    expect(await call('session.get', { sessionId: 's1' })).toMatchObject({ note: { text: '要保住的笔记' } });
    core.close();
  });

  it('a first start (no backup yet) with an empty file is just a first start', async () => {
    const dataDir = tempDir('study-first-');
    writeFileSync(join(dataDir, DB_FILE), '');
    const { core } = await openCore(dataDir);
    expect(core.notices).toEqual([]);
    expect(existsSync(join(dataDir, 'corrupt'))).toBe(false);
    core.close();
  });
});

describe('item 1: rotation never pushes out the last backup that holds progress', () => {
  it('ten backups without progress leave the newest one with progress in place', async () => {
    const dataDir = await studiedDataDir();
    const withProgress = listBackups(dataDir);
    expect(withProgress).toHaveLength(1);
    const empty = new Database(':memory:');
    for (const m of migrations) if (typeof m.up === 'string') empty.exec(m.up);
    for (let i = 0; i < 10; i++) writeBackup(empty, dataDir, `quit${i}`);
    empty.close();
    const kept = listBackups(dataDir);
    expect(kept).toContain(withProgress[0]);
    expect(kept.length).toBeLessThanOrEqual(6);
    // Restoring picks it over the newer empty ones.
    truncateSync(join(dataDir, DB_FILE), 0);
    const { core, call } = await openCore(dataDir);
    expect((await call('profiles.list', {})).profiles).toHaveLength(1);
    core.close();
  });
});
