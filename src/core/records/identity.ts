import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { generateKeyPair } from '../packs/keys';
import { isoNow, type Clock } from '../time';
import { noKeyProtector, type KeyProtector } from './key-protector';
import { INSTALLATION_NAMESPACE, uuidV5 } from './uuid';

export interface Installation {
  id: string;
  publicKey: string;
  privateKeyPem: string;
  /** Whether the stored key is encrypted by the OS keychain (see key-protector.ts). */
  keyProtected: boolean;
}

/** The installation id is a function of its public key: a record cannot borrow another's id. */
export const installationIdFor = (publicKey: string): string => uuidV5(INSTALLATION_NAMESPACE, publicKey);

/** A stored key encrypted by a KeyProtector: this prefix, then base64 of what protect() returned. */
const PROTECTED = 'protected:v1:';

interface Row {
  id: string;
  publicKey: string;
  stored: string;
}

function unwrap(stored: string, protector: KeyProtector): string {
  if (!stored.startsWith(PROTECTED)) return stored;
  if (!protector.available) {
    throw new AppError(
      'FORBIDDEN',
      "This installation's signing key is locked by the operating system's keychain, which is not available now.",
      { reason: 'records.key.locked' },
    );
  }
  return protector.unprotect(Buffer.from(stored.slice(PROTECTED.length), 'base64')).toString('utf8');
}

const wrap = (pem: string, protector: KeyProtector): string =>
  `${PROTECTED}${protector.protect(Buffer.from(pem, 'utf8')).toString('base64')}`;

/**
 * This installation's signing identity, made on first use and kept in the database (and so in its
 * backups). The private key never leaves the core: no call returns it. With a protector, the key
 * is stored encrypted, and a key stored before protection was available is encrypted in place
 * on first use.
 */
export function installation(
  db: Database.Database,
  clock: Clock,
  protector: KeyProtector = noKeyProtector,
): Installation {
  const read = () =>
    db.prepare('SELECT id, public_key AS publicKey, private_key_pem AS stored FROM installation').get() as
      Row | undefined;
  let row = read();
  if (!row) {
    const keys = generateKeyPair();
    const stored = protector.available ? wrap(keys.privateKeyPem, protector) : keys.privateKeyPem;
    // OR IGNORE: if another host process made one meanwhile, the singleton constraint keeps theirs.
    db.prepare(
      'INSERT OR IGNORE INTO installation (id, public_key, private_key_pem, created_at) VALUES (?, ?, ?, ?)',
    ).run(installationIdFor(keys.publicKey), keys.publicKey, stored, isoNow(clock));
    row = read()!;
  }
  const privateKeyPem = unwrap(row.stored, protector);
  let keyProtected = row.stored.startsWith(PROTECTED);
  if (!keyProtected && protector.available) {
    db.prepare('UPDATE installation SET private_key_pem = ? WHERE id = ?').run(wrap(privateKeyPem, protector), row.id);
    keyProtected = true;
  }
  return { id: row.id, publicKey: row.publicKey, privateKeyPem, keyProtected };
}
