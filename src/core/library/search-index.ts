import type Database from 'better-sqlite3';

/**
 * The library owns indexing a pack's material and key points (it runs inside the install
 * transaction); study/search only queries the index and keeps participants' notes in it.
 */
export function indexPackContent(db: Database.Database, packId: string): void {
  db.prepare("DELETE FROM search_index WHERE pack_id = ? AND kind IN ('material', 'keypoint')").run(packId);
  db.prepare(
    `INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id)
     SELECT material, 'material', pack_id, id, id, 0 FROM sessions WHERE pack_id = ?`,
  ).run(packId);
  db.prepare(
    `INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id)
     SELECT text, 'keypoint', pack_id, session_id, id, 0 FROM key_points WHERE pack_id = ?`,
  ).run(packId);
}
