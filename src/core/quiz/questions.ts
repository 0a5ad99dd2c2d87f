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

/** The installed pack's questions (validated when the pack was installed), by id. */
export function packQuestions(db: Database.Database, packId: string): Map<string, StoredQuestion> {
  const rows = db.prepare('SELECT id, session_id, data FROM questions WHERE pack_id = ?').all(packId) as Row[];
  return new Map(rows.map((r) => [r.id, { question: JSON.parse(r.data) as Question, sessionId: r.session_id }]));
}

export function sessionQuestions(db: Database.Database, packId: string, sessionId: string): Question[] {
  const rows = db
    .prepare('SELECT data FROM questions WHERE pack_id = ? AND session_id = ? ORDER BY ord')
    .all(packId, sessionId) as Pick<Row, 'data'>[];
  return rows.map((r) => JSON.parse(r.data) as Question);
}
