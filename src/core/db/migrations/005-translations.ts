import type { Migration } from './types';

/**
 * Version 5: packs in more than one language (pack format 2). A translation row re-words an item
 * the pack already has and is keyed by the same ids, so progress, attempts and records stay
 * keyed by ids shared by every language; deleting the item deletes its translations. Questions
 * are stored whole in each language (only the worded fields differ; grading a fill-in answer
 * needs that language's accepted answers). Attempts and answers record the language the
 * questions were shown in. The search index gains a language column and is rebuilt.
 */
export const migration005: Migration = {
  version: 5,
  name: 'translations',
  up: `
    CREATE TABLE pack_translations (
      pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      language TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      notice TEXT NOT NULL,
      aligned_source TEXT,
      PRIMARY KEY (pack_id, language)
    ) STRICT;
    CREATE TABLE session_translations (
      pack_id TEXT NOT NULL,
      language TEXT NOT NULL,
      session_id TEXT NOT NULL,
      title TEXT NOT NULL,
      summary TEXT NOT NULL,
      material TEXT NOT NULL,
      PRIMARY KEY (pack_id, language, session_id),
      FOREIGN KEY (pack_id, session_id) REFERENCES sessions(pack_id, id) ON DELETE CASCADE
    ) STRICT;
    CREATE TABLE key_point_translations (
      pack_id TEXT NOT NULL,
      language TEXT NOT NULL,
      id TEXT NOT NULL,
      text TEXT NOT NULL,
      source TEXT NOT NULL,
      PRIMARY KEY (pack_id, language, id),
      FOREIGN KEY (pack_id, id) REFERENCES key_points(pack_id, id) ON DELETE CASCADE
    ) STRICT;
    CREATE TABLE question_translations (
      pack_id TEXT NOT NULL,
      language TEXT NOT NULL,
      id TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (pack_id, language, id),
      FOREIGN KEY (pack_id, id) REFERENCES questions(pack_id, id) ON DELETE CASCADE
    ) STRICT;
    ALTER TABLE attempts ADD COLUMN language TEXT;
    ALTER TABLE answers ADD COLUMN language TEXT;

    DROP TABLE search_index;
    CREATE VIRTUAL TABLE search_index USING fts5(
      body,
      kind UNINDEXED,
      pack_id UNINDEXED,
      session_id UNINDEXED,
      item_id UNINDEXED,
      profile_id UNINDEXED,
      language UNINDEXED,
      tokenize = 'trigram'
    );
    INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id, language)
      SELECT s.material, 'material', s.pack_id, s.id, s.id, 0, p.language FROM sessions s JOIN packs p ON p.id = s.pack_id;
    INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id, language)
      SELECT k.text, 'keypoint', k.pack_id, k.session_id, k.id, 0, p.language FROM key_points k JOIN packs p ON p.id = k.pack_id;
    INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id, language)
      SELECT text, 'note', pack_id, session_id, session_id, profile_id, '' FROM notes WHERE text <> '';
  `,
};
