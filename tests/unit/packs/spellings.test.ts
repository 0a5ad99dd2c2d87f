import { describe, expect, it } from 'vitest';
import {
  decodePublicKey,
  fingerprint,
  formatPublicKeyFile,
  generateKeyPair,
  parsePublicKeyFile,
  signBytes,
  verifySignature,
} from '../../../src/core/packs/keys';
import { formatSignatureFile, formatSums, parseSignatureFile, parseSums, signSums } from '../../../src/core/packs/sums';
import { AppError } from '../../../src/shared/errors';

/**
 * One key, one signature, one hash list: each has exactly one accepted spelling, so no byte of a
 * signed pack can change without detection, and the database can compare keys as strings.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The same bytes spelled differently: base64's last character carries bits the decoder drops. */
function otherSpelling(b64: string): string {
  const at = b64.replace(/=+$/, '').length - 1;
  const changed = ALPHABET[ALPHABET.indexOf(b64[at]!) ^ 1]!;
  const other = b64.slice(0, at) + changed + b64.slice(at + 1);
  expect(Buffer.from(other, 'base64').equals(Buffer.from(b64, 'base64')), 'decodes to the same bytes').toBe(true);
  return other;
}

const pair = generateKeyPair();
const sha = (c: string) => c.repeat(64);
const rule = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? `${e.code} ${String(e.detail?.rule ?? '')}` : 'not an AppError';
  }
  return null;
};

describe('keys and signatures have one spelling', () => {
  it('refuses a second base64 spelling of the same signature', () => {
    const data = Buffer.from('SHA256SUMS bytes');
    const sig = signBytes(data, pair.privateKeyPem);
    expect(verifySignature(data, pair.publicKey, sig)).toBe(true);
    expect(verifySignature(data, pair.publicKey, otherSpelling(sig))).toBe(false);
  });

  it('refuses a non-canonical spelling of a public key everywhere keys are read', () => {
    const other = otherSpelling(pair.publicKey);
    expect(decodePublicKey(pair.publicKey)).not.toBeNull();
    expect(decodePublicKey(other)).toBeNull();
    expect(() => fingerprint(other)).toThrow(AppError);
    expect(verifySignature(Buffer.from('x'), other, signBytes(Buffer.from('x'), pair.privateKeyPem))).toBe(false);
    expect(() => parsePublicKeyFile(formatPublicKeyFile(other))).toThrow(AppError);
  });

  it('refuses an OpenSSH key line, comment and all', () => {
    const line = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host\n`;
    expect(() => parsePublicKeyFile(line)).toThrow(/one line: "studypack-ed25519 <base64 key>"/);
    expect(() => parsePublicKeyFile(`ssh-ed25519 ${pair.publicKey}\n`)).toThrow(AppError);
    expect(() => parsePublicKeyFile(`studypack-ed25519 ${pair.publicKey} comment\n`)).toThrow(AppError);
    expect(parsePublicKeyFile(`\uFEFF  studypack-ed25519   ${pair.publicKey}  \n\n`)).toBe(pair.publicKey);
  });

  it('refuses a re-serialised signature file, however equivalent its JSON', () => {
    const sums = formatSums([{ path: 'manifest.json', bytes: Buffer.from('{}') }]);
    const file = signSums(sums, pair.privateKeyPem);
    const canonical = formatSignatureFile(file);
    expect(parseSignatureFile(canonical)).toEqual(file);
    for (const other of [
      JSON.stringify(file),
      JSON.stringify(file, null, 2), // no final line feed
      JSON.stringify(file, null, 4) + '\n',
      JSON.stringify({ publicKey: file.publicKey, algorithm: 'ed25519', signature: file.signature }, null, 2) + '\n',
      canonical.toString().replace('\n', '\r\n'),
    ]) {
      expect(
        rule(() => parseSignatureFile(Buffer.from(other))),
        other,
      ).toBe('PACK_SIGNATURE signature-format');
    }
  });
});

describe('SHA256SUMS has one spelling', () => {
  const line = (c: string, path: string) => `${sha(c)}  ${path}\n`;
  const parse = (text: string) => rule(() => parseSums(Buffer.from(text), 200));

  it('reads the canonical list', () => {
    expect([...parseSums(Buffer.from(line('a', 'a.md') + line('b', 'b.md')), 200)]).toEqual([
      ['a.md', sha('a')],
      ['b.md', sha('b')],
    ]);
  });

  it.each([
    ['a repeated line', line('a', 'a.md') + line('a', 'a.md')],
    ['the same path twice with different hashes', line('a', 'a.md') + line('b', 'a.md')],
    ['lines out of order', line('b', 'b.md') + line('a', 'a.md')],
    ['a missing final line feed', (line('a', 'a.md') + line('b', 'b.md')).slice(0, -1)],
    ['an empty line', line('a', 'a.md') + '\n' + line('b', 'b.md')],
    ['CRLF line ends', line('a', 'a.md').replace('\n', '\r\n')],
    ['one space between hash and path', `${sha('a')} a.md\n`],
    ['upper-case hex', line('A', 'a.md')],
    ['the signature file listed', line('a', 'SHA256SUMS.sig')],
  ])('refuses %s', (_what, text) => {
    expect(parse(text)).toBe('PACK_SIGNATURE sums-format');
  });
});
