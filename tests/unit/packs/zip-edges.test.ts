import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { PACK_LIMITS, type PackLimits } from '../../../src/core/packs/limits';
import { verifyPack } from '../../../src/core/packs/verify';
import { EntryRules } from '../../../src/core/packs/zip/entryRules';
import type { ZipEntry } from '../../../src/core/packs/zip/read';
import { expectRefusal, keys, MINI, miniFiles, signedEntries } from './helpers/pack';
import { rawZip } from './helpers/rawZip';

/**
 * Zip rules that mutation testing showed no test reached: every limit exactly at its value and one
 * past it, each refusal of the end record built on purpose, data hidden after the final deflate
 * block, and every header field the layout check pins changed the same way in both headers (a
 * single flipped byte is caught earlier by the CRC or the local/central cross-check, so it cannot
 * show that the field's own check works).
 */

const pem = () => keys().a.privateKeyPem;
const validPack = () => buildPack(MINI, pem());

// ---- limits -------------------------------------------------------------------------------------

/** A central-directory entry as yauzl hands it to the rules: a plain regular file, deflated. */
const entry = (name: string, uncompressedSize: number, compressedSize: number): ZipEntry =>
  ({
    fileNameRaw: Buffer.from(name),
    generalPurposeBitFlag: 0x0800,
    externalFileAttributes: (0o100644 << 16) >>> 0,
    compressionMethod: 8,
    uncompressedSize,
    compressedSize,
  }) as ZipEntry;

const rules = (limits: Partial<PackLimits>) => new EntryRules({ ...PACK_LIMITS, ...limits });
const refusedBy = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { detail?: { rule?: string } }).detail?.rule;
  }
  return null;
};

describe('entry limits, exactly at the limit and one byte past it', () => {
  it('size of one entry', () => {
    const r = rules({ maxEntryBytes: 1000, ratioFloorBytes: 10_000 });
    expect(refusedBy(() => r.check(entry('a.md', 1000, 10)))).toBeNull();
    expect(refusedBy(() => r.check(entry('b.md', 1001, 10)))).toBe('entry-too-large');
  });

  it('compression ratio, above the floor only', () => {
    const r = rules({ maxCompressionRatio: 100, ratioFloorBytes: 1000 });
    expect(refusedBy(() => r.check(entry('at-ratio.md', 2000, 20)))).toBeNull(); // exactly 100:1
    expect(refusedBy(() => r.check(entry('past-ratio.md', 2001, 20)))).toBe('compression-ratio');
    expect(refusedBy(() => r.check(entry('at-floor.md', 1000, 1)))).toBeNull(); // 1000:1, but not above the floor
    expect(refusedBy(() => r.check(entry('past-floor.md', 1001, 1)))).toBe('compression-ratio');
  });

  it('total of all entries', () => {
    const r = rules({ maxTotalBytes: 3000, ratioFloorBytes: 10_000 });
    expect(refusedBy(() => r.check(entry('a.md', 1000, 10)))).toBeNull();
    expect(refusedBy(() => r.check(entry('b.md', 2000, 10)))).toBeNull(); // 3000: exactly the limit
    expect(refusedBy(() => r.check(entry('c.md', 1, 1)))).toBe('total-too-large');
  });

  it('number of entries and size of the file', async () => {
    const bytes = await validPack();
    const count = signedEntries(miniFiles(), pem()).length;
    await expect(verifyPack(bytes, { limits: { maxEntries: count } })).resolves.toBeDefined();
    await expectRefusal(verifyPack(bytes, { limits: { maxEntries: count - 1 } }), 'PACK_UNSAFE', 'too-many-entries');
    await expect(verifyPack(bytes, { limits: { maxFileBytes: bytes.length } })).resolves.toBeDefined();
    await expectRefusal(
      verifyPack(bytes, { limits: { maxFileBytes: bytes.length - 1 } }),
      'PACK_UNSAFE',
      'pack-too-large',
    );
  });
});

// ---- end record ---------------------------------------------------------------------------------

/** The mini pack with its end record (the last 22 bytes) changed by `patch`. */
async function withEnd(patch: (end: Buffer, whole: Buffer) => void): Promise<Buffer> {
  const bytes = Buffer.from(await validPack());
  patch(bytes.subarray(bytes.length - 22), bytes);
  return bytes;
}

