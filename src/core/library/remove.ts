import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

/** Progress tables keyed by pack_id, and the column that names the item (for archived_progress). */
const PROGRESS: [kind: string, table: string, item: string][] = [
  ['reading', 'reading', 'session_id'],
  ['note', 'notes', 'session_id'],
  ['key-point-review', 'key_point_reviews', 'key_point_id'],
  ['wrong-answer', 'wrong_answers', 'question_id'],
  ['completion', 'session_completions', 'session_id'],
  ['watching', 'watching', 'path'],
  ['study-day', 'study_days', 'day'],
];

/**
 * Removes an installed pack: all participants' progress with it is first moved to archived_progress
 * (quiz attempts with their answers as one item each), then the pack, its content and its search
 * entries go. Re-installing the pack later starts afresh; the archive keeps what was done.
 * The built-in pack is refused: it would be installed again at the next start.
 */
export function removePack(db: Database.Database, packId: string, at: string): { archived: number } {
  return db.transaction(() => {
    const pack = db
      .prepare(
        'SELECT p.version, pub.builtin FROM packs p JOIN publishers pub ON pub.public_key = p.publisher_key WHERE p.id = ?',
      )
      .get(packId) as { version: string; builtin: number } | undefined;
    if (!pack)
      throw new AppError('NOT_FOUND', `No pack "${packId}" is installed.`, { reason: 'admin.pack.notFound', packId });
    if (pack.builtin) {
      throw new AppError('FORBIDDEN', 'The built-in pack comes with the app and cannot be removed.', {
        reason: 'admin.pack.builtin',
        packId,
      });
    }
    const archive = db.prepare(
      `INSERT INTO archived_progress (profile_id, pack_id, pack_version, kind, item_id, data, archived_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    let archived = 0;
    for (const [kind, table, item] of PROGRESS) {
      const rows = db.prepare(`SELECT * FROM ${table} WHERE pack_id = ?`).all(packId) as Array<
        Record<string, unknown> & { profile_id: number }
      >;
      for (const r of rows)
        archive.run(r.profile_id, packId, pack.version, kind, String(r[item]), JSON.stringify(r), at);
      db.prepare(`DELETE FROM ${table} WHERE pack_id = ?`).run(packId);
      archived += rows.length;
    }
    const attempts = db.prepare('SELECT * FROM attempts WHERE pack_id = ?').all(packId) as Array<
      Record<string, unknown> & { id: number; profile_id: number }
    >;
    const answers = db.prepare('SELECT * FROM answers WHERE attempt_id = ?');
    for (const a of attempts) {
      archive.run(
        a.profile_id,
        packId,
        pack.version,
        'attempt',
        String(a.id),
        JSON.stringify({ ...a, answers: answers.all(a.id) }),
        at,
      );
    }
    archived += attempts.length;
    db.prepare('DELETE FROM attempts WHERE pack_id = ?').run(packId);
    db.prepare('DELETE FROM search_index WHERE pack_id = ?').run(packId);
    db.prepare('DELETE FROM packs WHERE id = ?').run(packId);
    return { archived };
  })();
}
