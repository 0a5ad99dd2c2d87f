import type Database from 'better-sqlite3';
import { questionSchema, type Question } from '../../shared/pack/schema';

export interface AttemptRow {
  id: number;
  sessionId: string;
  packVersion: string;
  startedAt: string;
  submittedAt: string;
  score: number;
  total: number;
  passed: number;
}

export interface AnswerRow {
  attemptId: number;
  questionId: string;
  response: string;
  correct: number | null;
  answeredAt: string;
}

/** Only submitted quiz attempts count, exactly as in sessionProgress (practice runs are private). */
const WHERE = `t.profile_id = ? AND t.pack_id = ? AND t.mode = 'quiz' AND t.submitted_at IS NOT NULL
  AND t.score IS NOT NULL`;

export function submittedAttempts(db: Database.Database, profileId: number, packId: string): AttemptRow[] {
  return db
    .prepare(
      `SELECT t.id, t.session_id AS sessionId, t.pack_version AS packVersion, t.started_at AS startedAt,
         t.submitted_at AS submittedAt, t.score, t.total, coalesce(t.passed, 0) AS passed
       FROM attempts t WHERE ${WHERE} ORDER BY t.submitted_at, t.id`,
    )
    .all(profileId, packId) as AttemptRow[];
}

export function submittedAnswers(db: Database.Database, profileId: number, packId: string): AnswerRow[] {
  return db
    .prepare(
      `SELECT a.attempt_id AS attemptId, a.question_id AS questionId, a.response, a.correct, a.answered_at AS answeredAt
       FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE ${WHERE} ORDER BY a.attempt_id, a.answered_at`,
    )
    .all(profileId, packId) as AnswerRow[];
}

/** The installed pack's questions by id; an answer to a question a newer pack removed finds none. */
export function packQuestions(db: Database.Database, packId: string): Map<string, Question> {
  const rows = db.prepare('SELECT id, data FROM questions WHERE pack_id = ?').all(packId) as {
    id: string;
    data: string;
  }[];
  const out = new Map<string, Question>();
  for (const r of rows) {
    const q = questionSchema.safeParse(JSON.parse(r.data));
    if (q.success) out.set(r.id, q.data);
  }
  return out;
}
