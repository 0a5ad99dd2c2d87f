import Database from 'better-sqlite3';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Notice } from '../../shared/contract/app';
import { AppError } from '../../shared/errors';
import { holdsProgress, listBackups, newestBackupAge, writeBackup } from './backup';
import { lostItsSchema } from './empty-database';
import { walDamage, type WalDamage } from './wal-check';
import { migrate } from './migrate';
import { storageError } from './storage-error';

export const DB_FILE = 'progress.sqlite';
const STARTUP_BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

export interface OpenResult {
  db: Database.Database;
  notices: Notice[];
}

export { storageError } from './storage-error';

/** SQLite's own word that the file's content is damaged, as opposed to it being unopenable here. */
const isCorruption = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
};

/**
 * quick_check on a database file. With `strict` (the live database), only damage reported by
 * SQLite counts as unhealthy; any other failure (a native binding built for another runtime, a
 * locked or unreadable file) throws STORAGE and leaves the file alone: a healthy database must
 * never be set aside because this process could not open it.
 */
function isHealthy(file: string, nativeBinding?: string, strict = false): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]!.quick_check === 'ok';
  } catch (e) {
    if (strict && !isCorruption(e)) {
      throw (
        storageError(e, dirname(file), 'startup') ??
        new AppError('STORAGE', `Cannot open the progress database ${file}: ${(e as Error).message}`, {
          reason: 'storage.cannotOpen',
          dir: file,
        })
      );
    }
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
  // A backup that holds progress first: an empty one (written after the data was lost) restores nothing.
  const healthy = listBackups(dataDir).filter((b) => isHealthy(b, nativeBinding));
  const backup = healthy.find(holdsProgress) ?? healthy[0];
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
 * SQLite will replay the WAL up to the damaged frame and silently drop the rest; the participant
 * is told that the last changes may be missing, and the WAL (with the database as it was) is kept
 * as evidence.
 */
function keepDamagedWal(dataDir: string, file: string, damage: WalDamage): Notice {
  const dir = join(dataDir, 'corrupt');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${DB_FILE}.${new Date().toISOString().replace(/[:.]/g, '-')}.wal-damaged`);
  if (existsSync(file)) copyFileSync(file, target);
  copyFileSync(`${file}-wal`, `${target}-wal`);
  return {
    code: 'DB_WAL_DAMAGED',
    at: new Date().toISOString(),
    message:
      `The progress database's write-ahead log is damaged (frame ${damage.frame}); ` +
      `${damage.lostCommits || 'the last'} saved change(s) after that point could not be read back and may be missing. ` +
      `A copy of the damaged files was kept at ${target}.`,
  };
}

/**
 * A folder the app cannot write to (read-only medium or mount, no permission) is refused up front
 * with a message naming the folder, instead of a bare SQLite error later (or progress that looks
 * saved but is not). `access(W_OK)` is not enough on its own: it ignores read-only mounts for some
 * file systems and is always true for root, so a probe file is created and removed.
 */
function assertWritable(dataDir: string): void {
  const probe = join(dataDir, `.write-test-${process.pid}`);
  try {
    accessSync(dataDir, constants.W_OK);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const [why, fix] =
      code === 'EROFS'
        ? ['is on a read-only disk', 'Choose a folder on a writable disk']
        : code === 'ENOSPC'
          ? ['is on a full disk', 'Free some space on the disk']
          : ['cannot be written to', "Check the folder's permissions or choose another folder"];
    throw new AppError(
      'STORAGE',
      `The data folder ${dataDir} ${why} (${code}), so progress could not be saved. ${fix}, then start the app again.`,
      { reason: 'storage.folderNotWritable', dir: dataDir, code },
    );
  }
}

/**
 * Opens (or creates) the progress database: integrity check first, recovery from the newest
 * healthy backup if needed (never a silent reset), durable pragmas, then migrations.
 */
export function openDatabase(dataDir: string, nativeBinding?: string): OpenResult {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new AppError('STORAGE', `Cannot create the data folder ${dataDir}: ${(e as Error).message}`, {
      reason: 'storage.cannotCreateFolder',
      dir: dataDir,
    });
  }
  assertWritable(dataDir);
  const file = join(dataDir, DB_FILE);
  const notices: Notice[] = [];
  // Before anything opens the database: closing a connection replays and deletes the WAL.
  const wal = walDamage(`${file}-wal`);
  if (wal) notices.push(keepDamagedWal(dataDir, file, wal));
  if (existsSync(file) && (!isHealthy(file, nativeBinding, true) || lostItsSchema(dataDir, file, nativeBinding))) {
    notices.push(recover(dataDir, file, nativeBinding));
  }

  let db: Database.Database;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw (
      storageError(e, dataDir, 'startup') ??
      new AppError('STORAGE', `Cannot open the progress database in ${dataDir}: ${(e as Error).message}`, {
        reason: 'storage.cannotOpen',
        dir: dataDir,
      })
    );
  }
  // FULL: in WAL mode NORMAL may lose the last commits on power loss; an answer the UI reported as
  // saved must survive that (see docs/performance.md for the measured cost).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 3000');
  try {
    const { from } = migrate(db, dataDir);
    // A start-up copy covers runs that ended in a crash (no backup on quit); once a day is enough,
    // and copying a large database on every start would slow every start.
    const hasData = (db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n > 0;
    if (from > 0 && hasData && newestBackupAge(dataDir) > STARTUP_BACKUP_EVERY_MS) {
      writeBackup(db, dataDir, 'startup');
    }
  } catch (e) {
    db.close();
    throw storageError(e, dataDir, 'startup') ?? e;
  }
  return { db, notices };
}
