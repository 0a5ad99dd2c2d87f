import type Database from 'better-sqlite3';
import type { SessionProgress, SessionStatus } from '../../shared/contract/study';
import { packRules } from './pack-rules';
import { FORMAT_1_RULE, meetsRule, mediaSeconds, type SessionRules } from './rules';

interface Row {
  id: string;
  ord: number;
  title: string;
  summary: string;
  pass_mark: number;
  questions: number;
  kp_total: number;
  kp_reviewed: number;
  position: number | null;
  max_position: number | null;
  reached_end_at: string | null;
  seconds: number | null;
  attempts: number;
  best: number | null;
  passed_any: number;
  completed_at: string | null;
  has_note: number;
}

/**
 * One query computes every number the home screen, "My progress" and the exported record show,
 * so they cannot disagree (Kolibri's users filed bugs where exports and screens differed).
 */
const SQL = `
  SELECT s.id, s.ord, s.title, s.summary, s.pass_mark,
    (SELECT count(*) FROM questions q WHERE q.pack_id = s.pack_id AND q.session_id = s.id) AS questions,
    (SELECT count(*) FROM key_points k WHERE k.pack_id = s.pack_id AND k.session_id = s.id) AS kp_total,
    (SELECT count(*) FROM key_points k JOIN key_point_reviews r
       ON r.pack_id = k.pack_id AND r.key_point_id = k.id AND r.profile_id = @profile
       WHERE k.pack_id = s.pack_id AND k.session_id = s.id) AS kp_reviewed,
    rd.position, rd.max_position, rd.reached_end_at, rd.seconds,
    (SELECT count(*) FROM attempts a WHERE a.profile_id = @profile AND a.pack_id = s.pack_id
       AND a.session_id = s.id AND a.mode = 'quiz' AND a.submitted_at IS NOT NULL) AS attempts,
    (SELECT max(CAST(a.score AS REAL) / a.total) FROM attempts a WHERE a.profile_id = @profile
       AND a.pack_id = s.pack_id AND a.session_id = s.id AND a.mode = 'quiz' AND a.submitted_at IS NOT NULL) AS best,
    EXISTS (SELECT 1 FROM attempts a WHERE a.profile_id = @profile AND a.pack_id = s.pack_id
       AND a.session_id = s.id AND a.mode = 'quiz' AND a.passed = 1) AS passed_any,
    c.completed_at,
    EXISTS (SELECT 1 FROM notes n WHERE n.profile_id = @profile AND n.pack_id = s.pack_id
       AND n.session_id = s.id AND n.text <> '') AS has_note
  FROM sessions s
  LEFT JOIN reading rd ON rd.profile_id = @profile AND rd.pack_id = s.pack_id AND rd.session_id = s.id
  LEFT JOIN session_completions c ON c.profile_id = @profile AND c.pack_id = s.pack_id AND c.session_id = s.id
  WHERE s.pack_id = @pack
  ORDER BY s.ord`;

const LATEST = `SELECT CAST(score AS REAL) / total AS score FROM attempts WHERE profile_id = ? AND pack_id = ?
  AND session_id = ? AND mode = 'quiz' AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, id DESC LIMIT 1`;

function status(complete: boolean, started: boolean): SessionStatus {
  if (complete) return 'complete';
  return started ? 'in-progress' : 'not-started';
}

const WATCHING = `SELECT session_id, path, covered, ms FROM watching WHERE profile_id = ? AND pack_id = ?`;

/** Covered seconds per recording and time spent watching, per session. */
function watchingBySession(db: Database.Database, profileId: number, packId: string) {
  const out = new Map<string, { covered: Map<string, number>; ms: number }>();
  for (const w of db.prepare(WATCHING).all(profileId, packId) as {
    session_id: string;
    path: string;
    covered: number;
    ms: number;
  }[]) {
    const s = out.get(w.session_id) ?? { covered: new Map<string, number>(), ms: 0 };
    s.covered.set(w.path, w.covered);
    s.ms += w.ms;
    out.set(w.session_id, s);
  }
  return out;
}

/**
 * The parts of a session's progress bar: one for each thing its rule requires (reading, key
 * points, quiz, each recording to watch), each 0-1.
 */
function parts(
  rules: SessionRules | undefined,
  p: { read: number; kp: number; passed: boolean; covered: Map<string, number> },
): number[] {
  const r = rules ?? FORMAT_1_RULE;
  const out: number[] = [];
  if (r.reading) out.push(p.read);
  if (r.keyPoints) out.push(p.kp);
  if (r.quiz) out.push(p.passed ? 1 : 0);
  for (const [path, fraction] of r.media) {
    const duration = r.timed.get(path) ?? 0;
    const covered = p.covered.get(path) ?? 0;
    out.push(duration > 0 ? Math.min(1, covered / (duration * fraction)) : covered > 0 ? 1 : 0);
  }
  return out;
}

