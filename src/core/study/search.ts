import type Database from 'better-sqlite3';
import type { SearchHit } from '../../shared/contract/study';

const LIMIT = 50;
const OPEN = '\u0001';
const CLOSE = '\u0002';

export function indexNote(db: Database.Database, profileId: number, packId: string, sessionId: string, text: string) {
  db.prepare("DELETE FROM search_index WHERE kind = 'note' AND profile_id = ? AND pack_id = ? AND session_id = ?").run(
    profileId,
    packId,
    sessionId,
  );
  if (text.trim()) {
    db.prepare(
      "INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id, language) VALUES (?, 'note', ?, ?, ?, ?, '')",
    ).run(text, packId, sessionId, sessionId, profileId);
  }
}

/** FTS5 query syntax would treat user text as operators; a quoted phrase searches it literally. */
const phrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

const BEFORE = 40;
const AFTER = 60;

interface HitRow {
  kind: SearchHit['kind'];
  language: string;
  pack_id: string;
  session_id: string;
  item_id: string;
  title: string;
  pos: number;
  start: number;
  around: string;
  total: number;
}

/** Marks the match inside the few characters SQLite cut out around it. */
function snippet(r: HitRow, queryLength: number): string {
  const at = r.pos - r.start; // both 1-based character positions
  const text =
    r.pos > 0
      ? `${r.around.slice(0, at)}${OPEN}${r.around.slice(at, at + queryLength)}${CLOSE}${r.around.slice(at + queryLength)}`
      : r.around;
  return `${r.start > 1 ? '…' : ''}${text}${r.start + r.around.length <= r.total ? '…' : ''}`.replace(/\s+/g, ' ');
}

/**
 * Searches material and key points in every language the pack has, and the participant's own notes. Trigram FTS needs at least
 * three characters, so shorter queries (common in Chinese: two-character words) use LIKE.
 */
export function search(
  db: Database.Database,
  profileId: number,
  packId: string,
  query: string,
  /** Notes have no language of their own: their session title is shown in this one. */
  language = '',
): { hits: SearchHit[]; truncated: boolean } {
  const q = query.trim();
  const scope = `si.pack_id = @pack AND (si.profile_id = 0 OR (si.kind = 'note' AND si.profile_id = @profile))`;
  // Only the characters around the match leave SQLite: material rows can be long, and copying and
  // lower-casing whole rows in JS cost more than the index lookup itself (docs/performance.md).
  const select = (where: string, order: string) => `
    SELECT kind, language, pack_id, session_id, item_id, title, pos, start, substr(body, start, @window) AS around,
      length(body) AS total
    FROM (SELECT si.body, si.kind, si.language, si.pack_id, si.session_id, si.item_id, coalesce(st.title, s.title) AS title,
            instr(lower(si.body), lower(@q)) AS pos, max(1, instr(lower(si.body), lower(@q)) - ${BEFORE}) AS start
          FROM search_index si JOIN sessions s ON s.pack_id = si.pack_id AND s.id = si.session_id
            LEFT JOIN session_translations st ON st.pack_id = si.pack_id AND st.session_id = si.session_id
              AND st.language = (CASE WHEN si.language = '' THEN @lang ELSE si.language END)
          WHERE ${where} AND ${scope} ORDER BY ${order} LIMIT ${LIMIT + 1})`;
  const params = { q, lang: language, pack: packId, profile: profileId, window: BEFORE + [...q].length + AFTER };
  const rows = (
    [...q].length >= 3
      ? db.prepare(select('search_index MATCH @match', 'rank')).all({ ...params, match: phrase(q) })
      : db
          .prepare(select("si.body LIKE @like ESCAPE '\\'", 's.ord'))
          .all({ ...params, like: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` })
  ) as HitRow[];
  const hits = rows.slice(0, LIMIT).map((r): SearchHit => ({
    kind: r.kind,
    language: r.language || null,
    packId: r.pack_id,
    sessionId: r.session_id,
    sessionTitle: r.title,
    itemId: r.item_id,
    snippet: snippet(r, q.length),
    offset: Math.max(0, r.pos - 1),
  }));
  return { hits, truncated: rows.length > LIMIT };
}
