import type Database from 'better-sqlite3';
import type { WrongItem } from '../../shared/contract/quiz';
import type { Question } from '../../shared/pack/schema';

interface Row {
  question_id: string;
  session_id: string;
  ord: number;
  title: string;
  data: string;
  times_wrong: number;
  added_at: string;
  last_wrong_at: string;
}

/**
 * The wrong-answer list, most recently wrong first (participants asked to see recent errors
 * first); ties, e.g. several errors in one submit, keep the course order. Joined to the installed
 * questions so an entry whose question a pack upgrade removed never shows.
 */
const SQL = `
  SELECT w.question_id, q.session_id, s.ord, coalesce(st.title, s.title) AS title, coalesce(qt.data, q.data) AS data,
    w.times_wrong, w.added_at, w.last_wrong_at
  FROM wrong_answers w
  JOIN questions q ON q.pack_id = w.pack_id AND q.id = w.question_id
  JOIN sessions s ON s.pack_id = q.pack_id AND s.id = q.session_id
  LEFT JOIN question_translations qt ON qt.pack_id = q.pack_id AND qt.id = q.id AND qt.language = @lang
  LEFT JOIN session_translations st ON st.pack_id = s.pack_id AND st.session_id = s.id AND st.language = @lang
  WHERE w.profile_id = @profile AND w.pack_id = @pack AND (@session IS NULL OR q.session_id = @session)
  ORDER BY w.last_wrong_at DESC, s.ord, q.ord`;

function rows(
  db: Database.Database,
  profileId: number,
  packId: string,
  sessionId: string | null,
  language: string | null = null,
): Row[] {
  return db.prepare(SQL).all({ profile: profileId, pack: packId, session: sessionId, lang: language }) as Row[];
}

export function wrongList(
  db: Database.Database,
  profileId: number,
  packId: string,
  sessionId: string | null,
  /** A translation's language shows its prompts and titles; any other shows the pack's own. */
  language: string | null = null,
): WrongItem[] {
  return rows(db, profileId, packId, sessionId, language).map((r) => ({
    questionId: r.question_id,
    sessionId: r.session_id,
    sessionOrd: r.ord,
    sessionTitle: r.title,
    prompt: (JSON.parse(r.data) as Question).prompt,
    timesWrong: r.times_wrong,
    addedAt: r.added_at,
    lastWrongAt: r.last_wrong_at,
  }));
}

export function wrongQuestions(
  db: Database.Database,
  profileId: number,
  packId: string,
  sessionId: string | null,
): Question[] {
  return rows(db, profileId, packId, sessionId).map((r) => JSON.parse(r.data) as Question);
}

/** Applies one graded question to the list: wrong adds or bumps it; right in practice removes it. */
export function updateWrongList(
  db: Database.Database,
  ref: { profileId: number; packId: string; sessionId: string; questionId: string; at: string },
  correct: boolean,
  practice: boolean,
): void {
  if (correct) {
    if (practice) {
      db.prepare('DELETE FROM wrong_answers WHERE profile_id = ? AND pack_id = ? AND question_id = ?').run(
        ref.profileId,
        ref.packId,
        ref.questionId,
      );
    }
    return;
  }
  db.prepare(
    `INSERT INTO wrong_answers (profile_id, pack_id, question_id, session_id, added_at, last_wrong_at, times_wrong)
     VALUES (@profileId, @packId, @questionId, @sessionId, @at, @at, 1)
     ON CONFLICT (profile_id, pack_id, question_id) DO UPDATE SET
       times_wrong = times_wrong + 1, last_wrong_at = excluded.last_wrong_at, session_id = excluded.session_id`,
  ).run(ref);
}
