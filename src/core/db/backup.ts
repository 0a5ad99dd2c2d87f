import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const KEEP = 5;
const PREFIX = 'progress-';

export const backupDir = (dataDir: string): string => join(dataDir, 'backups');

/** Newest first. Names sort by time because the stamp is a fixed-width UTC ISO string. */
export function listBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
    .sort()
    .reverse()
    .map((f) => join(dir, f));
}

/**
 * A consistent copy of the live database (VACUUM INTO reads one snapshot, so a write in
 * progress never tears it), then rotation down to the newest few.
 */
export function writeBackup(db: Database.Database, dataDir: string, reason: string): string {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let target = join(dir, `${PREFIX}${stamp}-${reason}.sqlite`);
  for (let n = 1; existsSync(target); n++) target = join(dir, `${PREFIX}${stamp}-${reason}-${n}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  for (const old of listBackups(dataDir).slice(KEEP)) rmSync(old, { force: true });
  return target;
}

/** Milliseconds since the newest backup was written, or Infinity when there is none. */
export function newestBackupAge(dataDir: string, now = Date.now()): number {
  const newest = listBackups(dataDir)[0];
  return newest ? now - statSync(newest).mtimeMs : Infinity;
}
