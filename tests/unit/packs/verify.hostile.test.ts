import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { formatSignatureFile, formatSums, signSums } from '../../../src/core/packs/sums';
import { verifyPack } from '../../../src/core/packs/verify';
import { expectRefusal, keys, MINI, miniFiles, signedEntries, signedZip } from './helpers/pack';
import { rawZip, type RawEntry } from './helpers/rawZip';

/** Hostile archives, part 2: broken zips, bad signatures and hashes, invalid signed content. */
const pem = () => keys().a.privateKeyPem;
/** A valid signed mini pack plus `extra` entries (the extra ones are what must be refused). */
const withEntries = (...extra: RawEntry[]) => rawZip([...signedEntries(miniFiles(), pem()), ...extra]);
const file = (name: string, more: Partial<RawEntry> = {}): RawEntry => ({ name, data: Buffer.from('x'), ...more });

describe('zip structure (PACK_INVALID)', () => {
  it('refuses something that is not a zip', async () => {
    await expectRefusal(
      verifyPack(Buffer.from('%PDF-1.7 definitely not a zip file, but long enough')),
      'PACK_INVALID',
      'not-zip',
      null,
    );
    await expectRefusal(verifyPack(Buffer.alloc(0)), 'PACK_INVALID', 'not-zip');
  });

  it('refuses a truncated zip, wherever it was cut', async () => {
    const bytes = await buildPack(MINI, pem());
    for (const cut of [1, 10, 22, bytes.length >> 1, bytes.length - 30]) {
      await expectRefusal(verifyPack(bytes.subarray(0, bytes.length - cut)), 'PACK_INVALID', 'truncated', null);
    }
  });

  it('refuses trailing data, archive comments and prepended data', async () => {
    const entries = signedEntries(miniFiles(), pem());
    await expectRefusal(
      verifyPack(rawZip(entries, { trailing: Buffer.from('junk') })),
      'PACK_INVALID',
      'zip-structure',
    );
    await expectRefusal(verifyPack(rawZip(entries, { comment: Buffer.from('hi') })), 'PACK_INVALID', 'zip-structure');
    const prefixed = rawZip(entries, { prefix: Buffer.from('MZ self-extractor stub') });
    await expectRefusal(verifyPack(prefixed), 'PACK_INVALID', 'noncanonical-zip', 'SHA256SUMS');
  });

  it('refuses a local header that disagrees with the central directory', async () => {
    const entries = signedEntries(miniFiles(), pem());
    const swapped = entries.map((e) => (e.name === 'source/article.txt' ? { ...e, localName: 'source/evil.txt' } : e));
    await expectRefusal(verifyPack(rawZip(swapped)), 'PACK_INVALID', 'noncanonical-zip', 'source/article.txt');
    const flags = entries.map((e) => (e.name === 'manifest.json' ? { ...e, localFlags: 0x0808 } : e));
    await expectRefusal(verifyPack(rawZip(flags)), 'PACK_INVALID', 'noncanonical-zip', 'manifest.json');
  });

  it('refuses the manifest and the signature files stored instead of compressed (one layout per pack)', async () => {
    for (const name of ['manifest.json', 'SHA256SUMS', 'SHA256SUMS.sig']) {
      const stored = signedEntries(miniFiles(), pem()).map((e) => (e.name === name ? { ...e, method: 0 } : e));
      await expectRefusal(verifyPack(rawZip(stored)), 'PACK_INVALID', 'noncanonical-zip', name);
    }
  });

  it('refuses entries out of name order', async () => {
    const entries = signedEntries(miniFiles(), pem());
    await expectRefusal(verifyPack(rawZip([...entries].reverse())), 'PACK_INVALID', 'noncanonical-zip');
  });

  it('refuses a CRC-32 that does not match the data, and unsupported compression', async () => {
    const bad = signedEntries(miniFiles(), pem()).map((e) => (e.name === 'manifest.json' ? { ...e, crc: 12345 } : e));
    await expectRefusal(verifyPack(rawZip(bad)), 'PACK_INVALID', 'crc-mismatch', 'manifest.json');
    await expectRefusal(
      verifyPack(withEntries(file('x.bz2', { method: 12 }))),
      'PACK_INVALID',
      'unsupported-compression',
    );
  });

  it('refuses corrupt deflate data', async () => {
    const bad = signedEntries(miniFiles(), pem()).map((e) =>
      e.name === 'manifest.json' ? { ...e, stored: Buffer.from([0xff, 0xff, 0xff]) } : e,
    );
    await expectRefusal(verifyPack(rawZip(bad)), 'PACK_INVALID', 'corrupt-data', 'manifest.json');
  });

  it('refuses an entry whose data inflates to more than it declares', async () => {
    const data = Buffer.from('a'.repeat(1000));
    const bad = signedEntries(miniFiles(), pem()).map((e) =>
      e.name === 'manifest.json' ? { ...e, data: data.subarray(0, 10), stored: deflateRawSync(data) } : e,
    );
    await expectRefusal(verifyPack(rawZip(bad)), 'PACK_INVALID', 'size-mismatch', 'manifest.json');
  });
});

