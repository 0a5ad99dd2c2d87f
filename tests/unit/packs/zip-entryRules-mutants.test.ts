import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../../src/core/packs/source';
import { AppError } from '../../../src/shared/errors';
import { PACK_LIMITS, type PackLimits } from '../../../src/core/packs/limits';
import { verifyPack } from '../../../src/core/packs/verify';
import { EntryRules } from '../../../src/core/packs/zip/entryRules';
import { nextEntry, type ZipEntry } from '../../../src/core/packs/zip/read';
import { expectRefusal } from './helpers/pack';
import { rawZip, type RawEntry } from './helpers/rawZip';

/**
 * The safe-extraction rules (zip/entryRules.ts) on entries as yauzl reads them from real zips:
 * which limit applies to a stored and to a deflated entry, which entries count towards the text
 * total, the numbers a refusal carries, how a non-UTF-8 name is shown, and which file types pass.
 */

/** The entries of a zip made by rawZip, as yauzl lists them. */
async function listed(entries: RawEntry[]): Promise<ZipEntry[]> {
  const zip = await bufferSource(rawZip(entries)).openZip();
  const out: ZipEntry[] = [];
  for (let e = await nextEntry(zip); e; e = await nextEntry(zip)) out.push(e);
  zip.close();
  return out;
}

const rules = (limits: Partial<PackLimits>) => new EntryRules({ ...PACK_LIMITS, ...limits });

/** Checks the entries in order; the first refusal's code and detail, or the names if all pass. */
async function check(limits: Partial<PackLimits>, entries: RawEntry[]) {
  const r = rules(limits);
  const names: string[] = [];
  for (const e of await listed(entries)) {
    try {
      names.push(r.check(e));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { code: err.code, ...err.detail };
    }
  }
  return names;
}

const bytes = (n: number) => Buffer.alloc(n, 0x61);
/** A deflated entry declaring `size` bytes (its data is one byte, so only the headers say so). */
const text = (name: string, size: number): RawEntry => ({ name, data: Buffer.from('a'), declaredSize: size });
/** A stored entry of `size` bytes. */
const media = (name: string, size: number): RawEntry => ({ name, method: 0, data: bytes(size) });

const FAR = { ratioFloorBytes: 1_000_000 };

describe('the size limit of one entry: media by maxMediaEntryBytes, text by maxEntryBytes', () => {
  const limits = { ...FAR, maxEntryBytes: 100, maxMediaEntryBytes: 300 };

  it('a stored entry may be larger than the text limit, up to the media limit', async () => {
    expect(await check(limits, [media('a.mp3', 300)])).toEqual(['a.mp3']);
    expect(await check(limits, [media('a.mp3', 301)])).toMatchObject({
      code: 'PACK_UNSAFE',
      rule: 'entry-too-large',
      entry: 'a.mp3',
      size: 301,
      limit: 300,
    });
  });

  it('a deflated entry is held to the text limit', async () => {
    expect(await check(limits, [text('a.md', 100)])).toEqual(['a.md']);
    expect(await check(limits, [text('a.md', 101)])).toMatchObject({
      code: 'PACK_UNSAFE',
      rule: 'entry-too-large',
      entry: 'a.md',
      size: 101,
      limit: 100,
    });
  });
});

describe('the text total counts deflated entries only', () => {
  const limits = { ...FAR, maxTextBytes: 150 };

  it('stored entries do not count, and exactly the limit passes', async () => {
    const entries = [text('a.md', 100), media('b.mp3', 500), text('c.md', 50)];
    expect(await check(limits, entries)).toEqual(['a.md', 'b.mp3', 'c.md']);
  });

  it('one byte past it is refused at the entry that passes it, with the limit', async () => {
    const entries = [text('a.md', 100), media('b.mp3', 500), text('c.md', 51)];
    expect(await check(limits, entries)).toEqual({
      code: 'PACK_UNSAFE',
      rule: 'text-too-large',
      reason: 'pack.text-too-large',
      entry: 'c.md',
      limit: 150,
    });
  });
});

