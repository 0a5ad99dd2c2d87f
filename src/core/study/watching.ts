import type Database from 'better-sqlite3';
import type { MediaProgress } from '../../shared/contract/watch';
import { AppError } from '../../shared/errors';
import {
  clipIntervals,
  coveredSeconds,
  mergeIntervals,
  unionIntervals,
  type Interval,
} from '../../shared/watch/intervals';
import { packRules } from './pack-rules';
import { recordCompletionIfDue } from './progress';
import { addStudyTime } from './study-days';
import type { Ref } from './writes';

/** The fastest speed the player offers: more media time than this per wall-clock second was not watched. */
export const MAX_SPEED = 2;
/** Slack for timeupdate granularity when checking media time against wall-clock time. */
const SLACK_SECONDS = 2;
/** Slack for the delay between the renderer's clock and the core's receipt of a save. */
const CLOCK_SLACK_SECONDS = 0.5;

interface Row {
  path: string;
  intervals: string;
  covered: number;
  ms: number;
  position: number;
  updated_at: string;
}

function toProgress(row: Row | undefined, duration: number, required: number | null): MediaProgress {
  const intervals = row ? (JSON.parse(row.intervals) as Interval[]) : [];
  const covered = row?.covered ?? 0;
  return {
    coveredSeconds: covered,
    duration: duration > 0 ? duration : null,
    fraction: duration > 0 ? Math.min(1, covered / duration) : 0,
    seconds: Math.round((row?.ms ?? 0) / 1000),
    position: row?.position ?? 0,
    required,
    intervals: intervals.map(([s, e]) => [s, e] as [number, number]),
  };
}

/** Watching of every recording of a session, by pack path (recordings never played included). */
export function sessionWatching(
  db: Database.Database,
  profileId: number,
  packId: string,
  sessionId: string,
): Map<string, MediaProgress> {
  const rules = packRules(db, packId).sessions.get(sessionId);
  const rows = new Map(
    (
      db
        .prepare(
          'SELECT path, intervals, covered, ms, position, updated_at FROM watching WHERE profile_id = ? AND pack_id = ? AND session_id = ?',
        )
        .all(profileId, packId, sessionId) as Row[]
    ).map((r) => [r.path, r]),
  );
  const out = new Map<string, MediaProgress>();
  for (const [path, duration] of rules?.timed ?? []) {
    out.set(path, toProgress(rows.get(path), duration, rules?.media.get(path) ?? null));
  }
  return out;
}

/**
 * Adds what the player reports. Refused: a path that is not a recording of the session, and more
 * media time than `secondsDelta` could have played at MAX_SPEED (a script jumping the playhead
 * along), or more wall-clock seconds than have passed since the last save. What is accepted is
 * clipped to the recording's length and merged into the stored union.
 */
export function saveWatching(
  db: Database.Database,
  ref: Ref,
  input: { path: string; played: Interval[]; secondsDelta: number; position: number },
): { progress: MediaProgress; sessionComplete: boolean } {
  const rules = packRules(db, ref.packId).sessions.get(ref.sessionId);
  const duration = rules?.timed.get(input.path);
  if (!rules || duration === undefined) {
    throw new AppError('NOT_FOUND', `"${input.path}" is not a recording of session "${ref.sessionId}".`, {
      reason: 'watch.mediaNotFound',
      path: input.path,
    });
  }
  const played = duration > 0 ? clipIntervals(input.played, duration) : clipIntervals(input.played, 86_400);
  const playedSeconds = coveredSeconds(played);
  if (playedSeconds > input.secondsDelta * MAX_SPEED + SLACK_SECONDS) {
    throw new AppError(
      'INVALID_INPUT',
      `${playedSeconds.toFixed(1)} s of media cannot have played in ${input.secondsDelta.toFixed(1)} s.`,
      { reason: 'watch.implausible' },
    );
  }
  return db.transaction(() => {
    const row = db
      .prepare(
        'SELECT path, intervals, covered, ms, position, updated_at FROM watching WHERE profile_id = ? AND pack_id = ? AND path = ?',
      )
      .get(ref.profileId, ref.packId, input.path) as Row | undefined;
    let seconds = input.secondsDelta;
    if (row) {
      const since = (Date.parse(ref.at) - Date.parse(row.updated_at)) / 1000;
      // Time on task never exceeds the time that passed: two tabs or a replayed request add nothing twice.
      if (Number.isFinite(since)) seconds = Math.max(0, Math.min(seconds, since + CLOCK_SLACK_SECONDS));
    }
    // Rounded to the millisecond before merging, so a stretch starting where a stored one ended
    // (9.449316 after 9.449) joins it instead of being stored as a touching second piece.
    const merged = mergeIntervals(
      unionIntervals(row ? (JSON.parse(row.intervals) as Interval[]) : [], played).map(([a, b]): Interval => [
        round3(a),
        round3(b),
      ]),
    );
    const covered = coveredSeconds(merged);
    const position = duration > 0 ? Math.min(input.position, duration) : input.position;
    db.prepare(
      `INSERT INTO watching (profile_id, pack_id, session_id, path, intervals, covered, ms, position, updated_at)
       VALUES (@p, @k, @s, @path, @iv, @cov, @ms, @pos, @at)
       ON CONFLICT (profile_id, pack_id, path) DO UPDATE SET
         session_id = excluded.session_id, intervals = excluded.intervals, covered = excluded.covered,
         ms = ms + excluded.ms, position = excluded.position, updated_at = excluded.updated_at`,
    ).run({
      p: ref.profileId,
      k: ref.packId,
      s: ref.sessionId,
      path: input.path,
      iv: JSON.stringify(merged),
      cov: covered,
      ms: Math.round(seconds * 1000),
      pos: position,
      at: ref.at,
    });
    addStudyTime(db, ref.profileId, ref.packId, ref.at, seconds * 1000);
    const completedNow = recordCompletionIfDue(db, ref.profileId, ref.packId, ref.sessionId, ref.at);
    const progress = sessionWatching(db, ref.profileId, ref.packId, ref.sessionId).get(input.path)!;
    const complete =
      completedNow ||
      db
        .prepare('SELECT 1 FROM session_completions WHERE profile_id = ? AND pack_id = ? AND session_id = ?')
        .get(ref.profileId, ref.packId, ref.sessionId) !== undefined;
    return { progress, sessionComplete: complete };
  })();
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