describe('signature and hashes (PACK_SIGNATURE)', () => {
  const files = () => miniFiles();

  it('refuses a pack without signature or hash list', async () => {
    const noSig = signedEntries(files(), pem()).filter((e) => e.name !== 'SHA256SUMS.sig');
    await expectRefusal(verifyPack(rawZip(noSig)), 'PACK_SIGNATURE', 'unsigned', 'SHA256SUMS.sig');
    const bare = [...files()].map(([name, data]) => ({ name, data }));
    await expectRefusal(verifyPack(rawZip(bare)), 'PACK_SIGNATURE', 'unsigned', 'SHA256SUMS');
  });

  it('refuses a signature made by another key than the embedded one', async () => {
    const list = [...files()].map(([path, bytes]) => ({ path, bytes }));
    const sums = formatSums(list);
    const forged = { ...signSums(sums, keys().b.privateKeyPem), publicKey: keys().a.publicKey };
    const zip = signedZip(files(), pem(), { signature: formatSignatureFile(forged) });
    await expectRefusal(verifyPack(zip), 'PACK_SIGNATURE', 'bad-signature', 'SHA256SUMS.sig');
  });

  it('refuses a malformed signature file', async () => {
    const zip = signedZip(files(), pem(), { signature: Buffer.from('{"algorithm":"rsa"}') });
    await expectRefusal(verifyPack(zip), 'PACK_SIGNATURE', 'signature-format', 'SHA256SUMS.sig');
  });

  it('refuses a file that is not in the signed list', async () => {
    const zip = signedZip(files(), pem(), {
      after: (e) => [...e, { name: 'zz-extra.md', data: Buffer.from('# extra') }],
    });
    await expectRefusal(verifyPack(zip), 'PACK_SIGNATURE', 'unlisted-file', 'zz-extra.md');
  });

  it('refuses a pack missing a listed file', async () => {
    const zip = signedZip(files(), pem(), { after: (e) => e.filter((x) => x.name !== 'sessions/s2/material.md') });
    await expectRefusal(verifyPack(zip), 'PACK_SIGNATURE', 'listed-file-missing', 'sessions/s2/material.md');
  });

  it('refuses a changed file even when the list was re-signed with a valid signature', async () => {
    const list = [...files()].map(([path, bytes]) => ({ path, bytes }));
    const sums = formatSums(list.map((f) => (f.path === 'manifest.json' ? { ...f, bytes: Buffer.from('{}') } : f)));
    const zip = signedZip(files(), pem(), { sums }); // sums signed by the right key, but lists another manifest hash
    await expectRefusal(verifyPack(zip), 'PACK_SIGNATURE', 'hash-mismatch', 'manifest.json');
  });

  it('refuses a non-canonical hash list even when signed', async () => {
    const list = [...files()].map(([path, bytes]) => ({ path, bytes }));
    const upper = Buffer.from(formatSums(list).toString('utf8').toUpperCase());
    await expectRefusal(verifyPack(signedZip(files(), pem(), { sums: upper })), 'PACK_SIGNATURE', 'sums-format');
  });
});

describe('content (PACK_INVALID)', () => {
  it('refuses a correctly signed pack whose manifest breaks the schema', async () => {
    const f = miniFiles();
    const m = JSON.parse(f.get('manifest.json')!.toString('utf8'));
    m.version = 'v1';
    f.set('manifest.json', Buffer.from(JSON.stringify(m, null, 2)));
    const e = await expectRefusal(verifyPack(signedZip(f, pem())), 'PACK_INVALID', 'schema', 'manifest.json');
    expect(e.detail).toMatchObject({ path: 'version', line: 4 });
  });

  it('refuses a signed session file with an answer that is not an option', async () => {
    const f = miniFiles();
    const s = JSON.parse(f.get('sessions/s1/session.json')!.toString('utf8'));
    s.quiz.questions[0].answer = ['z'];
    f.set('sessions/s1/session.json', Buffer.from(JSON.stringify(s)));
    await expectRefusal(verifyPack(signedZip(f, pem())), 'PACK_INVALID', 'answer', 'sessions/s1/session.json');
  });

  it('refuses a signed file the manifest does not reference', async () => {
    const f = miniFiles();
    f.set('notes/extra.md', Buffer.from('# not referenced'));
    await expectRefusal(verifyPack(signedZip(f, pem())), 'PACK_INVALID', 'unreferenced-file', 'notes/extra.md');
  });

  it('refuses a signed manifest that references a file the pack lacks', async () => {
    const f = miniFiles();
    f.delete('source/article.txt');
    await expectRefusal(verifyPack(signedZip(f, pem())), 'PACK_INVALID', 'missing-file', 'manifest.json');
  });
});
