import type Database from 'better-sqlite3';
import type { Titles } from '../../shared/records';

/**
 * The pack's title and its sessions' titles in every language the pack has (its own and its
 * translations), by language tag. Files a venue official or a learning record store reads pick
 * the reader's language from these (shared/records.ts `titleIn`), so a Chinese reader of an
 * English pack with a Chinese translation sees Chinese titles.
 */
export function packTitles(db: Database.Database, packId: string): { pack: Titles; sessions: Map<string, Titles> } {
  const own = db.prepare('SELECT title, language FROM packs WHERE id = ?').get(packId) as
    { title: string; language: string } | undefined;
  const pack: Titles = own ? { [own.language]: own.title } : {};
  const sessions = new Map<string, Titles>();
  for (const s of db.prepare('SELECT id, title FROM sessions WHERE pack_id = ? ORDER BY ord').all(packId) as {
    id: string;
    title: string;
  }[]) {
    sessions.set(s.id, own ? { [own.language]: s.title } : {});
  }
  for (const t of db.prepare('SELECT language, title FROM pack_translations WHERE pack_id = ?').all(packId) as {
    language: string;
    title: string;
  }[]) {
    pack[t.language] = t.title;
  }
  for (const t of db
    .prepare('SELECT language, session_id, title FROM session_translations WHERE pack_id = ?')
    .all(packId) as { language: string; session_id: string; title: string }[]) {
    const titles = sessions.get(t.session_id);
    if (titles) titles[t.language] = t.title;
  }
  return { pack, sessions };
}
