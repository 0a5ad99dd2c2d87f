import type Database from 'better-sqlite3';

export interface PublisherRow {
  public_key: string;
  fingerprint: string;
  name: string;
  builtin: number;
}

export function findPublisher(db: Database.Database, publicKey: string): PublisherRow | undefined {
  return db.prepare('SELECT * FROM publishers WHERE public_key = ?').get(publicKey) as PublisherRow | undefined;
}

export function trustPublisher(
  db: Database.Database,
  p: { publicKey: string; fingerprint: string; name: string; builtin: boolean; at: string },
): void {
  db.prepare(
    `INSERT INTO publishers (public_key, fingerprint, name, builtin, trusted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(public_key) DO UPDATE SET builtin = max(builtin, excluded.builtin)`,
  ).run(p.publicKey, p.fingerprint, p.name, p.builtin ? 1 : 0, p.at);
}
