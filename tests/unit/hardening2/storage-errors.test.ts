import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, storageError } from '../../../src/core/db/open';
import { Core } from '../../../src/core/core';
import { miniPack } from '../hardening/support';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';
import { fillDisk, mountTmpfs } from './disk';

describe('item 3: a full, over-quota or read-only disk is reported as such, for where it happens', () => {
  it('maps the file system errno values, not only SQLite codes', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'SQLITE_FULL', 'SQLITE_READONLY']) {
      expect(storageError({ code }, '/data'), code).toMatchObject({ code: 'STORAGE' });
    }
    expect(storageError({ code: 'ENOSPC' }, '/data', 'upload')?.detail).toMatchObject({
      reason: 'storage.full.upload',
      code: 'ENOSPC',
      dataDir: '/data',
    });
    expect(storageError({ code: 'ENOENT' }, '/data')).toBeNull();
  });

  it('an upload chunk on a full tmpfs answers STORAGE "could not be received", not INTERNAL', async () => {
    const dataDir = tempDir('study-full-upload-');
    expect(mountTmpfs(dataDir, '4m'), 'tmpfs mount (root)').toBe(true);
    const { core, dispatch, call } = await openCore(dataDir, { withBuiltin: false });
    const bytes = (await miniPack()).bytes;
    const { uploadId } = await call('library.uploadBegin', { fileName: 'm.studypack', size: bytes.length });
    const filler = fillDisk(dataDir);
    const reply = await dispatch('library.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', message: /full.*could not be received/, detail: { reason: 'storage.full.upload' } },
    });
    rmSync(filler);
    core.close();
  });

  it('a start-up that must write on a full disk says the app cannot start, not "this change was not saved"', async () => {
    const dataDir = tempDir('study-full-start-');
    expect(mountTmpfs(dataDir, '8m'), 'tmpfs mount (root)').toBe(true);
    const first = await openCore(dataDir, { withBuiltin: false });
    await first.call('profiles.create', { name: '张三', unit: 'x' });
    first.core.close();
    // An older schema, so the start-up has to write (backup, migration) on the full disk.
    const db = new Database(join(dataDir, DB_FILE));
    db.exec('DROP TABLE IF EXISTS pin_attempts; DROP TABLE IF EXISTS pack_content_digests; PRAGMA user_version = 3;');
    db.close();
    fillDisk(dataDir);
    const error = await Core.open({ dataDir, appName: 'x', appVersion: 'test' }).then(
      () => null,
      (e: unknown) => e as Error & { code: string; detail?: Record<string, unknown> },
    );
    expect(error).toMatchObject({ code: 'STORAGE', detail: { reason: 'storage.full.startup' } });
    expect(error!.message).not.toMatch(/this change was not saved/);
    expect(error!.message).toMatch(/full.*cannot start/);
  });
});
