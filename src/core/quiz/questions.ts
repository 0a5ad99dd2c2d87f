import type Database from 'better-sqlite3';
import type { Question } from '../../shared/pack/schema';

export interface StoredQuestion {
  question: Question;
  sessionId: string;
}

interface Row {
  id: string;
  session_id: string;
  data: string;
}

/**
 * The installed pack's questions (validated when the pack was installed), by id, worded in
 * `language` where the pack has that translation (ids, option ids and right answers are shared).
 */
export function packQuestions(
  db: Database.Database,
  packId: string,
  language: string | null = null,
): Map<string, StoredQuestion> {
  const rows = db
    .prepare(
      `SELECT q.id, q.session_id, coalesce(t.data, q.data) AS data FROM questions q
       LEFT JOIN question_translations t ON t.pack_id = q.pack_id AND t.id = q.id AND t.language = ?
       WHERE q.pack_id = ?`,
    )
    .all(language, packId) as Row[];
  return new Map(rows.map((r) => [r.id, { question: JSON.parse(r.data) as Question, sessionId: r.session_id }]));
}

export function sessionQuestions(db: Database.Database, packId: string, sessionId: string): Question[] {
  const rows = db
    .prepare('SELECT data FROM questions WHERE pack_id = ? AND session_id = ? ORDER BY ord')
    .all(packId, sessionId) as Pick<Row, 'data'>[];
  return rows.map((r) => JSON.parse(r.data) as Question);
}
