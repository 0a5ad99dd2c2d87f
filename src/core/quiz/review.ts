import type Database from 'better-sqlite3';
import type { Review } from '../../shared/contract/quiz';
import { AppError } from '../../shared/errors';
import { type AttemptRow, liveQuestions, savedAnswers } from './attempts';
import { answerKey } from './grade';
import { asAsked } from './layout';
import { shownLanguage } from '../library/translations';

/**
 * Everything needed to learn from a submitted attempt. Correctness is what was stored at submit
 * time, so the review always agrees with the score even if a later pack changes a question.
 * Before submitting there is no review: it would give the answers away.
 */
export function buildReview(db: Database.Database, row: AttemptRow, completedSession = false): Review {
  if (row.submitted_at === null || row.score === null) {
    throw new AppError('CONFLICT', 'Submit the attempt before reviewing it.', { reason: 'quiz.notSubmitted' });
  }
  const live = liveQuestions(db, row);
  const saved = savedAnswers(db, row.id, live);
  return {
    attemptId: row.id,
    mode: row.mode,
    sessionId: row.session_id,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    score: row.score,
    total: row.total,
    passMark: row.pass_mark,
    passed: row.mode === 'quiz' ? row.passed === 1 : null,
    language: row.language ?? shownLanguage(db, row.pack_id, null),
    completedSession,
    items: live.map(({ question: q, sessionId, options }) => {
      const a = saved.get(q.id);
      return {
        ...asAsked(q, sessionId, options),
        response: a?.response ?? null,
        answer: answerKey(q),
        correct: a?.correct ?? false,
        explanation: q.explanation,
        source: q.source,
      };
    }),
  };
}
