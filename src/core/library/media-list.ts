import type Database from 'better-sqlite3';
import type { MediaEntry } from '../../shared/contract/library';
import type { MediaProgress } from '../../shared/contract/watch';
import { mediaExtension } from '../../shared/pack/media';
import type { Manifest } from '../../shared/pack/schema';

/** The URL both hosts serve a stored file at (relative to the app's page). */
export const mediaUrl = (sha256: string, path: string): string => `/media/${sha256}.${mediaExtension(path)}`;

/** A session's media, in manifest order, with the URLs of the files and their captions. */
export function sessionMedia(
  db: Database.Database,
  packId: string,
  sessionId: string,
  watching: ReadonlyMap<string, MediaProgress> = new Map(),
): MediaEntry[] {
  const row = db.prepare('SELECT manifest FROM packs WHERE id = ?').get(packId) as { manifest: string } | undefined;
  if (!row) return [];
  const manifest = JSON.parse(row.manifest) as Manifest;
  const session = manifest.sessions.find((s) => s.id === sessionId);
  const files = new Map(
    (
      db
        .prepare('SELECT path, sha256, size, mime FROM pack_media WHERE pack_id = ? AND session_id = ?')
        .all(packId, sessionId) as Array<{ path: string; sha256: string; size: number; mime: string }>
    ).map((f) => [f.path, f]),
  );
  return (session?.media ?? []).flatMap((m) => {
    const f = files.get(m.path);
    if (!f) return [];
    return [
      {
        path: m.path,
        kind: m.kind,
        title: m.title,
        mime: f.mime,
        size: f.size,
        url: mediaUrl(f.sha256, m.path),
        duration: m.duration ?? null,
        captions: (m.captions ?? []).flatMap((c) => {
          const cf = files.get(c.path);
          return cf ? [{ language: c.language, label: c.label ?? null, url: mediaUrl(cf.sha256, c.path) }] : [];
        }),
        chapters: (m.chapters ?? []).map((c) => ({ start: c.start, title: c.title, keyPoints: c.keyPoints ?? [] })),
        progress: watching.get(m.path) ?? null,
      },
    ];
  });
}
