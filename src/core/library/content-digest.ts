import type Database from 'better-sqlite3';
import { createHash, type Hash } from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * Installed pack content can change on disk without SQLite noticing: bytes flipped inside a row's
 * data pass quick_check and integrity_check (they check structure, not values). So a digest of
 * every content row is written in the install transaction and compared at start-up, and quiz
 * calls refuse a pack whose content no longer matches what was signed.
 */

/** Every field length-prefixed, so no two different row sets can hash alike. */
function feed(hash: Hash, values: unknown[]): void {
  for (const v of values) {
    const text = v === null ? '\u0000null' : String(v);
    const bytes = Buffer.from(text, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    hash.update(len).update(bytes);
  }
}

export function contentDigest(db: Database.Database, packId: string): string {
  const hash = createHash('sha256');
  const rowsOf = (sql: string) => db.prepare(sql).raw().iterate(packId) as IterableIterator<unknown[]>;
  const tables = [
    `SELECT id, version, title, description, language, publisher_key, publisher_name, manifest, source_text,
       file_sha256 FROM packs WHERE id = ?`,
    'SELECT id, ord, title, summary, material, pass_mark FROM sessions WHERE pack_id = ? ORDER BY ord, id',
    'SELECT session_id, id, ord, text, source FROM key_points WHERE pack_id = ? ORDER BY session_id, ord, id',
    'SELECT session_id, id, ord, type, data FROM questions WHERE pack_id = ? ORDER BY session_id, ord, id',
  ];
  for (const [i, sql] of tables.entries()) {
    feed(hash, [`table ${i}`]);
    for (const row of rowsOf(sql)) feed(hash, row);
  }
  return hash.digest('hex');
}

/** Called inside the install transaction, after the content rows are written. */
export function recordContentDigest(db: Database.Database, packId: string): void {
  db.prepare(
    `INSERT INTO pack_content_digests (pack_id, content_sha256) VALUES (?, ?)
     ON CONFLICT(pack_id) DO UPDATE SET content_sha256 = excluded.content_sha256`,
  ).run(packId, contentDigest(db, packId));
}

/**
 * The ids of installed packs whose content no longer matches its digest. A pack installed before
 * digests existed gets one now (there is nothing earlier to compare with).
 */
export function alteredPacks(db: Database.Database): string[] {
  const rows = db
    .prepare(
      'SELECT p.id, d.content_sha256 AS digest FROM packs p LEFT JOIN pack_content_digests d ON d.pack_id = p.id',
    )
    .all() as { id: string; digest: string | null }[];
  const altered: string[] = [];
  for (const { id, digest } of rows) {
    if (digest === null) recordContentDigest(db, id);
    else if (contentDigest(db, id) !== digest) altered.push(id);
  }
  return altered;
}

/** Refuses to grade (or start, answer, review) against content that is not what was signed. */
export function assertIntact(altered: ReadonlySet<string>, packId: string): void {
  if (!altered.has(packId)) return;
  throw new AppError(
    'PACK_INVALID',
    `The installed content of "${packId}" has changed since it was installed, so its quizzes are not used. ` +
      'Import the pack file again from your organisers.',
    { reason: 'library.content.altered', packId },
  );
}
