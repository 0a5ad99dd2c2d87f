import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/records/canonical';
import { courseCompletedAt } from '../../../src/core/records/course';
import { envelopeProtector } from '../../../src/core/records/envelope-protector';
import { noKeyProtector } from '../../../src/core/records/key-protector';
import { INSTALLATION_NAMESPACE, uuidV5 } from '../../../src/core/records/uuid';
import { installationIdFor } from '../../../src/core/records/identity';
import { recordNumber, verificationCode } from '../../../src/core/records/verification';
import type { Evidence } from '../../../src/shared/contract/records';
import type { Ledger, LedgerSession } from '../../../src/shared/contract/watch';
import type { PackRules } from '../../../src/core/study/rules';

describe('canonical JSON: each kind of value', () => {
  it('writes the scalars as JSON does and leaves out undefined fields', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ a: undefined, b: 1, c: null })).toBe('{"b":1,"c":null}');
    expect(canonicalJson({ 'k"': 1 })).toBe('{"k\\"":1}');
    // UTF-16 code-unit order: upper case before lower case, an astral character before U+FF5E.
    expect(canonicalJson({ b: 1, B: 2, '\uff5e': 3, '\u{1f600}': 4 })).toBe('{"B":2,"b":1,"😀":4,"～":3}');
  });

  it('refuses what JSON cannot carry, each with a TypeError', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson([-Infinity])).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
    expect(() => canonicalJson(Symbol('s'))).toThrow(TypeError);
  });
});

describe('name-based UUIDs and installation ids', () => {
  it('refuse a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(TypeError);
    expect(() => uuidV5('0c6a3d52-5d0e-4f7e-9b1a-7c2f4e8d9a', 'x')).toThrow(TypeError);
    expect(() => uuidV5('0c6a3d52-5d0e-4f7e-9b1a-7c2f4e8d9a3100', 'x')).toThrow(TypeError);
  });

  it('hash the name as UTF-8 and set version and variant bits whatever the hash gives', () => {
    // The RFC 9562 URL namespace; the first 48 bits are the SHA-1 of namespace and UTF-8 name.
    const ns = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
    const hash = createHash('sha1')
      .update(Buffer.from(ns.replace(/-/g, ''), 'hex'))
      .update(Buffer.from('学习', 'utf8'))
      .digest('hex');
    const id = uuidV5(ns, '学习');
    expect(id.replace(/-/g, '').slice(0, 12)).toBe(hash.slice(0, 12));
    expect(id[14]).toBe('5');
    expect('89ab').toContain(id[19]);
    // Many names: the bits are forced, never copied from the hash.
    for (let i = 0; i < 64; i++)
      expect(uuidV5(ns, String(i))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derive the installation id from the public key in the app namespace', () => {
    expect(installationIdFor('key')).toBe(uuidV5(INSTALLATION_NAMESPACE, 'key'));
    expect(INSTALLATION_NAMESPACE).toBe('0c6a3d52-5d0e-4f7e-9b1a-7c2f4e8d9a31');
  });
});

describe('the verification code and record number', () => {
  const evidence: Evidence = { profileCreatedAt: '2025-03-01T00:00:00.000Z', profileChanges: [], sessions: [] };
  const who = { installationId: 'abcdef01-2345-5678-89ab-cdef01234567', profileId: 3, packId: 'p', evidence };

  it('is the first 50 bits of the SHA-256 of who, which pack and the evidence, in Crockford base32', () => {
    const digest = createHash('sha256')
      .update(canonicalJson({ i: who.installationId, p: 3, k: 'p', e: evidence }))
      .digest();
    const bits = BigInt(`0x${digest.subarray(0, 7).toString('hex')}`) >> 6n;
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let expected = '';
    for (let i = 9; i >= 0; i--) expected += alphabet[Number((bits >> BigInt(5 * i)) & 31n)];
    expect(verificationCode(who)).toBe(`${expected.slice(0, 5)}-${expected.slice(5)}`);
  });

  it('changes with each part it covers', () => {
    const base = verificationCode(who);
    expect(verificationCode({ ...who, profileId: 4 })).not.toBe(base);
    expect(verificationCode({ ...who, packId: 'q' })).not.toBe(base);
    expect(verificationCode({ ...who, installationId: who.installationId.replace('a', 'b') })).not.toBe(base);
    expect(verificationCode({ ...who, evidence: { ...evidence, profileCreatedAt: 'x' } })).not.toBe(base);
  });

  it('numbers the record by installation and profile', () => {
    expect(recordNumber('abcdef01-2345', 3)).toBe('ABCDEF01-0003');
    expect(recordNumber('abcdef01-2345', 12345)).toBe('ABCDEF01-12345');
  });
});

