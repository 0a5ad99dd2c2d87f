import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import {
  decodePublicKey,
  fingerprint,
  formatPublicKeyFile,
  generateKeyPair,
  parsePublicKeyFile,
  publicKeyFromPrivate,
  signBytes,
  verifySignature,
} from '../../../src/core/packs/keys';

describe('Ed25519 keys', () => {
  const pair = generateKeyPair();

  it('generates a PKCS#8 PEM private key and a raw 32-byte base64 public key', () => {
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(decodePublicKey(pair.publicKey)?.length).toBe(32);
    expect(publicKeyFromPrivate(pair.privateKeyPem)).toBe(pair.publicKey);
  });

  it('fingerprints as SHA256: and 8 groups of 4 hex digits, stable per key', () => {
    const fp = fingerprint(pair.publicKey);
    expect(fp).toMatch(/^SHA256:[0-9a-f]{4}(:[0-9a-f]{4}){7}$/);
    expect(fingerprint(pair.publicKey)).toBe(fp);
    expect(fingerprint(generateKeyPair().publicKey)).not.toBe(fp);
    // Known vector: the all-zero key hashes to 66687aadf862bd776c8fc18b8e9f8e20...
    expect(fingerprint(Buffer.alloc(32).toString('base64'))).toBe('SHA256:6668:7aad:f862:bd77:6c8f:c18b:8e9f:8e20');
  });

  it('signs and verifies; any change to data, key or signature fails', () => {
    const data = Buffer.from('hello 你好');
    const sig = signBytes(data, pair.privateKeyPem);
    expect(verifySignature(data, pair.publicKey, sig)).toBe(true);
    expect(verifySignature(Buffer.from('hello 你好!'), pair.publicKey, sig)).toBe(false);
    expect(verifySignature(data, generateKeyPair().publicKey, sig)).toBe(false);
    const flipped = Buffer.from(sig, 'base64');
    flipped[5]! ^= 1;
    expect(verifySignature(data, pair.publicKey, flipped.toString('base64'))).toBe(false);
    expect(verifySignature(data, 'not a key', sig)).toBe(false);
    expect(verifySignature(data, pair.publicKey, 'AAAA')).toBe(false);
  });

  it('writes and parses the one-line public key file', () => {
    const text = formatPublicKeyFile(pair.publicKey);
    expect(text).toBe(`studypack-ed25519 ${pair.publicKey}\n`);
    expect(parsePublicKeyFile(text)).toBe(pair.publicKey);
    expect(parsePublicKeyFile(text.replace('\n', '\r\n'))).toBe(pair.publicKey);
    for (const bad of [
      '',
      pair.publicKey,
      `ssh-ed25519 ${pair.publicKey}`,
      `studypack-ed25519 AAAA`,
      `${text}${text}`,
    ]) {
      expect(() => parsePublicKeyFile(bad)).toThrow(AppError);
    }
  });

  it('refuses non-Ed25519 or malformed private keys with INVALID_INPUT', () => {
    expect(() => publicKeyFromPrivate('nope')).toThrow(/PKCS#8/);
    try {
      publicKeyFromPrivate('nope');
    } catch (e) {
      expect((e as AppError).code).toBe('INVALID_INPUT');
    }
  });
});
