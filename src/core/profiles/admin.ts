import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { hashPin } from './pin';

/** Tables holding one participant's progress (each has profile_id), archived before a deletion. */
const PROGRESS_TABLES = [
  'reading',
  'key_point_reviews',
  'notes',
  'attempts',
  'wrong_answers',
  'session_completions',
  'profile_changes',
  'watching',
  'study_days',
] as const;

export interface ProfileChange {
  field: 'name' | 'unit' | 'venue';
  from: string;
  to: string;
  at: string;
}

interface ProfileRow {
  id: number;
  name: string;
  unit: string;
  venue: string;
}

function requireProfile(db: Database.Database, id: number): ProfileRow {
  const row = db.prepare('SELECT id, name, unit, venue FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No profile with id ${id}.`, { reason: 'admin.profile.notFound', id });
  return row;
}

export function profileHistory(db: Database.Database, id: number): ProfileChange[] {
  return db
    .prepare(
      `SELECT field, old_value AS "from", new_value AS "to", changed_at AS at FROM profile_changes
       WHERE profile_id = ? ORDER BY changed_at, id`,
    )
    .all(id) as ProfileChange[];
}

/**
 * Corrects a profile's name, unit or venue (a typo at sign-up, a transfer), keeping every change
 * with its time: the exported record carries this history, so a venue sees the rename.
 */
export function editProfile(
  db: Database.Database,
  input: { id: number; name: string; unit: string; venue: string },
  at: string,
): ProfileChange[] {
  return db.transaction(() => {
    const row = requireProfile(db, input.id);
    const log = db.prepare(
      'INSERT INTO profile_changes (profile_id, field, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const field of ['name', 'unit', 'venue'] as const) {
      if (row[field] !== input[field]) log.run(input.id, field, row[field], input[field], at);
    }
    db.prepare('UPDATE profiles SET name = ?, unit = ?, venue = ? WHERE id = ?').run(
      input.name,
      input.unit,
      input.venue,
      input.id,
    );
    return profileHistory(db, input.id);
  })();
}

/**
 * Deletes a profile after its name was typed back as confirmation. Everything it did is first
 * copied into archived_profiles (one JSON document per profile, answers included), so a mistaken
 * deletion loses nothing a venue could still ask for.
 */
export function deleteProfile(
  db: Database.Database,
  input: { id: number; confirmName: string },
  at: string,
): { archiveId: number; rows: number } {
  return db.transaction(() => {
    const row = requireProfile(db, input.id);
    if (input.confirmName.trim() !== row.name.trim()) {
      throw new AppError('CONFLICT', 'The name typed to confirm does not match the profile.', {
        reason: 'admin.profile.confirmMismatch',
        name: row.name,
      });
    }
    const tables: Record<string, unknown[]> = {};
    let rows = 0;
    for (const t of PROGRESS_TABLES) {
      tables[t] = db.prepare(`SELECT * FROM ${t} WHERE profile_id = ?`).all(input.id);
      rows += tables[t].length;
    }
    tables.answers = db
      .prepare('SELECT a.* FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE t.profile_id = ?')
      .all(input.id);
    rows += tables.answers.length;
    const profile = db.prepare('SELECT * FROM profiles WHERE id = ?').get(input.id);
    const info = db
      .prepare('INSERT INTO archived_profiles (profile_id, name, unit, data, archived_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.id, row.name, row.unit, JSON.stringify({ profile, tables }), at);
    // The participant's notes are also in the search index, which has no foreign key.
    db.prepare('DELETE FROM search_index WHERE profile_id = ?').run(input.id);
    db.prepare('DELETE FROM profiles WHERE id = ?').run(input.id);
    return { archiveId: Number(info.lastInsertRowid), rows };
  })();
}

/** Sets a new PIN (or none) for a participant who forgot theirs; the venue PIN was checked by the caller. */
export async function resetPin(db: Database.Database, id: number, newPin: string | null): Promise<void> {
  requireProfile(db, id);
  const hash = newPin ? await hashPin(newPin) : null;
  db.prepare('UPDATE profiles SET pin_hash = ? WHERE id = ?').run(hash, id);
}
