import type Database from 'better-sqlite3';
import type { Overview, SessionDetail } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';
import { packSummary } from '../library/summary';
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

export function overview(db: Database.Database, profileId: number, packId: string): Overview {
  const sessions = sessionProgress(db, profileId, packId);
  const completed = sessions.filter((s) => s.status === 'complete').length;
  const allDone = sessions.length > 0 && completed === sessions.length;
  const last = db
    .prepare(
      `SELECT r.session_id, s.title FROM reading r JOIN sessions s ON s.pack_id = r.pack_id AND s.id = r.session_id
       WHERE r.profile_id = ? AND r.pack_id = ? ORDER BY r.updated_at DESC LIMIT 1`,
    )
    .get(profileId, packId) as { session_id: string; title: string } | undefined;
  return {
    pack: packSummary(db, packId),
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
    resume: last ? { sessionId: last.session_id, title: last.title } : null,
  };
}

export function sessionDetail(
  db: Database.Database,
  profileId: number,
  packId: string,
  sessionId: string,
): SessionDetail {
  const s = requireSession(db, packId, sessionId);
  const progress = sessionProgress(db, profileId, packId).find((p) => p.id === sessionId)!;
  const keyPoints = db
    .prepare(
      `SELECT k.id, k.text, k.source, r.reviewed_at AS reviewedAt FROM key_points k
       LEFT JOIN key_point_reviews r ON r.profile_id = ? AND r.pack_id = k.pack_id AND r.key_point_id = k.id
       WHERE k.pack_id = ? AND k.session_id = ? ORDER BY k.ord`,
    )
    .all(profileId, packId, sessionId) as SessionDetail['keyPoints'];
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
    material: s.material,
    keyPoints,
    reading: {
      position: reading?.position ?? 0,
      reachedEnd: Boolean(reading?.reached_end_at),
      seconds: reading?.seconds ?? 0,
    },
    note: { text: note?.text ?? '', updatedAt: note?.updated_at ?? null },
  };
}