describe('the envelope key protector', () => {
  it('needs a 32-byte key', () => {
    expect(() => envelopeProtector(randomBytes(31))).toThrow();
    expect(() => envelopeProtector(randomBytes(33))).toThrow();
    expect(envelopeProtector(randomBytes(32)).available).toBe(true);
  });

  it('seals as IV, tag, then AES-256-GCM body, with a fresh IV each time', () => {
    const kek = randomBytes(32);
    const p = envelopeProtector(kek);
    const secret = Buffer.from('-----BEGIN PRIVATE KEY----- 学习');
    const a = p.protect(secret);
    const b = p.protect(secret);
    expect(a.equals(b)).toBe(false);
    expect(a.length).toBe(12 + 16 + secret.length);
    expect(p.unprotect(a).equals(secret)).toBe(true);
    // Sealed by hand in the same layout: unsealed the same.
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', kek, iv);
    const body = Buffer.concat([c.update(secret), c.final()]);
    expect(p.unprotect(Buffer.concat([iv, c.getAuthTag(), body])).equals(secret)).toBe(true);
  });

  it('refuses a sealed key that was changed, or sealed under another key', () => {
    const p = envelopeProtector(randomBytes(32));
    const sealed = p.protect(Buffer.from('secret'));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => p.unprotect(flipped)).toThrow();
    expect(() => envelopeProtector(randomBytes(32)).unprotect(sealed)).toThrow();
  });

  it('without a keychain, neither seals nor unseals', () => {
    expect(noKeyProtector.available).toBe(false);
    expect(() => noKeyProtector.protect(Buffer.from('x'))).toThrow();
    expect(() => noKeyProtector.unprotect(Buffer.from('x'))).toThrow();
  });
});

describe('when the course rule is met', () => {
  const s = (id: string, completedAt: string | null, complete = completedAt !== null): LedgerSession => ({
    id,
    ord: 1,
    title: id,
    readingSeconds: 0,
    watchingSeconds: 0,
    watchedSeconds: 0,
    mediaSeconds: 0,
    complete,
    completedAt,
    credit: 0,
    basis: { kind: 'none' } as LedgerSession['basis'],
  });
  const ledger = (sessions: LedgerSession[], totalCredit = 0): Ledger => ({
    packId: 'p',
    sessions,
    totalCredit,
    totalSeconds: 0,
    grantsCredit: true,
    days: [],
  });
  const rules = (sessions: string[], minimumCredit = 0): PackRules => ({
    sessions: new Map(),
    course: { sessions, minimumCredit },
    grantsCredit: true,
  });

  it('is the last completion of the named sessions, whatever their order', () => {
    const l = ledger([s('a', '2025-03-02T00:00:00.000Z'), s('b', '2025-03-03T00:00:00.000Z'), s('c', null)]);
    expect(courseCompletedAt(rules(['b', 'a']), l)).toBe('2025-03-03T00:00:00.000Z');
    expect(courseCompletedAt(rules(['a']), l)).toBe('2025-03-02T00:00:00.000Z');
  });

  it('is null while a named session is incomplete, unknown or lacks its time, and for a course naming none', () => {
    const l = ledger([s('a', '2025-03-02T00:00:00.000Z'), s('b', null), s('c', '2025-03-02T00:00:00.000Z', false)]);
    expect(courseCompletedAt(rules(['a', 'b']), l)).toBeNull();
    expect(courseCompletedAt(rules(['a', 'c']), l)).toBeNull();
    expect(courseCompletedAt(rules(['a', 'x']), l)).toBeNull();
    expect(courseCompletedAt(rules([]), l)).toBeNull();
    const noTime = ledger([{ ...s('a', null), complete: true }]);
    expect(courseCompletedAt(rules(['a']), noTime)).toBeNull();
  });

  it('needs the minimum credit, reached exactly or within rounding', () => {
    const l = (credit: number) => ledger([s('a', '2025-03-02T00:00:00.000Z')], credit);
    expect(courseCompletedAt(rules(['a'], 2), l(1.9))).toBeNull();
    expect(courseCompletedAt(rules(['a'], 2), l(2))).toBe('2025-03-02T00:00:00.000Z');
    // Short of the minimum by exactly the rounding allowance: met.
    expect(courseCompletedAt(rules(['a'], 2), l(2 - 1e-9))).toBe('2025-03-02T00:00:00.000Z');
    expect(courseCompletedAt(rules(['a'], 0.3), l(0.1 + 0.2 - 1e-12))).toBe('2025-03-02T00:00:00.000Z');
    expect(courseCompletedAt(rules(['a'], 0.3), l(0.3 - 1e-6))).toBeNull();
  });
});
