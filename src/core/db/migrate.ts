import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { writeBackup } from './backup';
import { latestVersion, migrations } from './migrations';
import type { Migration } from './migrations/types';

export interface MigrateResult {
  from: number;
  to: number;
  backup: string | null;
}

/**
 * Brings the schema to the newest version: refuses a database written by a newer app (never
 * downgrade what we cannot read), copies it aside first, then runs every pending migration in one
 * transaction so a failure leaves the old schema exactly as it was.
 */
export function migrate(
  db: Database.Database,
  dataDir: string,
  registry: readonly Migration[] = migrations,
): MigrateResult {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = registry.length ? registry[registry.length - 1]!.version : 0;
  if (from > to) {
    throw new AppError(
      'STORAGE',
      `This progress database was written by a newer version of the app (schema ${from}, this app knows up to ${to}). ` +
        'Please install the newer version; your data has not been changed.',
      { reason: 'storage.newerSchema', schemaVersion: from, supported: to },
    );
  }
  if (from === to) return { from, to, backup: null };
  const backup = from > 0 ? writeBackup(db, dataDir, `before-v${to}`) : null;
  const pending = registry.filter((m) => m.version > from);
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to, backup };
}

export { latestVersion };