describe('the total of all entries counts media too', () => {
  it('exactly the limit passes, one byte more is refused with the limit', async () => {
    const limits = { ...FAR, maxTotalBytes: 600 };
    expect(await check(limits, [text('a.md', 100), media('b.mp3', 500)])).toEqual(['a.md', 'b.mp3']);
    expect(await check(limits, [text('a.md', 101), media('b.mp3', 500)])).toEqual({
      code: 'PACK_UNSAFE',
      rule: 'total-too-large',
      reason: 'pack.total-too-large',
      entry: 'b.mp3',
      limit: 600,
    });
  });
});

describe('the compression ratio', () => {
  const c = deflateRawSync(Buffer.from('a')).length; // what text() stores

  it('above the floor, exactly the ratio passes and one byte more is refused, with the ratio as the limit', async () => {
    const limits = { ratioFloorBytes: 10, maxCompressionRatio: 5 };
    expect(await check(limits, [text('a.md', 5 * c)])).toEqual(['a.md']);
    expect(await check(limits, [text('a.md', 5 * c + 1)])).toEqual({
      code: 'PACK_UNSAFE',
      rule: 'compression-ratio',
      reason: 'pack.compression-ratio',
      entry: 'a.md',
      limit: 5,
    });
  });

  it('up to the floor any ratio passes', async () => {
    const limits = { ratioFloorBytes: 100, maxCompressionRatio: 5 };
    expect(await check(limits, [text('a.md', 100)])).toEqual(['a.md']);
    expect(await check(limits, [text('a.md', 101)])).toMatchObject({ rule: 'compression-ratio' });
  });
});

describe('names', () => {
  it('shows a name that is not UTF-8 with every byte outside printable ASCII escaped', async () => {
    const raw = Buffer.from([0x20, 0x7e, 0x61, 0xe9, 0x01, 0x7f, 0x1f, 0x2e]);
    expect(await check({}, [{ name: raw, data: bytes(1) }])).toEqual({
      code: 'PACK_UNSAFE',
      rule: 'non-utf8-name',
      reason: 'pack.non-utf8-name',
      entry: ' ~a\\xe9\\x01\\x7f\\x1f.',
    });
  });

  it('accepts an ASCII name without the UTF-8 flag, refuses a non-ASCII one', async () => {
    expect(await check({}, [{ name: 'a.md', flags: 0, data: bytes(1) }])).toEqual(['a.md']);
    expect(await check({}, [{ name: 'é.md', flags: 0, data: bytes(1) }])).toMatchObject({ rule: 'non-utf8-name' });
    expect(await check({}, [{ name: 'é.md', data: bytes(1) }])).toEqual(['é.md']);
  });

  it('keeps a byte order mark at the start of a name (and so refuses it as invisible)', async () => {
    expect(await check({}, [{ name: '\uFEFFa.md', data: bytes(1) }])).toMatchObject({
      rule: 'invalid-name',
      entry: '\uFEFFa.md',
    });
  });

  it('an unflagged ASCII name in a pack is refused by the layout (the builder sets the flag), not as non-UTF-8', async () => {
    await expectRefusal(
      verifyPack(rawZip([{ name: 'a.md', flags: 0, data: bytes(1) }])),
      'PACK_INVALID',
      'noncanonical-zip',
    );
  });
});

describe('file types from the unix mode and the DOS attributes', () => {
  const typed = (mode: number, dos = 0): RawEntry => ({
    name: 'f.md',
    data: bytes(1),
    externalAttributes: ((mode << 16) | dos) >>> 0,
  });
  it.each([
    ['no unix mode at all (made on DOS)', 0, 0, null],
    ['a regular file', 0o100644, 0, null],
    ['a regular file marked read-only and archive in DOS', 0o100644, 0x21, null],
    ['a directory', 0o040755, 0, 'directory-entry'],
    ['a DOS directory without a unix mode', 0, 0x10, 'directory-entry'],
    ['a DOS directory with a regular mode', 0o100644, 0x10, 'directory-entry'],
    ['a symlink', 0o120777, 0, 'symlink'],
    ['a FIFO', 0o010644, 0, 'special-file'],
    ['a character device', 0o020644, 0, 'special-file'],
    ['a block device', 0o060644, 0, 'special-file'],
    ['a socket', 0o140644, 0, 'special-file'],
  ])('%s', async (_what, mode, dos, rule) => {
    const got = await check({}, [typed(mode, dos)]);
    if (rule === null) expect(got).toEqual(['f.md']);
    else expect(got).toMatchObject({ code: 'PACK_UNSAFE', rule, entry: 'f.md' });
  });
});
