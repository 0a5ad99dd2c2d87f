import type Database from 'better-sqlite3';
import { openCore } from '../support/core';

export const PACK = 'hubei-special-training-class';

export interface SeedAnswer {
  questionId: string;
  /** The quiz engine's stored form: JSON of its QuizResponse. */
  response: object;
  correct: boolean;
}

/**
 * A submitted quiz attempt written with plain SQL in the shape of migration 002, so these tests do
 * not depend on the quiz engine's code, only on the tables it writes.
 */
export function insertAttempt(
  db: Database.Database,
  a: {
    profileId: number;
    sessionId: string;
    score: number;
    total: number;
    passed: boolean;
    startedAt: string;
    submittedAt: string;
    answers?: SeedAnswer[];
    mode?: 'quiz' | 'practice';
  },
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO attempts (profile_id, pack_id, pack_version, session_id, mode, layout, pass_mark, total,
           started_at, submitted_at, score, passed) VALUES (?, ?, '1.0.0', ?, ?, '{}', 0.8, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.profileId,
        PACK,
        a.sessionId,
        a.mode ?? 'quiz',
        a.total,
        a.startedAt,
        a.submittedAt,
        a.score,
        a.passed ? 1 : 0,
      ).lastInsertRowid,
  );
  const answer = db.prepare(
    'INSERT INTO answers (attempt_id, question_id, response, correct, answered_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const x of a.answers ?? [])
    answer.run(id, x.questionId, JSON.stringify(x.response), x.correct ? 1 : 0, a.startedAt);
  return id;
}

/**
 * A participant "张三" with: session 1 complete (read, key points, a passed quiz after a failed
 * one), session 2 with a quiz submitted with 0 correct, the rest untouched.
 */
export async function seededCore() {
  const opened = await openCore();
  const { core, call } = opened;
  const profile = await call('profiles.create', { name: '张三, "老张"', unit: '省委组织部', venue: '武汉分会场' });
  const db = core.db;
  const answers: SeedAnswer[] = [
    { questionId: 's1-q1', response: { type: 'single', option: 'a' }, correct: true },
    { questionId: 's1-q2', response: { type: 'multiple', options: ['a', 'c'] }, correct: false },
    { questionId: 's1-q3', response: { type: 'truefalse', value: true }, correct: true },
    { questionId: 's1-q4', response: { type: 'fill', text: 'Six' }, correct: true },
  ];
  const base = { profileId: profile.id, sessionId: 's1', total: 7 };
  insertAttempt(db, {
    ...base,
    score: 3,
    passed: false,
    startedAt: '2025-03-01T08:00:00.000Z',
    submittedAt: '2025-03-01T08:05:30.250Z',
    answers,
  });
  insertAttempt(db, {
    ...base,
    score: 6,
    passed: true,
    startedAt: '2025-03-01T09:00:00.000Z',
    submittedAt: '2025-03-01T09:04:00.000Z',
    answers,
  });
  insertAttempt(db, {
    profileId: profile.id,
    sessionId: 's2',
    total: 6,
    score: 0,
    passed: false,
    startedAt: '2025-03-02T08:00:00.000Z',
    submittedAt: '2025-03-02T08:01:00.000Z',
  });
  for (const kp of ['s1-kp1', 's1-kp2', 's1-kp3', 's1-kp4', 's1-kp5']) {
    await call('keypoint.mark', { sessionId: 's1', keyPointId: kp, reviewed: true });
  }
  await call('reading.save', { sessionId: 's1', position: 1, reachedEnd: true, secondsDelta: 600 });
  await call('reading.save', { sessionId: 's3', position: 0.4, secondsDelta: 90 });
  return { ...opened, profile };
}