export function sessionProgress(db: Database.Database, profileId: number, packId: string): SessionProgress[] {
  const rows = db.prepare(SQL).all({ profile: profileId, pack: packId }) as Row[];
  const latest = db.prepare(LATEST);
  const rules = packRules(db, packId);
  const watching = watchingBySession(db, profileId, packId);
  return rows.map((r) => {
    const sessionRules = rules.sessions.get(r.id);
    const w = watching.get(r.id) ?? { covered: new Map<string, number>(), ms: 0 };
    const reachedEnd = r.reached_end_at !== null;
    const readFraction = reachedEnd ? 1 : Math.min(1, r.max_position ?? 0);
    const kpFraction = r.kp_total ? r.kp_reviewed / r.kp_total : 1;
    const passed = r.passed_any === 1;
    // Reaching the end counts (a short material is read to its end without scrolling or a
    // measured second): status and bar must tell the same story.
    const started =
      reachedEnd ||
      (r.seconds ?? 0) > 0 ||
      (r.max_position ?? 0) > 0 ||
      r.kp_reviewed > 0 ||
      r.attempts > 0 ||
      r.has_note === 1 ||
      w.ms > 0;
    const latestRow = r.attempts ? (latest.get(profileId, packId, r.id) as { score: number }) : undefined;
    // The stored completion only dates it: a session is complete while its evidence meets the
    // pack's rule (a new pack version that adds a key point asks for it), as the venue re-derives.
    const complete =
      r.completed_at !== null &&
      meetsRule(sessionRules ?? FORMAT_1_RULE, {
        reachedEnd,
        keyPointsReviewed: r.kp_reviewed,
        keyPointsTotal: r.kp_total,
        quizPassed: passed,
        covered: w.covered,
      });
    return {
      id: r.id,
      ord: r.ord,
      title: r.title,
      summary: r.summary,
      status: status(complete, started),
      reading: { fraction: readFraction, reachedEnd, seconds: r.seconds ?? 0 },
      keyPoints: { reviewed: r.kp_reviewed, total: r.kp_total },
      quiz: {
        questions: r.questions,
        passMark: r.pass_mark,
        attempts: r.attempts,
        bestScore: r.best,
        latestScore: latestRow?.score ?? null,
        passed,
      },
      completedAt: complete ? r.completed_at : null,
      watching: {
        coveredSeconds: [...w.covered.values()].reduce((a, b) => a + b, 0),
        totalSeconds: sessionRules ? mediaSeconds(sessionRules) : 0,
        seconds: Math.round(w.ms / 1000),
      },
      // A session without key points gives nothing for them until it is started, so a bar never
      // shows a part done beside "not started".
      fraction: complete
        ? 1
        : started
          ? average(parts(sessionRules, { read: readFraction, kp: kpFraction, passed, covered: w.covered }))
          : 0,
    };
  });
}

const average = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 1);

/**
 * Records completion the first time the evidence meets the pack's rule for the session (format 1
 * and packs without rules: read to the end, every key point reviewed, quiz passed). Called after
 * every write that can complete a session. The stored time is when it first happened; whether it
 * did is always re-derivable from the evidence (the venue does exactly that).
 */
export function recordCompletionIfDue(
  db: Database.Database,
  profileId: number,
  packId: string,
  sessionId: string,
  at: string,
): boolean {
  const p = sessionProgress(db, profileId, packId).find((s) => s.id === sessionId);
  if (!p || p.completedAt) return false;
  const rules = packRules(db, packId).sessions.get(sessionId);
  if (!rules) return false;
  const covered = new Map(
    (
      db
        .prepare('SELECT path, covered FROM watching WHERE profile_id = ? AND pack_id = ? AND session_id = ?')
        .all(profileId, packId, sessionId) as { path: string; covered: number }[]
    ).map((w) => [w.path, w.covered]),
  );
  const done = meetsRule(rules, {
    reachedEnd: p.reading.reachedEnd,
    keyPointsReviewed: p.keyPoints.reviewed,
    keyPointsTotal: p.keyPoints.total,
    quizPassed: p.quiz.passed,
    covered,
  });
  if (!done) return false;
  db.prepare(
    'INSERT OR IGNORE INTO session_completions (profile_id, pack_id, session_id, completed_at) VALUES (?, ?, ?, ?)',
  ).run(profileId, packId, sessionId, at);
  return true;
}

/**
 * After a new pack version is installed: completions whose evidence no longer meets the new
 * rule (more key points, a recording to watch) are moved to archived_progress, so the session
 * reopens and is dated afresh when it is met again. Runs inside the install transaction.
 */
export function archiveUnmetCompletions(db: Database.Database, packId: string, at: string): number {
  const version = (db.prepare('SELECT version FROM packs WHERE id = ?').get(packId) as { version: string }).version;
  const rows = db
    .prepare('SELECT profile_id, session_id, completed_at FROM session_completions WHERE pack_id = ?')
    .all(packId) as { profile_id: number; session_id: string; completed_at: string }[];
  const byProfile = new Map<number, Map<string, SessionProgress>>();
  let archived = 0;
  for (const r of rows) {
    let progress = byProfile.get(r.profile_id);
    if (!progress) {
      progress = new Map(sessionProgress(db, r.profile_id, packId).map((p) => [p.id, p]));
      byProfile.set(r.profile_id, progress);
    }
    if (progress.get(r.session_id)?.status === 'complete') continue;
    db.prepare(
      `INSERT INTO archived_progress (profile_id, pack_id, pack_version, kind, item_id, data, archived_at)
       VALUES (?, ?, ?, 'completion', ?, ?, ?)`,
    ).run(r.profile_id, packId, version, r.session_id, JSON.stringify({ completed_at: r.completed_at }), at); // version: the one that reopened it
    db.prepare('DELETE FROM session_completions WHERE profile_id = ? AND pack_id = ? AND session_id = ?').run(
      r.profile_id,
      packId,
      r.session_id,
    );
    archived++;
  }
  return archived;
}
