import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { recordCompletionIfDue } from './progress';
import { indexNote } from './search';
import { addStudyTime } from './study-days';
import { requireSession } from './session';

export interface Ref {
  profileId: number;
  packId: string;
  sessionId: string;
  at: string;
}

/** Reading position and time; max_position only grows, so scrolling back never loses progress. */
export function saveReading(
  db: Database.Database,
  ref: Ref,
  input: { position: number; reachedEnd: boolean; secondsDelta: number },
): void {
  requireSession(db, ref.packId, ref.sessionId);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO reading (profile_id, pack_id, session_id, position, max_position, reached_end_at, seconds, updated_at)
       VALUES (@p, @k, @s, @pos, @pos, @end, @sec, @at)
       ON CONFLICT (profile_id, pack_id, session_id) DO UPDATE SET
         position = excluded.position,
         max_position = max(max_position, excluded.position),
         reached_end_at = coalesce(reached_end_at, excluded.reached_end_at),
         seconds = seconds + excluded.seconds,
         updated_at = excluded.updated_at`,
    ).run({
      p: ref.profileId,
      k: ref.packId,
      s: ref.sessionId,
      pos: input.position,
      end: input.reachedEnd ? ref.at : null,
      sec: input.secondsDelta,
      at: ref.at,
    });
    addStudyTime(db, ref.profileId, ref.packId, ref.at, input.secondsDelta * 1000);
    recordCompletionIfDue(db, ref.profileId, ref.packId, ref.sessionId, ref.at);
  })();
}

export function markKeyPoint(db: Database.Database, ref: Ref, keyPointId: string, reviewed: boolean): string | null {
  const exists = db
    .prepare('SELECT 1 FROM key_points WHERE pack_id = ? AND session_id = ? AND id = ?')
    .get(ref.packId, ref.sessionId, keyPointId);
  if (!exists)
    throw new AppError('NOT_FOUND', `Key point "${keyPointId}" is not in session "${ref.sessionId}".`, {
      reason: 'study.keyPointNotFound',
    });
  return db.transaction(() => {
    if (!reviewed) {
      db.prepare('DELETE FROM key_point_reviews WHERE profile_id = ? AND pack_id = ? AND key_point_id = ?').run(
        ref.profileId,
        ref.packId,
        keyPointId,
      );
      return null;
    }
    db.prepare(
      'INSERT OR IGNORE INTO key_point_reviews (profile_id, pack_id, key_point_id, reviewed_at) VALUES (?, ?, ?, ?)',
    ).run(ref.profileId, ref.packId, keyPointId, ref.at);
    recordCompletionIfDue(db, ref.profileId, ref.packId, ref.sessionId, ref.at);
    return ref.at;
  })();
}

export function saveNote(db: Database.Database, ref: Ref, text: string): void {
  requireSession(db, ref.packId, ref.sessionId);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO notes (profile_id, pack_id, session_id, text, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, pack_id, session_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    ).run(ref.profileId, ref.packId, ref.sessionId, text, ref.at);
    indexNote(db, ref.profileId, ref.packId, ref.sessionId, text);
  })();
}
