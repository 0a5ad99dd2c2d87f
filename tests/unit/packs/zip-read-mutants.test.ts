import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bufferSource, fileSource } from '../../../src/core/packs/source';
import { AppError } from '../../../src/shared/errors';
import { nextEntry, readEntryData, zipError, type ZipEntry } from '../../../src/core/packs/zip/read';
import type yauzl from 'yauzl';
import { tempDir } from './helpers/pack';
import { rawZip, type RawEntry } from './helpers/rawZip';
import { editZip } from './helpers/zipRecords';

/**
 * Reading entry data (zip/read.ts) from real zips: stored and deflated entries, empty ones, data
 * shorter or longer than declared, and how each yauzl or zlib error becomes a refusal.
 */

async function open(entries: RawEntry[]): Promise<{ zip: yauzl.ZipFile; list: ZipEntry[] }> {
  const zip = await bufferSource(rawZip(entries)).openZip();
  const list: ZipEntry[] = [];
  for (let e = await nextEntry(zip); e; e = await nextEntry(zip)) list.push(e);
  return { zip, list };
}

/** The data of the one entry of a zip, or the refusal's code and detail. */
async function readOne(entry: RawEntry) {
  const { zip, list } = await open([entry]);
  try {
    return await readEntryData(zip, list[0]!, 'the-entry');
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, rule: e.detail?.rule, entry: e.detail?.entry };
  } finally {
    zip.close();
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const text = Buffer.from('Lorem ipsum dolor sit amet, '.repeat(200));

describe('entry data', () => {
  it('reads a deflated entry whole, with its SHA-256', async () => {
    const got = await readOne({ name: 'a.md', data: text });
    expect(got).toEqual({ data: text, sha256: sha(text) });
  });

  it('reads a stored entry whole, with its SHA-256', async () => {
    const got = await readOne({ name: 'a.bin', method: 0, data: text });
    expect(got).toEqual({ data: text, sha256: sha(text) });
  });

  it('reads large entries from a file, where they arrive in many reads', async () => {
    // From disk yauzl reads in 64 KiB pieces, so zlib (and the stored path) see many chunks.
    let x = 1;
    const noise = Buffer.from(Array.from({ length: 200_000 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24)));
    const path = join(tempDir(), 'big.zip');
    writeFileSync(
      path,
      rawZip(
        [
          { name: 'a.md', data: noise },
          { name: 'b.bin', method: 0, data: noise },
        ],
        { level: 1 },
      ),
    );
    const source = await fileSource(path);
    const zip = await source.openZip();
    try {
      for (const name of ['a.md', 'b.bin']) {
        const e = (await nextEntry(zip))!;
        const r = await readEntryData(zip, e, name);
        expect(r.data.equals(noise), name).toBe(true); // not toEqual: a deep compare of 200 KB takes seconds
        expect(r.sha256).toBe(sha(noise));
      }
    } finally {
      zip.close();
      await source.close();
    }
  });

  it('refuses an entry whose local header yauzl cannot read, naming the entry', async () => {
    const bytes = editZip(rawZip([{ name: 'a.md', data: text }]), (z) => z.records[0]!.local.writeUInt32LE(0, 0));
    const zip = await bufferSource(bytes).openZip();
    const e = (await nextEntry(zip))!;
    const refusal = await readEntryData(zip, e, 'a.md').then(
      () => null,
      (err: AppError) => ({ code: err.code, rule: err.detail?.rule, entry: err.detail?.entry }),
    );
    zip.close();
    expect(refusal).toEqual({ code: 'PACK_INVALID', rule: 'zip-structure', entry: 'a.md' });
  });

  it('reads empty entries, deflated and stored', async () => {
    const empty = { data: Buffer.alloc(0), sha256: sha(Buffer.alloc(0)) };
    expect(await readOne({ name: 'a.md', data: Buffer.alloc(0) })).toEqual(empty);
    expect(await readOne({ name: 'a.bin', method: 0, data: Buffer.alloc(0) })).toEqual(empty);
  });

  it('reads two entries of one zip one after the other', async () => {
    const other = Buffer.from('second entry');
    const { zip, list } = await open([
      { name: 'a.md', data: text },
      { name: 'b.md', data: other },
    ]);
    expect((await readEntryData(zip, list[0]!, 'a.md')).data).toEqual(text);
    expect((await readEntryData(zip, list[1]!, 'b.md')).data).toEqual(other);
    zip.close();
  });

  it('refuses deflated data that ends before its declared size', async () => {
    expect(await readOne({ name: 'a.md', data: text, declaredSize: text.length + 1 })).toEqual({
      code: 'PACK_INVALID',
      rule: 'size-mismatch',
      entry: 'the-entry',
    });
  });

  it('refuses deflated data that runs past its declared size', async () => {
    expect(await readOne({ name: 'a.md', data: text, declaredSize: text.length - 1 })).toEqual({
      code: 'PACK_INVALID',
      rule: 'size-mismatch',
      entry: 'the-entry',
    });
  });

  it('refuses bytes after the final deflate block, even a single one', async () => {
    const stored = Buffer.concat([deflateRawSync(text), Buffer.from([0])]);
    expect(await readOne({ name: 'a.md', data: text, stored })).toEqual({
      code: 'PACK_INVALID',
      rule: 'trailing-data',
      entry: 'the-entry',
    });
  });

  it('refuses a CRC-32 that does not match, for stored and deflated data', async () => {
    const refused = { code: 'PACK_INVALID', rule: 'crc-mismatch', entry: 'the-entry' };
    expect(await readOne({ name: 'a.md', data: text, crc: 1 })).toEqual(refused);
    expect(await readOne({ name: 'a.bin', method: 0, data: text, crc: 1 })).toEqual(refused);
  });

  it('refuses corrupt deflate data as corrupt, naming the entry', async () => {
    expect(await readOne({ name: 'a.md', data: text, stored: Buffer.from([0xff, 0xff, 0xff, 0xff]) })).toEqual({
      code: 'PACK_INVALID',
      rule: 'corrupt-data',
      entry: 'the-entry',
    });
  });

  it('refuses a stored entry whose two sizes differ while listing it (no entry known yet)', async () => {
    const zip = await bufferSource(
      rawZip([{ name: 'a.bin', method: 0, data: text, declaredSize: text.length + 1 }]),
    ).openZip();
    const refusal = await nextEntry(zip).then(
      () => null,
      (e: AppError) => ({ code: e.code, rule: e.detail?.rule, entry: e.detail?.entry }),
    );
    zip.close();
    expect(refusal).toEqual({ code: 'PACK_INVALID', rule: 'size-mismatch', entry: null });
  });
});

describe('zip and zlib errors as refusals', () => {
  // The messages below are yauzl's own (yauzl 3), the codes zlib's.
  const as = (e: unknown, entry: string | null = 'x') => {
    const r = zipError(e, entry);
    return { code: r.code, rule: r.detail?.rule, entry: r.detail?.entry };
  };

  it('passes an AppError through unchanged', () => {
    const original = new AppError('PACK_INVALID', 'already a refusal', { rule: 'crc-mismatch' });
    expect(zipError(original, 'x')).toBe(original);
  });

  it('reads encryption, compression method, zlib codes and sizes', () => {
    expect(as(new Error('strong encryption is not supported'))).toEqual({
      code: 'PACK_UNSAFE',
      rule: 'encrypted',
      entry: 'x',
    });
    expect(as(new Error('unsupported compression method: 12'))).toEqual({
      code: 'PACK_INVALID',
      rule: 'unsupported-compression',
      entry: 'x',
    });
    const zlib = Object.assign(new Error('invalid stored block lengths'), { code: 'Z_DATA_ERROR' });
    expect(as(zlib)).toEqual({ code: 'PACK_INVALID', rule: 'corrupt-data', entry: 'x' });
    expect(as(new Error('not enough bytes in the stream. expected 5. got only 3'))).toMatchObject({
      rule: 'size-mismatch',
    });
    expect(as(new Error('compressed/uncompressed size mismatch for stored file: 3 != 5'))).toMatchObject({
      rule: 'size-mismatch',
    });
  });

  it('calls anything else a broken structure, also errors with a code that is not zlib’s', () => {
    expect(as(new Error('invalid central directory file header signature: 0x0'), null)).toEqual({
      code: 'PACK_INVALID',
      rule: 'zip-structure',
      entry: null,
    });
    const io = Object.assign(new Error('read failed'), { code: 'EIO' });
    expect(as(io)).toMatchObject({ rule: 'zip-structure' });
    expect(as('a string thrown')).toMatchObject({ rule: 'zip-structure' });
    expect(as(null)).toMatchObject({ rule: 'zip-structure' });
    expect(zipError('a string thrown', null).message).toContain('a string thrown');
  });
});
