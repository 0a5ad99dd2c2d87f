import type Database from 'better-sqlite3';
import type { Attempt, QuizMode, QuizResponse } from '../../shared/contract/quiz';
import { AppError } from '../../shared/errors';
import type { Question } from '../../shared/pack/schema';
import { shownLanguage } from '../library/translations';
import { asAsked, makeLayout, parseLayout } from './layout';
import { packQuestions, sessionQuestions } from './questions';
import { wrongQuestions } from './wrong';

export interface AttemptRow {
  id: number;
  profile_id: number;
  pack_id: string;
  pack_version: string;
  session_id: string | null;
  mode: QuizMode;
  layout: string;
  pass_mark: number;
  total: number;
  started_at: string;
  submitted_at: string | null;
  score: number | null;
  passed: number | null;
  /** The language the questions are shown in (null in attempts from before translations: the pack's own). */
  language: string | null;
}

export interface Scope {
  profileId: number;
  packId: string;
  at: string;
}

/** Another participant's attempt is reported as missing, not as forbidden: ids reveal nothing. */
export function loadAttempt(db: Database.Database, profileId: number, attemptId: number): AttemptRow {
  const row = db.prepare('SELECT * FROM attempts WHERE id = ? AND profile_id = ?').get(attemptId, profileId) as
    AttemptRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Attempt ${attemptId} does not exist.`, { reason: 'quiz.attemptNotFound' });
  return row;
}

export interface LiveQuestion {
  question: Question;
  sessionId: string;
  options: string[];
}

/** The attempt's questions in its order, minus any a pack upgrade has removed since it started. */
export function liveQuestions(db: Database.Database, row: AttemptRow, language = row.language): LiveQuestion[] {
  const installed = packQuestions(db, row.pack_id, language);
  return parseLayout(row.layout).questions.flatMap((l) => {
    const q = installed.get(l.id);
    return q ? [{ question: q.question, sessionId: q.sessionId, options: l.options }] : [];
  });
}

/** Saved answers by question id; a response of another type (the question changed) is dropped. */
export function savedAnswers(
  db: Database.Database,
  attemptId: number,
  live: readonly LiveQuestion[],
): Map<string, { response: QuizResponse; correct: boolean }> {
  const types = new Map(live.map((l) => [l.question.id, l.question.type]));
  const rows = db.prepare('SELECT question_id, response, correct FROM answers WHERE attempt_id = ?').all(attemptId) as {
    question_id: string;
    response: string;
    correct: number | null;
  }[];
  const out = new Map<string, { response: QuizResponse; correct: boolean }>();
  for (const r of rows) {
    const response = JSON.parse(r.response) as QuizResponse;
    if (types.get(r.question_id) === response.type) out.set(r.question_id, { response, correct: r.correct === 1 });
  }
  return out;
}

function toAttempt(db: Database.Database, row: AttemptRow, resumed: boolean): Attempt {
  const live = liveQuestions(db, row);
  const saved = savedAnswers(db, row.id, live);
  return {
    attemptId: row.id,
    mode: row.mode,
    sessionId: row.session_id,
    startedAt: row.started_at,
    passMark: row.pass_mark,
    resumed,
    questions: live.map((l) => asAsked(l.question, l.sessionId, l.options)),
    responses: Object.fromEntries([...saved].map(([id, a]) => [id, a.response])),
    language: row.language ?? shownLanguage(db, row.pack_id, null),
  };
}

function sessionPassMark(db: Database.Database, packId: string, sessionId: string): number {
  const row = db.prepare('SELECT pass_mark FROM sessions WHERE pack_id = ? AND id = ?').get(packId, sessionId) as
    { pass_mark: number } | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', `Session "${sessionId}" is not in pack "${packId}".`, {
      reason: 'study.sessionNotFound',
      sessionId,
    });
  return row.pass_mark;
}

/**
 * Picks up the unsubmitted attempt of this session and mode (so a restart loses nothing), or
 * starts one: a quiz asks the session's questions shuffled; practice asks the wrong-answer list
 * (of one session, or of all sessions when sessionId is null), most recently wrong first.
 */
export function startAttempt(
  db: Database.Database,
  s: Scope,
  sessionId: string | null,
  mode: QuizMode,
  askedLanguage?: string,
): Attempt {
  const language = shownLanguage(db, s.packId, askedLanguage);
  return db
    .transaction((): Attempt => {
      const open = db
        .prepare(
          `SELECT * FROM attempts WHERE profile_id = ? AND pack_id = ? AND mode = ? AND session_id IS ?
           AND submitted_at IS NULL ORDER BY id DESC LIMIT 1`,
        )
        .get(s.profileId, s.packId, mode, sessionId) as AttemptRow | undefined;
      if (open) {
        // The participant switched the content language: the same attempt, now shown in that one.
        if (open.language !== language) {
          db.prepare('UPDATE attempts SET language = ? WHERE id = ?').run(language, open.id);
          open.language = language;
        }
        return toAttempt(db, open, true);
      }
      // Practice never decides passing, so across all sessions it has no pass mark of its own.
      const passMark = sessionId === null ? 0 : sessionPassMark(db, s.packId, sessionId);
      const questions =
        mode === 'quiz'
          ? sessionQuestions(db, s.packId, sessionId!)
          : wrongQuestions(db, s.profileId, s.packId, sessionId);
      if (questions.length === 0) {
        throw new AppError('CONFLICT', 'There are no wrong answers to practise.', { reason: 'quiz.nothingToPractise' });
      }
      const version = db.prepare('SELECT version FROM packs WHERE id = ?').get(s.packId) as { version: string };
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO attempts (profile_id, pack_id, pack_version, session_id, mode, layout, pass_mark, total, started_at,
             language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          s.profileId,
          s.packId,
          version.version,
          sessionId,
          mode,
          JSON.stringify(makeLayout(questions, mode === 'quiz')),
          passMark,
          questions.length,
          s.at,
          language,
        );
      return toAttempt(db, loadAttempt(db, s.profileId, Number(lastInsertRowid)), false);
    })
    .immediate();
}
