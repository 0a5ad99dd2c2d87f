import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { publicKeyFromPrivate, signBytes, verifySignature } from '../../../src/core/packs/keys';
import { envelopeProtector } from '../../../src/core/records/envelope-protector';
import { installation, installationIdFor } from '../../../src/core/records/identity';
import { participant } from '../../../src/core/records/record';
import type { KeyProtector } from '../../../src/core/records/key-protector';
import { randomBytes } from 'node:crypto';
import { openCore } from '../support/core';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

const AT = '2025-03-09T01:02:03.456Z';
const clock = { now: () => new Date(AT) };

async function emptyDb() {
  const { core } = await openCore();
  open.push(core);
  core.db.prepare('DELETE FROM installation').run();
  return core.db;
}

const stored = (db: Core['db']) =>
  db.prepare('SELECT id, public_key AS publicKey, private_key_pem AS k, created_at AS at FROM installation').get() as {
    id: string;
    publicKey: string;
    k: string;
    at: string;
  };

/** A real envelope protector whose availability a test can switch off (a locked keychain). */
function switchable(): KeyProtector & { on: boolean } {
  const inner = envelopeProtector(randomBytes(32));
  return {
    on: true,
    get available() {
      return this.on;
    },
    protect: (b) => inner.protect(b),
    unprotect: (b) => inner.unprotect(b),
  };
}

describe('the installation identity', () => {
  it('is made once, with an id derived from its key and the time of the clock, and signs what its key verifies', async () => {
    const db = await emptyDb();
    const first = installation(db, clock);
    expect(first.id).toBe(installationIdFor(first.publicKey));
    expect(first.keyProtected).toBe(false);
    expect(publicKeyFromPrivate(first.privateKeyPem)).toBe(first.publicKey);
    expect(stored(db)).toEqual({ id: first.id, publicKey: first.publicKey, k: first.privateKeyPem, at: AT });
    expect(installation(db, clock)).toEqual(first);
    const sig = signBytes(Buffer.from('x'), first.privateKeyPem);
    expect(verifySignature(Buffer.from('x'), first.publicKey, sig)).toBe(true);
  });

  it('is stored sealed when a protector is available, as the prefix and base64 of what it sealed', async () => {
    const db = await emptyDb();
    const p = switchable();
    const made = installation(db, clock, p);
    expect(made.keyProtected).toBe(true);
    const row = stored(db);
    expect(row.k.startsWith('protected:v1:')).toBe(true);
    const sealed = Buffer.from(row.k.slice('protected:v1:'.length), 'base64');
    expect(p.unprotect(sealed).toString('utf8')).toBe(made.privateKeyPem);
    expect(publicKeyFromPrivate(made.privateKeyPem)).toBe(made.publicKey);
    // Read again: unsealed to the same key, and not sealed a second time.
    expect(installation(db, clock, p)).toEqual(made);
    expect(stored(db).k).toBe(row.k);
  });

  it('refuses a sealed key while the protector is unavailable, and without one', async () => {
    const db = await emptyDb();
    const p = switchable();
    installation(db, clock, p);
    p.on = false;
    for (const protector of [p, undefined]) {
      expect(() => installation(db, clock, protector)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', detail: { reason: 'records.key.locked' } }),
      );
    }
  });

  it('seals a plain key in place when a protector becomes available, keeping the identity', async () => {
    const db = await emptyDb();
    const plain = installation(db, clock);
    const p = switchable();
    p.on = false;
    expect(installation(db, clock, p)).toEqual(plain);
    expect(stored(db).k).toBe(plain.privateKeyPem);
    p.on = true;
    expect(installation(db, clock, p)).toEqual({ ...plain, keyProtected: true });
    expect(stored(db).k).toMatch(/^protected:v1:/);
    expect(stored(db).id).toBe(plain.id);
  });

  it('signs only for a profile that exists', async () => {
    const db = await emptyDb();
    expect(() => participant(db, 999)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', detail: { reason: 'profile.notFound' } }),
    );
  });
});
