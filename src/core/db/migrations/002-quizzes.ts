import type { Migration } from './types';

/**
 * Version 2: quiz attempts with the order shown (options are shuffled per attempt), answers saved
 * one by one so an attempt survives a restart, the wrong-answer list, and session completions
 * (stored when first reached, so completion never silently disappears later).
 */
export const migration002: Migration = {
  version: 2,
  name: 'quizzes',
  up: `
    CREATE TABLE attempts (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      pack_version TEXT NOT NULL,
      -- NULL only for practice across all sessions; a quiz always belongs to one session.
      session_id TEXT CHECK (session_id IS NOT NULL OR mode = 'practice'),
      mode TEXT NOT NULL CHECK (mode IN ('quiz', 'practice')),
      layout TEXT NOT NULL,
      pass_mark REAL NOT NULL,
      total INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      submitted_at TEXT,
      score INTEGER,
      passed INTEGER
    ) STRICT;
    CREATE INDEX attempts_by_session ON attempts (profile_id, pack_id, session_id, submitted_at);

    CREATE TABLE answers (
      attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      response TEXT NOT NULL,
      correct INTEGER,
      answered_at TEXT NOT NULL,
      PRIMARY KEY (attempt_id, question_id)
    ) STRICT;

    CREATE TABLE wrong_answers (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      question_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      added_at TEXT NOT NULL,
      last_wrong_at TEXT NOT NULL,
      times_wrong INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (profile_id, pack_id, question_id)
    ) STRICT;

    CREATE TABLE session_completions (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      completed_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, pack_id, session_id)
    ) STRICT;
  `,
};
