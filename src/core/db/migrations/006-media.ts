import type { Migration } from './types';

/**
 * Version 5: media of format-2 packs. The files live on disk in a content-addressed store
 * (`media/<sha256>`, see core/media/store.ts); this table says which pack uses which file, so a
 * file shared by two packs or versions is stored once and freed when no row names it any more.
 * Caption files are stored the same way (kind 'captions'). `size_bytes` is what the pack takes
 * on disk once installed (its uncompressed entries), shown in the library.
 */
export const migration006: Migration = {
  version: 6,
  name: 'media',
  up: `
    CREATE TABLE pack_media (
      pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      session_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size INTEGER NOT NULL,
      mime TEXT NOT NULL,
      ord INTEGER NOT NULL,
      PRIMARY KEY (pack_id, path)
    ) STRICT;
    CREATE INDEX pack_media_sha256 ON pack_media(sha256);
    ALTER TABLE packs ADD COLUMN size_bytes INTEGER NOT NULL DEFAULT 0;
  `,
};