describe('end record refusals', () => {
  it('a comment length other than 0, even with the record last in the file', async () => {
    const e = await expectRefusal(
      verifyPack(await withEnd((end) => end.writeUInt16LE(5, 20))),
      'PACK_INVALID',
      'zip-structure',
    );
    expect(e.message).toMatch(/comment length must be 0/);
  });

  it.each([
    ['this disk', 4],
    ['the disk of the central directory', 6],
  ])('a multi-disk zip (%s is not 0)', async (_what, at) => {
    const e = await expectRefusal(
      verifyPack(await withEnd((end) => end.writeUInt16LE(1, at))),
      'PACK_INVALID',
      'zip-structure',
    );
    expect(e.message).toMatch(/multi-disk/);
  });

  it('a multi-disk zip (entries on this disk differ from the total)', async () => {
    const e = await expectRefusal(
      verifyPack(await withEnd((end) => end.writeUInt16LE(end.readUInt16LE(10) - 1, 8))),
      'PACK_INVALID',
      'zip-structure',
    );
    expect(e.message).toMatch(/multi-disk/);
  });

  it.each([
    ['an entry count of 0xffff', (end: Buffer) => (end.writeUInt16LE(0xffff, 8), end.writeUInt16LE(0xffff, 10))],
    ['a central directory offset of 0xffffffff', (end: Buffer) => end.writeUInt32LE(0xffffffff, 16)],
    ['a central directory size of 0xffffffff', (end: Buffer) => end.writeUInt32LE(0xffffffff, 12)],
  ])('zip64 (%s)', async (_what, patch) => {
    await expectRefusal(verifyPack(await withEnd(patch)), 'PACK_INVALID', 'zip64', null);
  });

  it('zip64 (a zip64 locator before the end record)', async () => {
    const bytes = Buffer.from(await validPack());
    bytes.writeUInt32LE(0x07064b50, bytes.length - 22 - 20);
    await expectRefusal(verifyPack(bytes), 'PACK_INVALID', 'zip64', null);
  });

  it('a central directory that does not end where the end record starts', async () => {
    const e = await expectRefusal(
      verifyPack(await withEnd((end) => end.writeUInt32LE(end.readUInt32LE(12) - 1, 12))),
      'PACK_INVALID',
      'zip-structure',
    );
    expect(e.message).toMatch(/does not end where the end record starts/);
  });
});

// ---- data after the final deflate block ---------------------------------------------------------

describe('compressed data', () => {
  it('refuses bytes hidden after the final deflate block, though CRC and size match', async () => {
    const entries = signedEntries(miniFiles(), pem()).map((e) =>
      e.name === 'manifest.json'
        ? { ...e, stored: Buffer.concat([deflateRawSync(e.data!), Buffer.from('hidden payload')]) }
        : e,
    );
    await expectRefusal(verifyPack(rawZip(entries)), 'PACK_INVALID', 'trailing-data', 'manifest.json');
  });
});

// ---- header fields, changed consistently in both headers ----------------------------------------

interface Header {
  central: number;
  local: number;
}

/** Offsets of every entry's central record and local header. */
function headers(bytes: Buffer): Header[] {
  const end = bytes.length - 22;
  let at = bytes.readUInt32LE(end + 16);
  const out: Header[] = [];
  while (at < end) {
    out.push({ central: at, local: bytes.readUInt32LE(at + 42) });
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return out;
}

/** Central offset of the field, the local one if the field has a copy there, its size, a new value. */
const fields: Array<[string, number, number | null, 2 | 4, number]> = [
  ['version made by', 4, null, 2, (3 << 8) | 20],
  ['version needed', 6, 4, 2, 10],
  ['flags', 8, 6, 2, 0x0800 | 0x0002], // bit 1: a deflate option, harmless to every reader
  ['time', 12, 10, 2, 1],
  ['date', 14, 12, 2, (1 << 9) | (1 << 5) | 1],
  ['disk number', 34, null, 2, 1],
  ['internal attributes', 36, null, 2, 1], // "text file"
  ['external attributes', 38, null, 4, (0o100600 << 16) >>> 0], // still a regular file
];

describe('the canonical layout checks each header field on its own', () => {
  it.each(fields)('refuses a %s the builder never writes', async (field, central, local, size, value) => {
    const bytes = Buffer.from(await validPack());
    const first = headers(bytes)[0]!;
    const write = (at: number) => (size === 2 ? bytes.writeUInt16LE(value, at) : bytes.writeUInt32LE(value, at));
    write(first.central + central);
    if (local !== null) write(first.local + local);
    const e = await expectRefusal(verifyPack(bytes), 'PACK_INVALID', 'noncanonical-zip');
    expect(e.message).toContain(`central ${field} is ${value}`);
  });
});
