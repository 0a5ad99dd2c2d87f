import type { Migration } from './types';

/**
 * Version 1: settings, trusted publishers, installed packs and their content, profiles, and the
 * study progress (reading, key point reviews, notes). Progress rows reference profiles (cascade on
 * profile deletion) but never content rows: a pack upgrade replaces content, and progress keyed
 * by stable ids must outlive that.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    CREATE TABLE publishers (
      public_key TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      builtin INTEGER NOT NULL DEFAULT 0,
      trusted_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE packs (
      id TEXT PRIMARY KEY,
      version TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      language TEXT NOT NULL,
      publisher_key TEXT NOT NULL REFERENCES publishers(public_key),
      publisher_name TEXT NOT NULL,
      manifest TEXT NOT NULL,
      source_text TEXT,
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      installed_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
      pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      ord INTEGER NOT NULL,
      title TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '',
      material TEXT NOT NULL,
      pass_mark REAL NOT NULL,
      PRIMARY KEY (pack_id, id)
    ) STRICT;

    CREATE TABLE key_points (
      pack_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      id TEXT NOT NULL,
      ord INTEGER NOT NULL,
      text TEXT NOT NULL,
      source TEXT NOT NULL,
      PRIMARY KEY (pack_id, id),
      FOREIGN KEY (pack_id, session_id) REFERENCES sessions(pack_id, id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE questions (
      pack_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      id TEXT NOT NULL,
      ord INTEGER NOT NULL,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (pack_id, id),
      FOREIGN KEY (pack_id, session_id) REFERENCES sessions(pack_id, id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE profiles (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      unit TEXT NOT NULL,
      venue TEXT NOT NULL DEFAULT '',
      pin_hash TEXT,
      created_at TEXT NOT NULL,
      last_used_at TEXT
    ) STRICT;

    CREATE TABLE reading (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      position REAL NOT NULL DEFAULT 0,
      max_position REAL NOT NULL DEFAULT 0,
      reached_end_at TEXT,
      seconds INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, pack_id, session_id)
    ) STRICT;

    CREATE TABLE key_point_reviews (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      key_point_id TEXT NOT NULL,
      reviewed_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, pack_id, key_point_id)
    ) STRICT;

    CREATE TABLE notes (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      pack_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      text TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, pack_id, session_id)
    ) STRICT;

    -- Progress of items a newer pack version removed: kept, not deleted.
    CREATE TABLE archived_progress (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL,
      pack_id TEXT NOT NULL,
      pack_version TEXT NOT NULL,
      kind TEXT NOT NULL,
      item_id TEXT NOT NULL,
      data TEXT NOT NULL,
      archived_at TEXT NOT NULL
    ) STRICT;
  `,
};
