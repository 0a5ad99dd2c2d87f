import type { Migration } from './types';

/**
 * Version 3: full-text search over material, key points and the participant's notes. The trigram
 * tokenizer is the one FTS5 tokenizer that finds Chinese text (no word breaks); queries shorter
 * than three characters fall back to LIKE in study/search.ts. Notes carry their profile id so one
 * participant never sees another's notes; content rows carry 0.
 */
export const migration003: Migration = {
  version: 3,
  name: 'search',
  up: `
    CREATE VIRTUAL TABLE search_index USING fts5(
      body,
      kind UNINDEXED,
      pack_id UNINDEXED,
      session_id UNINDEXED,
      item_id UNINDEXED,
      profile_id UNINDEXED,
      tokenize = 'trigram'
    );
    INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id)
      SELECT material, 'material', pack_id, id, id, 0 FROM sessions;
    INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id)
      SELECT text, 'keypoint', pack_id, session_id, id, 0 FROM key_points;
    INSERT INTO search_index (body, kind, pack_id, session_id, item_id, profile_id)
      SELECT text, 'note', pack_id, session_id, session_id, profile_id FROM notes WHERE text <> '';
  `,
};
