import type Database from 'better-sqlite3';
import type { Overview, SessionDetail } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';
import { packSummary } from '../library/summary';
import { isTranslation, packLanguages, shownLanguage } from '../library/translations';
import { sessionProgress } from './progress';

export function requireSession(
  db: Database.Database,
  packId: string,
  sessionId: string,
): { title: string; material: string } {
  const row = db.prepare('SELECT title, material FROM sessions WHERE pack_id = ? AND id = ?').get(packId, sessionId) as
    { title: string; material: string } | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', `Session "${sessionId}" is not in pack "${packId}".`, {
      reason: 'study.sessionNotFound',
      sessionId,
    });
  return row;
}

interface Wording {
  language: string;
  /** Null when the pack's own language is shown. */
  translated: boolean;
  notice: string | null;
}

/** Which language to show and, for a translation, its notice (参考译文…). */
export function wording(db: Database.Database, packId: string, asked: string | undefined): Wording {
  const language = shownLanguage(db, packId, asked);
  if (!isTranslation(db, packId, language)) return { language, translated: false, notice: null };
  const row = db
    .prepare('SELECT notice FROM pack_translations WHERE pack_id = ? AND language = ?')
    .get(packId, language) as { notice: string };
  return { language, translated: true, notice: row.notice || null };
}

/** Session titles and summaries in a translation, by session id. */
function translatedTitles(db: Database.Database, packId: string, w: Wording) {
  if (!w.translated) return new Map<string, { title: string; summary: string }>();
  const rows = db
    .prepare('SELECT session_id, title, summary FROM session_translations WHERE pack_id = ? AND language = ?')
    .all(packId, w.language) as { session_id: string; title: string; summary: string }[];
  return new Map(rows.map((r) => [r.session_id, { title: r.title, summary: r.summary }]));
}

/** Progress rows with titles in the shown language (progress itself is the same in every language). */
export function wordedProgress(db: Database.Database, profileId: number, packId: string, w: Wording) {
  const titles = translatedTitles(db, packId, w);
  return sessionProgress(db, profileId, packId).map((p) => ({ ...p, ...titles.get(p.id) }));
}

export function overview(db: Database.Database, profileId: number, packId: string, language?: string): Overview {
  const w = wording(db, packId, language);
  const sessions = wordedProgress(db, profileId, packId, w);
  const completed = sessions.filter((s) => s.status === 'complete').length;
  const allDone = sessions.length > 0 && completed === sessions.length;
  const last = db
    .prepare(
      `SELECT r.session_id, s.title FROM reading r JOIN sessions s ON s.pack_id = r.pack_id AND s.id = r.session_id
       WHERE r.profile_id = ? AND r.pack_id = ? ORDER BY r.updated_at DESC LIMIT 1`,
    )
    .get(profileId, packId) as { session_id: string; title: string } | undefined;
  let pack = packSummary(db, packId);
  if (w.translated) {
    const t = db
      .prepare('SELECT title, description FROM pack_translations WHERE pack_id = ? AND language = ?')
      .get(packId, w.language) as { title: string; description: string };
    pack = { ...pack, title: t.title, description: t.description };
  }
  const resumeTitle = last && (sessions.find((s) => s.id === last.session_id)?.title ?? last.title);
  return {
    pack,
    sessions,
    overall: {
      completed,
      total: sessions.length,
      fraction: sessions.length ? sessions.reduce((a, s) => a + s.fraction, 0) / sessions.length : 0,
      completedAt: allDone
        ? (sessions
            .map((s) => s.completedAt ?? '')
            .sort()
            .at(-1) ?? null)
        : null,
    },
    resume: last ? { sessionId: last.session_id, title: resumeTitle ?? last.title } : null,
    language: w.language,
    notice: w.notice,
  };
}

export function sessionDetail(
  db: Database.Database,
  profileId: number,
  packId: string,
  sessionId: string,
  language?: string,
): SessionDetail {
  const s = requireSession(db, packId, sessionId);
  const w = wording(db, packId, language);
  const progress = wordedProgress(db, profileId, packId, w).find((p) => p.id === sessionId)!;
  // A translation's words over the pack's own rows: review marks stay keyed by the shared ids.
  const keyPoints = db
    .prepare(
      `SELECT k.id, coalesce(t.text, k.text) AS text, coalesce(t.source, k.source) AS source,
         r.reviewed_at AS reviewedAt FROM key_points k
       LEFT JOIN key_point_translations t ON t.pack_id = k.pack_id AND t.id = k.id AND t.language = ?
       LEFT JOIN key_point_reviews r ON r.profile_id = ? AND r.pack_id = k.pack_id AND r.key_point_id = k.id
       WHERE k.pack_id = ? AND k.session_id = ? ORDER BY k.ord`,
    )
    .all(w.language, profileId, packId, sessionId) as SessionDetail['keyPoints'];
  const material = w.translated
    ? ((
        db
          .prepare('SELECT material FROM session_translations WHERE pack_id = ? AND language = ? AND session_id = ?')
          .get(packId, w.language, sessionId) as { material: string } | undefined
      )?.material ?? s.material)
    : s.material;
  const reading = db
    .prepare(
      'SELECT position, reached_end_at, seconds FROM reading WHERE profile_id = ? AND pack_id = ? AND session_id = ?',
    )
    .get(profileId, packId, sessionId) as
    { position: number; reached_end_at: string | null; seconds: number } | undefined;
  const note = db
    .prepare('SELECT text, updated_at FROM notes WHERE profile_id = ? AND pack_id = ? AND session_id = ?')
    .get(profileId, packId, sessionId) as { text: string; updated_at: string } | undefined;
  return {
    packId,
    progress,
    material,
    keyPoints,
    reading: {
      position: reading?.position ?? 0,
      reachedEnd: Boolean(reading?.reached_end_at),
      seconds: reading?.seconds ?? 0,
    },
    note: { text: note?.text ?? '', updatedAt: note?.updated_at ?? null },
    language: w.language,
    notice: w.notice,
    languages: packLanguages(db, packId),
  };
}
