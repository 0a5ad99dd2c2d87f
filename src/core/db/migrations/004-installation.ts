import type { Migration } from './types';

/**
 * Version 4: the installation identity that signs completion records. One Ed25519 key pair per
 * installation (the `singleton` column lets the table hold one row only), made on first use by
 * core/records/identity.ts rather than here, so a migration never depends on randomness. The id
 * is derived from the public key, so a venue can check that a record's id and key belong together.
 */
export const migration004: Migration = {
  version: 4,
  name: 'installation',
  up: `
    CREATE TABLE installation (
      id TEXT PRIMARY KEY,
      public_key TEXT NOT NULL UNIQUE,
      private_key_pem TEXT NOT NULL,
      created_at TEXT NOT NULL,
      singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
    ) STRICT;
  `,
};
