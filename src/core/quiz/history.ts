import type Database from 'better-sqlite3';
import type { QuizHistory } from '../../shared/contract/quiz';
import { AppError } from '../../shared/errors';
import { sessionProgress } from '../study/progress';

interface Row {
  id: number;
  started_at: string;
  submitted_at: string;
  score: number;
  total: number;
  passed: number;
}

/**
 * Submitted quiz attempts of one session, newest first. Best, latest and passed come from
 * sessionProgress, so this screen and the session and home screens always show the same numbers.
 */
export function quizHistory(db: Database.Database, profileId: number, packId: string, sessionId: string): QuizHistory {
  const p = sessionProgress(db, profileId, packId).find((s) => s.id === sessionId);
  if (!p)
    throw new AppError('NOT_FOUND', `Session "${sessionId}" is not in pack "${packId}".`, {
      reason: 'study.sessionNotFound',
      sessionId,
    });
  const rows = db
    .prepare(
      `SELECT id, started_at, submitted_at, score, total, passed FROM attempts
       WHERE profile_id = ? AND pack_id = ? AND session_id = ? AND mode = 'quiz' AND submitted_at IS NOT NULL
       ORDER BY submitted_at DESC, id DESC`,
    )
    .all(profileId, packId, sessionId) as Row[];
  const open = db
    .prepare(
      `SELECT a.id, (SELECT count(*) FROM answers n WHERE n.attempt_id = a.id) AS answered FROM attempts a
       WHERE a.profile_id = ? AND a.pack_id = ? AND a.session_id = ? AND a.mode = 'quiz' AND a.submitted_at IS NULL
       ORDER BY a.id DESC LIMIT 1`,
    )
    .get(profileId, packId, sessionId) as { id: number; answered: number } | undefined;
  return {
    session: { id: p.id, ord: p.ord, title: p.title, questions: p.quiz.questions },
    passMark: p.quiz.passMark,
    best: p.quiz.bestScore,
    latest: p.quiz.latestScore,
    passed: p.quiz.passed,
    attempts: rows.map((r) => ({
      attemptId: r.id,
      startedAt: r.started_at,
      submittedAt: r.submitted_at,
      score: r.score,
      total: r.total,
      passed: r.passed === 1,
    })),
    inProgress: open ? { attemptId: open.id, answered: open.answered } : null,
  };
}
