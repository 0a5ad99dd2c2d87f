import type { Migration } from './types';

/**
 * Version 9: watching recorded sessions, and study time per day.
 * `watching` keeps, per participant and recording (keyed by its pack path, stable across pack
 * versions like every id), the merged union of media intervals played (JSON [[start, end], ...]),
 * its length, the wall-clock milliseconds spent playing (time on task) and where to resume.
 * `study_days` adds reading and watching milliseconds up per local calendar day for the chart on
 * "My progress"; the totals per session stay in `reading` and `watching`.
 */
export const migration009: Migration = {
  version: 9,
  name: 'watching',
  up: `
    CREATE TABLE watching (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      path TEXT NOT NULL,
      intervals TEXT NOT NULL DEFAULT '[]',
      covered REAL NOT NULL DEFAULT 0,
      ms INTEGER NOT NULL DEFAULT 0 CHECK (ms >= 0),
      position REAL NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, pack_id, path)
    ) STRICT;
    CREATE TABLE study_days (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      day TEXT NOT NULL,
      ms INTEGER NOT NULL DEFAULT 0 CHECK (ms >= 0),
      PRIMARY KEY (profile_id, pack_id, day)
    ) STRICT;
  `,
};
