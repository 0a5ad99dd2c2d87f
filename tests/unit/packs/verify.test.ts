import { describe, expect, it } from 'vitest';
import { buildPack, validatePackFolder } from '../../../src/core/packs/build';
import { fingerprint } from '../../../src/core/packs/keys';
import { verifyPack } from '../../../src/core/packs/verify';
import { keys, MINI, miniFiles, signedEntries, signedZip } from './helpers/pack';
import { rawZip } from './helpers/rawZip';
import { createHash } from 'node:crypto';

describe('verifyPack round trip', () => {
  it('returns exactly what the folder holds, with the signer key, fingerprint and file hash', async () => {
    const { a } = keys();
    const bytes = await buildPack(MINI, a.privateKeyPem);
    const folder = await validatePackFolder(MINI);
    const pack = await verifyPack(bytes);
    expect(pack.manifest).toEqual(folder.manifest);
    expect(pack.sessions).toEqual(folder.sessions);
    expect(pack.sourceText).toBe(folder.sourceText);
    expect(pack.publicKey).toBe(a.publicKey);
    expect(pack.fingerprint).toBe(fingerprint(a.publicKey));
    expect(pack.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(pack.files.map((f) => f.path)).toEqual([
      'SHA256SUMS',
      'SHA256SUMS.sig',
      'manifest.json',
      'sessions/s1/material.md',
      'sessions/s1/session.json',
      'sessions/s2/material.md',
      'sessions/s2/session.json',
      'source/article.txt',
    ]);
    expect(pack.files.find((f) => f.path === 'manifest.json')?.size).toBe(folder.files[0]!.bytes.length);
  });

  it('has the documented SHA256SUMS and signature formats', async () => {
    const { a } = keys();
    const bytes = await buildPack(MINI, a.privateKeyPem);
    const entries = signedEntries(miniFiles(), a.privateKeyPem);
    const sums = entries.find((e) => e.name === 'SHA256SUMS')!.data!.toString('utf8');
    expect(sums.split('\n')[0]).toMatch(/^[0-9a-f]{64} {2}manifest\.json$/);
    expect(sums.endsWith('source/article.txt\n')).toBe(true);
    const sig = JSON.parse(entries.find((e) => e.name === 'SHA256SUMS.sig')!.data!.toString('utf8'));
    expect(Object.keys(sig)).toEqual(['algorithm', 'publicKey', 'signature']);
    expect(sig.algorithm).toBe('ed25519');
    // The test writer's canonical zip of the same files is accepted too (same content, any deflate).
    const other = await verifyPack(rawZip(entries));
    expect(other.manifest).toEqual((await verifyPack(bytes)).manifest);
  });

  it("accepts a pack signed by any key; trust is the caller's decision", async () => {
    const pack = await verifyPack(signedZip(miniFiles(), keys().b.privateKeyPem));
    expect(pack.publicKey).toBe(keys().b.publicKey);
  });

  it('never writes to disk and leaves the input buffer untouched', async () => {
    const bytes = await buildPack(MINI, keys().a.privateKeyPem);
    const copy = Buffer.from(bytes);
    await verifyPack(bytes);
    expect(bytes.equals(copy)).toBe(true);
  });
});
