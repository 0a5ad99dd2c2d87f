import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodePublicKey,
  fingerprint,
  generateKeyPair,
  parsePublicKeyFile,
  publicKeyFromPrivate,
  signBytes,
  verifySignature,
} from '../../../src/core/packs/keys';
import { formatSignatureFile, parseSignatureFile, signSums } from '../../../src/core/packs/sums';

/**
 * One key, one signature, one signature file: each has exactly one accepted spelling, so two
 * texts never stand for the same key (docs/testing.md, mutation testing of keys.ts and sums.ts).
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The same bytes spelled otherwise: the last base64 digit with one of its unused low bits set. */
function otherSpelling(b64: string): string {
  const body = b64.replace(/=+$/, '');
  const pad = b64.slice(body.length);
  const last = B64.indexOf(body.at(-1)!);
  const changed = body.slice(0, -1) + B64[last ^ 1] + pad;
  expect(Buffer.from(changed, 'base64').equals(Buffer.from(b64, 'base64'))).toBe(true);
  expect(changed).not.toBe(b64);
  return changed;
}

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return `${(e as { code?: string }).code} ${(e as { detail?: { reason?: string; rule?: string } }).detail?.reason ?? ''}`;
  }
  return 'accepted';
};

describe('public keys', () => {
  const pair = generateKeyPair();

  it('have one spelling: the same 32 bytes spelled otherwise are no key', () => {
    const other = otherSpelling(pair.publicKey);
    expect(decodePublicKey(other)).toBeNull();
    expect(reason(() => fingerprint(other))).toBe('INVALID_INPUT keys.badPublicKey');
    const data = Buffer.from('data');
    expect(verifySignature(data, other, signBytes(data, pair.privateKeyPem))).toBe(false);
    expect(reason(() => parsePublicKeyFile(`studypack-ed25519 ${other}\n`))).toBe(
      'INVALID_INPUT keys.badPublicKeyFile',
    );
  });

  it('are exactly 32 bytes: 31 or 33 bytes, or text around the key, are refused', () => {
    expect(decodePublicKey(Buffer.alloc(31, 1).toString('base64'))).toBeNull();
    expect(decodePublicKey(Buffer.alloc(33, 1).toString('base64'))).toBeNull();
    expect(decodePublicKey(` ${pair.publicKey}`)).toBeNull();
    expect(decodePublicKey(`${pair.publicKey}\n`)).toBeNull();
    expect(decodePublicKey(pair.publicKey)).toEqual(Buffer.from(pair.publicKey, 'base64'));
  });

  it('fingerprint as the first 16 bytes of their SHA-256', () => {
    expect(fingerprint(Buffer.alloc(32, 0xff).toString('base64'))).toMatch(/^SHA256:([0-9a-f]{4}:){7}[0-9a-f]{4}$/);
    expect(fingerprint(pair.publicKey).split(':')).toHaveLength(9);
  });
});

describe('signatures', () => {
  const pair = generateKeyPair();
  const data = Buffer.from('SHA256SUMS bytes');
  const sig = signBytes(data, pair.privateKeyPem);

  it('have one spelling: the same 64 bytes spelled otherwise do not verify', () => {
    expect(verifySignature(data, pair.publicKey, sig)).toBe(true);
    expect(verifySignature(data, pair.publicKey, otherSpelling(sig))).toBe(false);
  });

  it('are exactly 64 bytes of base64', () => {
    const raw = Buffer.from(sig, 'base64');
    expect(verifySignature(data, pair.publicKey, Buffer.concat([raw, Buffer.alloc(1)]).toString('base64'))).toBe(false);
    expect(verifySignature(data, pair.publicKey, raw.subarray(0, 63).toString('base64'))).toBe(false);
    expect(verifySignature(data, pair.publicKey, `${sig}\n`)).toBe(false);
    expect(verifySignature(data, pair.publicKey, sig.replace(/==$/, ''))).toBe(false);
  });
});

