import type Database from 'better-sqlite3';

/**
 * Moves progress whose item a new pack version no longer has into archived_progress, so an
 * update never silently deletes a participant's work (Kolibri users lost quiz data that way).
 */
export function archiveRemovedProgress(
  db: Database.Database,
  packId: string,
  oldVersion: string,
  keep: { sessions: Set<string>; keyPoints: Set<string>; questions: Set<string> },
  at: string,
): number {
  const archive = db.prepare(
    `INSERT INTO archived_progress (profile_id, pack_id, pack_version, kind, item_id, data, archived_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  let archived = 0;
  const sweep = (kind: string, table: string, idColumn: string, ids: Set<string>) => {
    const rows = db.prepare(`SELECT rowid AS rid, * FROM ${table} WHERE pack_id = ?`).all(packId) as Array<
      Record<string, unknown> & { rid: number; profile_id: number }
    >;
    for (const row of rows) {
      const itemId = String(row[idColumn]);
      if (ids.has(itemId)) continue;
      const { rid, ...data } = row;
      archive.run(row.profile_id, packId, oldVersion, kind, itemId, JSON.stringify(data), at);
      db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(rid);
      archived++;
    }
  };
  sweep('reading', 'reading', 'session_id', keep.sessions);
  sweep('note', 'notes', 'session_id', keep.sessions);
  sweep('watching', 'watching', 'session_id', keep.sessions);
  sweep('key-point-review', 'key_point_reviews', 'key_point_id', keep.keyPoints);
  sweep('wrong-answer', 'wrong_answers', 'question_id', keep.questions);
  return archived;
}
