import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Notice } from '../../shared/contract/app';
import { AppError } from '../../shared/errors';
import { listBackups, writeBackup } from './backup';
import { migrate } from './migrate';

export const DB_FILE = 'progress.sqlite';

export interface OpenResult {
  db: Database.Database;
  notices: Notice[];
}

function isHealthy(file: string, nativeBinding?: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]!.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Moves a damaged database (and its WAL/SHM companions) aside; it is evidence, never deleted. */
function setAside(dataDir: string, file: string): string {
  const dir = join(dataDir, 'corrupt');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${DB_FILE}.${stamp}`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

function recover(dataDir: string, file: string, nativeBinding?: string): Notice {
  const keptAt = setAside(dataDir, file);
  const at = new Date().toISOString();
  const backup = listBackups(dataDir).find((b) => isHealthy(b, nativeBinding));
  if (backup) {
    copyFileSync(backup, file);
    return {
      code: 'DB_RESTORED',
      at,
      message: `The progress database was damaged. It was moved to ${keptAt} and the backup ${backup} was restored; progress since that backup may be missing.`,
    };
  }
  return {
    code: 'DB_RESET_NO_BACKUP',
    at,
    message: `The progress database was damaged and no healthy backup exists. The damaged file was kept at ${keptAt}; a new empty database was started.`,
  };
}

/**
 * Opens (or creates) the progress database: integrity check first, recovery from the newest
 * healthy backup if needed (never a silent reset), durable pragmas, then migrations.
 */
export function openDatabase(dataDir: string, nativeBinding?: string): OpenResult {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new AppError('STORAGE', `Cannot create the data folder ${dataDir}: ${(e as Error).message}`);
  }
  const file = join(dataDir, DB_FILE);
  const notices: Notice[] = [];
  if (existsSync(file) && !isHealthy(file, nativeBinding)) notices.push(recover(dataDir, file, nativeBinding));

  let db: Database.Database;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new AppError('STORAGE', `Cannot open the progress database in ${dataDir}: ${(e as Error).message}`);
  }
  // FULL: in WAL mode NORMAL may lose the last commits on power loss; an answer the UI reported as
  // saved must survive that (see docs/performance.md for the measured cost).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 3000');
  try {
    const { from } = migrate(db, dataDir);
    if (from > 0 && (db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n > 0) {
      writeBackup(db, dataDir, 'startup');
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, notices };
}
