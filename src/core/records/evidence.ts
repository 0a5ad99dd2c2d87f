import type Database from 'better-sqlite3';
import {
  MAX_EVIDENCE_INTERVALS,
  type Evidence,
  type EvidenceAttempt,
  type EvidenceMedia,
  type EvidenceSession,
} from '../../shared/contract/records';
import { mergeIntervals, type Interval } from '../../shared/watch/intervals';

interface AttemptRow {
  id: number;
  session_id: string;
  pack_version: string;
  layout: string;
  pass_mark: number;
  total: number;
  started_at: string;
  submitted_at: string;
  score: number;
  passed: number;
}

/** The asked question ids of a stored layout; an unreadable layout asks nothing the venue can see. */
function asked(layout: string): string[] {
  try {
    const parsed = JSON.parse(layout) as { questions?: { id?: unknown }[] };
    return (parsed.questions ?? []).map((q) => q.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

function parseResponse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const DAY = 86_400;

/** The stored union, as [start, end] pairs; unreadable text gives no intervals (and so no coverage). */
function storedIntervals(text: string): Interval[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) return [];
    // The record's schema bounds media time to a day, as the watch.save call does.
    return mergeIntervals(
      parsed
        .filter((x): x is [number, number] => Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'number')
        .map(([a, b]): Interval => [Math.min(a, DAY), Math.min(b, DAY)]),
    );
  } catch {
    return [];
  }
}

/**
 * A union longer than the record may carry keeps its longest stretches: the venue then counts less
 * than was watched, never more. (A real union is a handful of stretches; this bounds a file.)
 */
function bounded(list: Interval[]): [number, number][] {
  const kept =
    list.length <= MAX_EVIDENCE_INTERVALS
      ? list
      : [...list]
          .sort((a, b) => b[1] - b[0] - (a[1] - a[0]))
          .slice(0, MAX_EVIDENCE_INTERVALS)
          .sort((a, b) => a[0] - b[0]);
  return kept.map(([a, b]) => [a, b]);
}

/**
 * Everything the record's summary is computed from, read from the same tables sessionProgress
 * reads: submitted quiz attempts with each answer (practice runs stay private), key points
 * reviewed with their times, reading time, each recording's watched intervals and time on task,
 * and completions. A venue re-derives the summary from
 * this against its own copy of the pack; the summary itself is never believed.
 */
export function gatherEvidence(db: Database.Database, profileId: number, packId: string): Evidence {
  const profile = db.prepare('SELECT created_at FROM profiles WHERE id = ?').get(profileId) as { created_at: string };
  const sessions = db.prepare('SELECT id FROM sessions WHERE pack_id = ? ORDER BY ord').all(packId) as { id: string }[];
  const reading = db.prepare(
    `SELECT seconds, max_position, reached_end_at, updated_at FROM reading
     WHERE profile_id = ? AND pack_id = ? AND session_id = ?`,
  );
  // Reviews are keyed by key point id only; the session comes from the pack (as sessionProgress does).
  const keyPoints = db.prepare(
    `SELECT r.key_point_id AS id, r.reviewed_at AS reviewedAt FROM key_point_reviews r
     JOIN key_points k ON k.pack_id = r.pack_id AND k.id = r.key_point_id
     WHERE r.profile_id = ? AND r.pack_id = ? AND k.session_id = ? ORDER BY r.reviewed_at, r.key_point_id`,
  );
  const attempts = db.prepare(
    `SELECT id, session_id, pack_version, layout, pass_mark, total, started_at, submitted_at, score,
       coalesce(passed, 0) AS passed
     FROM attempts WHERE profile_id = ? AND pack_id = ? AND session_id = ? AND mode = 'quiz'
       AND submitted_at IS NOT NULL AND score IS NOT NULL ORDER BY submitted_at, id`,
  );
  const answers = db.prepare(
    'SELECT question_id, response, answered_at FROM answers WHERE attempt_id = ? ORDER BY question_id',
  );
  const watching = db.prepare(
    `SELECT path, intervals, ms FROM watching WHERE profile_id = ? AND pack_id = ? AND session_id = ? ORDER BY path`,
  );
  const completion = db.prepare(
    'SELECT completed_at FROM session_completions WHERE profile_id = ? AND pack_id = ? AND session_id = ?',
  );
  const out: EvidenceSession[] = sessions.map(({ id }) => {
    const rd = reading.get(profileId, packId, id) as
      { seconds: number; max_position: number; reached_end_at: string | null; updated_at: string } | undefined;
    const done = completion.get(profileId, packId, id) as { completed_at: string } | undefined;
    return {
      id,
      reading: {
        seconds: rd?.seconds ?? 0,
        maxPosition: rd?.max_position ?? 0,
        reachedEndAt: rd?.reached_end_at ?? null,
        updatedAt: rd?.updated_at ?? null,
      },
      media: (watching.all(profileId, packId, id) as { path: string; intervals: string; ms: number }[]).map(
        (w): EvidenceMedia => ({
          id: w.path,
          seconds: Math.round(w.ms / 1000),
          intervals: bounded(storedIntervals(w.intervals)),
        }),
      ),
      keyPoints: keyPoints.all(profileId, packId, id) as { id: string; reviewedAt: string }[],
      attempts: (attempts.all(profileId, packId, id) as AttemptRow[]).map((a): EvidenceAttempt => ({
        packVersion: a.pack_version,
        startedAt: a.started_at,
        submittedAt: a.submitted_at,
        passMark: a.pass_mark,
        asked: asked(a.layout),
        score: a.score,
        total: a.total,
        passed: a.passed === 1,
        answers: (answers.all(a.id) as { question_id: string; response: string; answered_at: string }[]).map((x) => ({
          questionId: x.question_id,
          response: parseResponse(x.response),
          answeredAt: x.answered_at,
        })),
      })),
      completedAt: done?.completed_at ?? null,
    };
  });
  const profileChanges = db
    .prepare(
      `SELECT field, old_value AS "from", new_value AS "to", changed_at AS at FROM profile_changes
       WHERE profile_id = ? ORDER BY changed_at, id`,
    )
    .all(profileId) as Evidence['profileChanges'];
  return { profileCreatedAt: profile.created_at, profileChanges, sessions: out };
}
