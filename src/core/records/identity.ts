import type Database from 'better-sqlite3';
import { generateKeyPair } from '../packs/keys';
import { isoNow, type Clock } from '../time';
import { INSTALLATION_NAMESPACE, uuidV5 } from './uuid';

export interface Installation {
  id: string;
  publicKey: string;
  privateKeyPem: string;
}

/** The installation id is a function of its public key: a record cannot borrow another's id. */
export const installationIdFor = (publicKey: string): string => uuidV5(INSTALLATION_NAMESPACE, publicKey);

/**
 * This installation's signing identity, made on first use and kept in the database (and so in its
 * backups). The private key never leaves the core: no call returns it.
 */
export function installation(db: Database.Database, clock: Clock): Installation {
  const read = () =>
    db.prepare('SELECT id, public_key AS publicKey, private_key_pem AS privateKeyPem FROM installation').get() as
      Installation | undefined;
  const existing = read();
  if (existing) return existing;
  const keys = generateKeyPair();
  // OR IGNORE: if another host process made one meanwhile, the singleton constraint keeps theirs.
  db.prepare(
    'INSERT OR IGNORE INTO installation (id, public_key, private_key_pem, created_at) VALUES (?, ?, ?, ?)',
  ).run(installationIdFor(keys.publicKey), keys.publicKey, keys.privateKeyPem, isoNow(clock));
  return read()!;
}
