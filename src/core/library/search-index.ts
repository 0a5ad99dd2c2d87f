import type Database from 'better-sqlite3';

/**
 * The library owns indexing a pack's material and key points (it runs inside the install
 * transaction); study/search only queries the index and keeps participants' notes in it.
 */
export function indexPackContent(db: Database.Database, packId: string): void {
  db.prepare("DELETE FROM search_index WHERE pack_id = ? AND kind IN ('material', 'keypoint')").run(packId);
  const insert = `INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id, language)`;
  db.prepare(
    `${insert} SELECT s.material, 'material', s.pack_id, s.id, s.id, 0, p.language
     FROM sessions s JOIN packs p ON p.id = s.pack_id WHERE s.pack_id = ?`,
  ).run(packId);
  db.prepare(
    `${insert} SELECT k.text, 'keypoint', k.pack_id, k.session_id, k.id, 0, p.language
     FROM key_points k JOIN packs p ON p.id = k.pack_id WHERE k.pack_id = ?`,
  ).run(packId);
  // Every language the pack has, so a Chinese search finds the Chinese material and vice versa.
  db.prepare(
    `${insert} SELECT material, 'material', pack_id, session_id, session_id, 0, language
     FROM session_translations WHERE pack_id = ?`,
  ).run(packId);
  db.prepare(
    `${insert} SELECT t.text, 'keypoint', t.pack_id, k.session_id, t.id, 0, t.language
     FROM key_point_translations t JOIN key_points k ON k.pack_id = t.pack_id AND k.id = t.id WHERE t.pack_id = ?`,
  ).run(packId);
}
