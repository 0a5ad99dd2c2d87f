import type Database from 'better-sqlite3';
import type { PackSummary } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';

interface PackRow {
  id: string;
  version: string;
  title: string;
  description: string;
  language: string;
  publisher_name: string;
  fingerprint: string;
  builtin: number;
  sessions: number;
  installed_at: string;
  has_source: number;
  translations: string | null;
  size_bytes: number;
  media_count: number;
}

const SELECT = `SELECT p.id, p.version, p.title, p.description, p.language, p.publisher_name, pub.fingerprint,
  pub.builtin, (SELECT count(*) FROM sessions s WHERE s.pack_id = p.id) AS sessions, p.installed_at,
  p.source_text IS NOT NULL AS has_source, p.size_bytes,
  (SELECT count(*) FROM pack_media m WHERE m.pack_id = p.id AND m.kind <> 'captions') AS media_count,
  (SELECT group_concat(t.language, ',') FROM pack_translations t WHERE t.pack_id = p.id) AS translations
  FROM packs p JOIN publishers pub ON pub.public_key = p.publisher_key`;

const toSummary = (r: PackRow): PackSummary => ({
  id: r.id,
  version: r.version,
  title: r.title,
  description: r.description,
  language: r.language,
  publisher: { name: r.publisher_name, fingerprint: r.fingerprint, builtin: r.builtin === 1 },
  sessionCount: r.sessions,
  installedAt: r.installed_at,
  hasSource: r.has_source === 1,
  languages: [r.language, ...(r.translations ? r.translations.split(',').sort() : [])],
  sizeBytes: r.size_bytes,
  mediaCount: r.media_count,
});

export function listPacks(db: Database.Database): PackSummary[] {
  return (db.prepare(`${SELECT} ORDER BY pub.builtin DESC, p.title`).all() as PackRow[]).map(toSummary);
}

export function packSummary(db: Database.Database, packId: string): PackSummary {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(packId) as PackRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', `Pack "${packId}" is not installed.`, { reason: 'library.notInstalled', packId });
  return toSummary(row);
}
