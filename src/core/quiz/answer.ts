import type Database from 'better-sqlite3';
import type { QuizResponse } from '../../shared/contract/quiz';
import { AppError } from '../../shared/errors';
import { liveQuestions, loadAttempt } from './attempts';
import { checkResponse, isBlank } from './grade';

/**
 * Saves one response the moment it is given, with the language the question was shown in (a
 * fill-in answer is graded against that language's accepted answers). The database syncs on commit, so an attempt
 * interrupted by a crash or a restart resumes with every answer given so far.
 */
export function saveAnswer(
  db: Database.Database,
  ref: { profileId: number; at: string },
  input: { attemptId: number; questionId: string; response: QuizResponse },
): { savedAt: string; answered: number; total: number } {
  return db
    .transaction(() => {
      const row = loadAttempt(db, ref.profileId, input.attemptId);
      if (row.submitted_at)
        throw new AppError('CONFLICT', 'This attempt has been submitted; its answers are final.', {
          reason: 'quiz.alreadySubmitted',
        });
      const live = liveQuestions(db, row);
      const q = live.find((l) => l.question.id === input.questionId)?.question;
      if (!q)
        throw new AppError('NOT_FOUND', `Question "${input.questionId}" is not part of this attempt.`, {
          reason: 'quiz.questionNotInAttempt',
          questionId: input.questionId,
        });
      checkResponse(q, input.response);
      if (isBlank(input.response)) {
        db.prepare('DELETE FROM answers WHERE attempt_id = ? AND question_id = ?').run(row.id, q.id);
      } else {
        db.prepare(
          `INSERT INTO answers (attempt_id, question_id, response, answered_at, language) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (attempt_id, question_id) DO UPDATE SET response = excluded.response,
             answered_at = excluded.answered_at, language = excluded.language`,
        ).run(row.id, q.id, JSON.stringify(input.response), ref.at, row.language);
      }
      const ids = live.map((l) => l.question.id);
      const answered = db
        .prepare(
          `SELECT count(*) AS n FROM answers WHERE attempt_id = ? AND question_id IN (SELECT value FROM json_each(?))`,
        )
        .get(row.id, JSON.stringify(ids)) as { n: number };
      return { savedAt: ref.at, answered: answered.n, total: live.length };
    })
    .immediate();
}
