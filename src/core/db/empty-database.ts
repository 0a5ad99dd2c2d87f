import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { listBackups } from './backup';

/**
 * SQLite takes a zero-length file, or one without a single table, for a valid empty database, so
 * quick_check passes and the app would start over without a word. Where the app has run before
 * (a backup exists) that is damage, not a first start: the caller recovers like any other damage.
 */
export function lostItsSchema(dataDir: string, file: string, nativeBinding?: string): boolean {
  if (listBackups(dataDir).length === 0) return false;
  // A zero-length file whose WAL holds the pages is a database SQLite can still read: ask SQLite.
  const wal = `${file}-wal`;
  if (statSync(file).size === 0 && !(existsSync(wal) && statSync(wal).size > 0)) return true;
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    return tables.n === 0 && db.pragma('user_version', { simple: true }) === 0;
  } finally {
    db.close();
  }
}
