import { statfsSync } from 'node:fs';
import { AppError } from '../../shared/errors';

/**
 * What the participant was doing when the disk refused: the message says what was not done
 * ("this change was not saved" is wrong at start-up, where nothing was being changed).
 */
export type StoragePlace = 'startup' | 'save' | 'upload' | 'export';

type Kind = 'full' | 'readonly' | 'io';

/** File-system errno values (from Node's fs) and SQLite's result codes, by what they mean here. */
function kindOf(code: string): Kind | null {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'full';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'readonly';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  return null;
}

const notDone: Record<StoragePlace, string> = {
  startup: 'so the app cannot start',
  save: 'so this change was not saved',
  upload: 'so the file could not be received',
  export: 'so the file could not be written',
};

const what: Record<Kind, (dir: string) => string> = {
  full: (dir) => `The disk holding ${dir} is full`,
  readonly: (dir) => `The disk holding ${dir} is read-only`,
  io: (dir) => `The progress data in ${dir} cannot be written`,
};

const fix: Record<Kind, string> = {
  full: 'Free some space and try again.',
  readonly: 'Choose a folder on a writable disk.',
  io: 'Check the disk, then try again.',
};

function diskIsFull(dir: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(dir);
    return bavail * bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/**
 * A disk-level failure (full, over quota, read-only, I/O error), from SQLite or from the file
 * system, as a STORAGE error the participant can act on; null for anything else. The database
 * itself stays consistent: SQLite rolls the failed transaction back.
 */
export function storageError(e: unknown, dataDir: string, place: StoragePlace = 'save'): AppError | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  let kind = kindOf(code);
  if (!kind) return null;
  // SQLite reports a write into a full WAL as a plain I/O error; the disk itself says whether it is full.
  if (kind === 'io' && diskIsFull(dataDir)) kind = 'full';
  return new AppError('STORAGE', `${what[kind](dataDir)} (${code}), ${notDone[place]}. ${fix[kind]}`, {
    reason: `storage.${kind}.${place}`,
    dataDir,
    code,
  });
}
