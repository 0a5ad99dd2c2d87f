import type Database from 'better-sqlite3';
import type { QuizResponse, Review } from '../../shared/contract/quiz';
import { AppError } from '../../shared/errors';
import { recordCompletionIfDue } from '../study/progress';
import { liveQuestions, loadAttempt } from './attempts';
import type { Question } from '../../shared/pack/schema';
import { grade } from './grade';
import { packQuestions, type StoredQuestion } from './questions';
import { buildReview } from './review';
import { updateWrongList } from './wrong';

/** Integer score against a fractional pass mark without 0.1 + 0.2 surprises. */
export const meetsPassMark = (score: number, total: number, passMark: number): boolean =>
  total > 0 && score >= passMark * total - 1e-9;

/**
 * Grades every question still in the pack (one a pack upgrade removed is skipped, and the total
 * shrinks with it), stores the score, updates the wrong-answer list and, for a quiz, checks
 * whether the session is now complete. All in one transaction: a second submit is a CONFLICT.
 */
export function submitAttempt(
  db: Database.Database,
  ref: { profileId: number; at: string },
  attemptId: number,
): Review {
  return db
    .transaction((): Review => {
      const row = loadAttempt(db, ref.profileId, attemptId);
      if (row.submitted_at)
        throw new AppError('CONFLICT', 'This attempt has already been submitted.', {
          reason: 'quiz.alreadySubmitted',
        });
      const live = liveQuestions(db, row);
      const responses = db
        .prepare('SELECT question_id, response, language FROM answers WHERE attempt_id = ?')
        .all(row.id) as { question_id: string; response: string; language: string | null }[];
      const byId = new Map(responses.map((r) => [r.question_id, JSON.parse(r.response) as QuizResponse]));
      // Each answer is graded in the language its question was shown in when it was given.
      const answeredIn = new Map(responses.map((r) => [r.question_id, r.language]));
      const inLanguage = new Map<string | null, Map<string, StoredQuestion>>();
      const asShown = (q: Question): Question => {
        const lang = answeredIn.get(q.id) ?? row.language;
        if (lang === row.language) return q;
        if (!inLanguage.has(lang)) inLanguage.set(lang, packQuestions(db, row.pack_id, lang));
        return inLanguage.get(lang)?.get(q.id)?.question ?? q;
      };
      const mark = db.prepare('UPDATE answers SET correct = ? WHERE attempt_id = ? AND question_id = ?');
      const practice = row.mode === 'practice';
      let score = 0;
      for (const { question: q, sessionId } of live) {
        const correct = grade(asShown(q), byId.get(q.id) ?? null);
        if (correct) score++;
        mark.run(correct ? 1 : 0, row.id, q.id);
        const wrongRef = { profileId: ref.profileId, packId: row.pack_id, sessionId, questionId: q.id, at: ref.at };
        updateWrongList(db, wrongRef, correct, practice);
      }
      const total = live.length;
      const passed = practice ? null : meetsPassMark(score, total, row.pass_mark) ? 1 : 0;
      db.prepare('UPDATE attempts SET submitted_at = ?, score = ?, total = ?, passed = ? WHERE id = ?').run(
        ref.at,
        score,
        total,
        passed,
        row.id,
      );
      const completed =
        !practice && passed === 1 && recordCompletionIfDue(db, ref.profileId, row.pack_id, row.session_id!, ref.at);
      return buildReview(db, loadAttempt(db, ref.profileId, row.id), completed);
    })
    .immediate();
}
