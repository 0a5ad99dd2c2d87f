import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { formatSums } from '../../../src/core/packs/sums';
import { verifyPack } from '../../../src/core/packs/verify';
import { expectRefusal, keys, MINI, miniFiles, signedEntries, signedZip } from './helpers/pack';
import { rawZip } from './helpers/rawZip';

/**
 * Verifier rules that mutation testing showed no test would miss (docs/testing.md): the limits
 * exactly at their edge and the numbers a refusal carries, a signed pack without a manifest, and a
 * changed text file behind a validly signed list.
 */

const pem = () => keys().a.privateKeyPem;

describe('limits at their edge, and the numbers a refusal carries', () => {
  it('accepts a pack exactly as large as the limit and refuses one byte more, saying both sizes', async () => {
    const bytes = await buildPack(MINI, pem());
    await verifyPack(bytes, { limits: { maxFileBytes: bytes.length } });
    const e = await expectRefusal(
      verifyPack(bytes, { limits: { maxFileBytes: bytes.length - 1 } }),
      'PACK_UNSAFE',
      'pack-too-large',
      null,
    );
    expect(e.detail).toMatchObject({ size: bytes.length, limit: bytes.length - 1 });
  });

  it('accepts exactly the limit of entries and refuses one more, saying the count and the limit', async () => {
    const bytes = await buildPack(MINI, pem()); // 8 entries: 6 files, the hash list and its signature
    await verifyPack(bytes, { limits: { maxEntries: 8 } });
    const e = await expectRefusal(
      verifyPack(bytes, { limits: { maxEntries: 7 } }),
      'PACK_UNSAFE',
      'too-many-entries',
      null,
    );
    expect(e.detail).toMatchObject({ count: 8, limit: 7 });
  });

  it('reads the hash list, signature and manifest only up to maxMetaBytes, the limit included', async () => {
    const entries = signedEntries(miniFiles(), pem());
    const size = (name: string) => entries.find((e) => e.name === name)!.data!.length;
    const zip = rawZip(entries);
    const names = ['SHA256SUMS', 'SHA256SUMS.sig', 'manifest.json'];
    const largest = names.reduce((x, y) => (size(y) > size(x) ? y : x));
    await verifyPack(zip, { limits: { maxMetaBytes: size(largest) } });
    await expectRefusal(
      verifyPack(zip, { limits: { maxMetaBytes: size(largest) - 1 } }),
      'PACK_UNSAFE',
      'entry-too-large',
      largest,
    );
    const smallest = Math.min(...names.map(size));
    const first = await expectRefusal(
      verifyPack(zip, { limits: { maxMetaBytes: smallest - 1 } }),
      'PACK_UNSAFE',
      'entry-too-large',
    );
    expect(first.detail?.entry).toBe('SHA256SUMS'); // the hash list is read first
  });
});

describe('what the signed list must hold', () => {
  it('refuses a correctly signed pack that has no manifest.json at all', async () => {
    const files = miniFiles();
    files.delete('manifest.json');
    await expectRefusal(verifyPack(signedZip(files, pem())), 'PACK_INVALID', 'missing-file', 'manifest.json');
  });

  it('refuses a changed material file even when the list was re-signed with a valid signature', async () => {
    const files = miniFiles();
    const list = [...files].map(([path, bytes]) => ({ path, bytes }));
    const changed = list.map((f) =>
      f.path === 'sessions/s1/material.md' ? { ...f, bytes: Buffer.concat([f.bytes, Buffer.from('\nmore\n')]) } : f,
    );
    const zip = signedZip(files, pem(), { sums: formatSums(changed) }); // signed by the right key
    await expectRefusal(verifyPack(zip), 'PACK_SIGNATURE', 'hash-mismatch', 'sessions/s1/material.md');
  });
});
