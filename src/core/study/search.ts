import type Database from 'better-sqlite3';
import type { SearchHit } from '../../shared/contract/study';

const LIMIT = 50;
const OPEN = '\u0001';
const CLOSE = '\u0002';

/** Re-indexes one pack's content (called inside the install transaction). */
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

export function indexNote(db: Database.Database, profileId: number, packId: string, sessionId: string, text: string) {
  db.prepare("DELETE FROM search_index WHERE kind = 'note' AND profile_id = ? AND pack_id = ? AND session_id = ?").run(
    profileId,
    packId,
    sessionId,
  );
  if (text.trim()) {
    db.prepare(
      "INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id) VALUES (?, 'note', ?, ?, ?, ?)",
    ).run(text, packId, sessionId, sessionId, profileId);
  }
}

/** FTS5 query syntax would treat user text as operators; a quoted phrase searches it literally. */
const phrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

function snippetAround(body: string, query: string, offset: number): string {
  const start = Math.max(0, offset - 40);
  const end = Math.min(body.length, offset + query.length + 60);
  const before = body.slice(start, offset);
  const match = body.slice(offset, offset + query.length);
  const after = body.slice(offset + query.length, end);
  return `${start > 0 ? '…' : ''}${before}${OPEN}${match}${CLOSE}${after}${end < body.length ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  );
}

interface IndexRow {
  body: string;
  kind: SearchHit['kind'];
  pack_id: string;
  session_id: string;
  item_id: string;
  title: string;
}

/**
 * Searches material, key points and the participant's own notes. Trigram FTS needs at least
 * three characters, so shorter queries (common in Chinese: two-character words) use LIKE.
 */
export function search(
  db: Database.Database,
  profileId: number,
  packId: string,
  query: string,
): { hits: SearchHit[]; truncated: boolean } {
  const q = query.trim();
  const scope = `si.pack_id = @pack AND (si.profile_id = 0 OR (si.kind = 'note' AND si.profile_id = @profile))`;
  const select = `SELECT si.body, si.kind, si.pack_id, si.session_id, si.item_id, s.title FROM search_index si
    JOIN sessions s ON s.pack_id = si.pack_id AND s.id = si.session_id`;
  const rows = (
    [...q].length >= 3
      ? db
          .prepare(`${select} WHERE search_index MATCH @match AND ${scope} ORDER BY rank LIMIT ${LIMIT + 1}`)
          .all({ match: phrase(q), pack: packId, profile: profileId })
      : db
          .prepare(`${select} WHERE si.body LIKE @like ESCAPE '\\' AND ${scope} ORDER BY s.ord LIMIT ${LIMIT + 1}`)
          .all({ like: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, pack: packId, profile: profileId })
  ) as IndexRow[];
  const needle = q.toLowerCase();
  const hits = rows.slice(0, LIMIT).map((r): SearchHit => {
    const offset = Math.max(0, r.body.toLowerCase().indexOf(needle));
    return {
      kind: r.kind,
      packId: r.pack_id,
      sessionId: r.session_id,
      sessionTitle: r.title,
      itemId: r.item_id,
      snippet: snippetAround(r.body, q, offset),
      offset,
    };
  });
  return { hits, truncated: rows.length > LIMIT };
}
