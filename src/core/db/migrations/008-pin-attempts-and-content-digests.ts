import type { Migration } from './types';

/**
 * Version 5, two hardening tables:
 * - pin_attempts: failed PIN guesses per profile and until when the next guess is refused, kept in
 *   the database so a restart does not hand a guesser a fresh set of free tries.
 * - pack_content_digests: a SHA-256 over the content rows written at install, checked at start-up,
 *   because bytes flipped inside row data pass SQLite's own integrity checks. Packs installed
 *   before this version get their digest at the next start-up (nothing to compare with yet).
 */
export const migration008: Migration = {
  version: 8,
  name: 'pin-attempts-and-content-digests',
  up: `
    CREATE TABLE pin_attempts (
      profile_id INTEGER PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
      failures INTEGER NOT NULL,
      locked_until TEXT
    ) STRICT;

    CREATE TABLE pack_content_digests (
      pack_id TEXT PRIMARY KEY REFERENCES packs(id) ON DELETE CASCADE,
      content_sha256 TEXT NOT NULL
    ) STRICT;
  `,
};
