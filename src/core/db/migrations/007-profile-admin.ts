import type { Migration } from './types';

/**
 * Version 6 (5 is PIN throttling, from another change): what the venue's administrative actions
 * keep. A profile's name and unit can be corrected, and every change is kept, so a record can show
 * it. A deleted profile's progress is archived as JSON first: deleting a person must never
 * silently delete the evidence of what they did.
 */
export const migration007: Migration = {
  version: 7,
  name: 'profile-admin',
  up: `
    CREATE TABLE profile_changes (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      field TEXT NOT NULL CHECK (field IN ('name', 'unit', 'venue')),
      old_value TEXT NOT NULL,
      new_value TEXT NOT NULL,
      changed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX profile_changes_by_profile ON profile_changes (profile_id, changed_at);

    CREATE TABLE archived_profiles (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL,
      name TEXT NOT NULL,
      unit TEXT NOT NULL,
      data TEXT NOT NULL,
      archived_at TEXT NOT NULL
    ) STRICT;
  `,
};
