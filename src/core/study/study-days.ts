import type Database from 'better-sqlite3';

/** The laptop's own calendar day of an ISO time: a participant studies by their local evening, not UTC's. */
export function localDay(at: string): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Adds study time (reading or watching) to the day it happened on. */
export function addStudyTime(db: Database.Database, profileId: number, packId: string, at: string, ms: number): void {
  if (ms <= 0) return;
  db.prepare(
    `INSERT INTO study_days (profile_id, pack_id, day, ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (profile_id, pack_id, day) DO UPDATE SET ms = ms + excluded.ms`,
  ).run(profileId, packId, localDay(at), Math.round(ms));
}

export function studyDays(
  db: Database.Database,
  profileId: number,
  packId: string,
): { day: string; seconds: number }[] {
  return (
    db
      .prepare('SELECT day, ms FROM study_days WHERE profile_id = ? AND pack_id = ? ORDER BY day')
      .all(profileId, packId) as { day: string; ms: number }[]
  ).map((r) => ({ day: r.day, seconds: Math.round(r.ms / 1000) }));
}
