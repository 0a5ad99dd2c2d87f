import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const KEEP = 5;
const PREFIX = 'progress-';
/** Marks a backup of a database without a single profile: it can restore nothing a participant did. */
const EMPTY = '-empty';

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
  const name = `${PREFIX}${stamp}-${reason}`;
  const mark = liveHoldsProgress(db) ? '' : EMPTY;
  let target = join(dir, `${name}${mark}.sqlite`);
  for (let n = 1; existsSync(target); n++) target = join(dir, `${name}-${n}${mark}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  rotate(dataDir);
  return target;
}

/** Milliseconds since the newest backup was written, or Infinity when there is none. */
export function newestBackupAge(dataDir: string, now = Date.now()): number {
  const newest = listBackups(dataDir)[0];
  return newest ? now - statSync(newest).mtimeMs : Infinity;
}

/** Whether a backup holds any participant's progress (backups from before the mark count as holding it). */
export const holdsProgress = (file: string): boolean => !basename(file).endsWith(`${EMPTY}.sqlite`);

function liveHoldsProgress(db: Database.Database): boolean {
  try {
    return (db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n > 0;
  } catch {
    return false; // no profiles table yet: nothing to lose
  }
}

/**
 * Keeps the newest few, and never lets backups without progress push out the last one with it:
 * after a silent loss, every quit would otherwise write an empty backup until the only copy of
 * the participant's work had rotated away. The newest backup with progress stays until a newer
 * one with progress exists.
 */
function rotate(dataDir: string): void {
  const all = listBackups(dataDir);
  const keep = new Set(all.slice(0, KEEP));
  const newestWithProgress = all.find(holdsProgress);
  if (newestWithProgress) keep.add(newestWithProgress);
  for (const old of all) if (!keep.has(old)) rmSync(old, { force: true });
}
