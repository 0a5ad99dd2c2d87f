import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

/** Wrong guesses allowed before the first wait; then the wait starts here and doubles per guess. */
export const FREE_TRIES = 5;
export const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;

interface AttemptRow {
  failures: number;
  locked_until: string | null;
}

/**
 * Failed PIN guesses per profile, stored in the database so a restart changes nothing: 5 free
 * tries, then 30 s, 60 s, 120 s ... (capped at a day). A 4-digit PIN then takes months to guess
 * instead of minutes. Only the venue resets a forgotten PIN; a right PIN clears the count.
 */
export class PinThrottle {
  constructor(private readonly db: Database.Database) {}

  /** Throws PIN_WRONG with `waitSeconds` while the profile is in a wait, before any hashing. */
  assertMayTry(profileId: number, now: Date): void {
    const row = this.row(profileId);
    if (!row?.locked_until) return;
    const waitMs = Date.parse(row.locked_until) - now.getTime();
    if (waitMs > 0) throw locked(profileId, waitMs);
  }

  /** Records a wrong guess; the error says how long the participant must wait, if at all. */
  failed(profileId: number, now: Date): AppError {
    const failures = (this.row(profileId)?.failures ?? 0) + 1;
    const waitMs = failures >= FREE_TRIES ? Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS) : 0;
    const until = waitMs ? new Date(now.getTime() + waitMs).toISOString() : null;
    this.db
      .prepare(
        `INSERT INTO pin_attempts (profile_id, failures, locked_until) VALUES (?, ?, ?)
         ON CONFLICT(profile_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
      )
      .run(profileId, failures, until);
    if (waitMs) return locked(profileId, waitMs);
    return new AppError('PIN_WRONG', 'The PIN is not correct.', {
      reason: 'profiles.pin.wrong',
      profileId,
      triesLeft: FREE_TRIES - failures,
    });
  }

  succeeded(profileId: number): void {
    this.db.prepare('DELETE FROM pin_attempts WHERE profile_id = ?').run(profileId);
  }

  private row(profileId: number): AttemptRow | undefined {
    return this.db.prepare('SELECT failures, locked_until FROM pin_attempts WHERE profile_id = ?').get(profileId) as
      AttemptRow | undefined;
  }
}

function locked(profileId: number, waitMs: number): AppError {
  const waitSeconds = Math.ceil(waitMs / 1000);
  return new AppError('PIN_WRONG', `Too many wrong PINs. Try again in ${waitSeconds} seconds.`, {
    reason: 'profiles.pin.locked',
    profileId,
    waitSeconds,
  });
}