describe('private keys', () => {
  it('must be Ed25519 in PKCS#8 PEM', () => {
    expect(reason(() => publicKeyFromPrivate('nope'))).toBe('INVALID_INPUT keys.notPkcs8');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(reason(() => publicKeyFromPrivate(ec.toString()))).toBe('INVALID_INPUT keys.notEd25519');
    expect(reason(() => signBytes(Buffer.from('x'), ec.toString()))).toBe('INVALID_INPUT keys.notEd25519');
    expect(() => publicKeyFromPrivate(ec.toString())).toThrow(/ec, not Ed25519/);
  });

  it('sign what their public key verifies', () => {
    const pair = generateKeyPair();
    expect(verifySignature(Buffer.from('x'), pair.publicKey, signBytes(Buffer.from('x'), pair.privateKeyPem))).toBe(
      true,
    );
  });
});

describe('the public key file', () => {
  const pair = generateKeyPair();

  it('is read with a BOM, blank or white lines, CRLF and any spacing around its two words', () => {
    for (const text of [
      `\uFEFFstudypack-ed25519 ${pair.publicKey}\n`,
      `\n\nstudypack-ed25519 ${pair.publicKey}\r\n\r\n`,
      ` \t \nstudypack-ed25519 ${pair.publicKey}\n  \n`,
      `  studypack-ed25519 \t ${pair.publicKey}  `,
      `studypack-ed25519 ${pair.publicKey}`,
    ])
      expect(parsePublicKeyFile(text)).toBe(pair.publicKey);
  });

  it('is refused with a third word, another prefix, or two lines', () => {
    for (const text of [
      `studypack-ed25519 ${pair.publicKey} comment\n`,
      `ssh-ed25519 ${pair.publicKey}\n`,
      `studypack-ed25519\n${pair.publicKey}\n`,
      `studypack-ed25519 ${pair.publicKey}\nstudypack-ed25519 ${pair.publicKey}\n`,
    ])
      expect(reason(() => parsePublicKeyFile(text))).toBe('INVALID_INPUT keys.badPublicKeyFile');
  });
});

describe('the signature file', () => {
  const pair = generateKeyPair();
  const sums = Buffer.from('abc  manifest.json\n');
  const sig = signSums(sums, pair.privateKeyPem);
  const canonical = formatSignatureFile(sig);
  const rule = (bytes: Buffer) => {
    try {
      parseSignatureFile(bytes);
      return 'accepted';
    } catch (e) {
      return `${(e as { code?: string }).code} ${(e as { detail?: { rule?: string } }).detail?.rule}`;
    }
  };

  it('is written in one form: pretty JSON, fields in order, a final line feed', () => {
    expect(sig.publicKey).toBe(pair.publicKey);
    expect(verifySignature(sums, pair.publicKey, sig.signature)).toBe(true);
    const shuffled = { signature: sig.signature, publicKey: sig.publicKey, algorithm: sig.algorithm };
    expect(formatSignatureFile(shuffled).toString('utf8')).toBe(
      `{\n  "algorithm": "ed25519",\n  "publicKey": "${sig.publicKey}",\n  "signature": "${sig.signature}"\n}\n`,
    );
    expect(parseSignatureFile(canonical)).toEqual(sig);
  });

  it('is refused re-serialised, reordered, without its final line feed, or with an extra field', () => {
    const value = JSON.parse(canonical.toString('utf8')) as Record<string, string>;
    for (const text of [
      JSON.stringify(value),
      `${JSON.stringify({ publicKey: value.publicKey, algorithm: value.algorithm, signature: value.signature }, null, 2)}\n`,
      canonical.toString('utf8').trimEnd(),
      `${canonical.toString('utf8')}\n`,
      canonical.toString('utf8').replace(/\n/g, '\r\n'),
      `${JSON.stringify({ ...value, note: 'x' }, null, 2)}\n`,
      `${JSON.stringify({ ...value, algorithm: 'rsa' }, null, 2)}\n`,
    ])
      expect(rule(Buffer.from(text))).toBe('PACK_SIGNATURE signature-format');
  });

  it('is refused when its key is spelled otherwise, though the bytes are the same', () => {
    const other = { ...sig, publicKey: otherSpelling(sig.publicKey) };
    expect(rule(formatSignatureFile(other))).toBe('PACK_SIGNATURE signature-format');
  });
});
