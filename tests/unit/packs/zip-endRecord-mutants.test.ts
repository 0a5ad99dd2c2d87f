import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { verifyPack } from '../../../src/core/packs/verify';
import { readEndRecord } from '../../../src/core/packs/zip/endRecord';
import { expectRefusal } from './helpers/pack';
import { rawZip } from './helpers/rawZip';

/**
 * Finding the end record (zip/endRecord.ts) in files cut, padded or commented at every boundary,
 * and in the tail of a file that is longer than the part read (as verifyPackFile reads it).
 */

const zip = () =>
  rawZip([
    { name: 'a.md', data: Buffer.from('# a') },
    { name: 'b.md', data: Buffer.from('# b') },
  ]);

function refusedRule(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return `${e.code} ${String(e.detail?.rule)}`;
  }
  return 'accepted';
}

/** An end record: 22 bytes with a comment length, then `comment` bytes. */
const endRecord = (commentLength: number, comment = Buffer.alloc(0)) => {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(commentLength, 20);
  return Buffer.concat([e, comment]);
};

describe('a file whose last 22 bytes are not an end record', () => {
  it('is truncated when the record is cut, however short the file', () => {
    const bytes = zip();
    for (const cut of [1, 21, 22, 23, bytes.length - 4]) {
      expect(refusedRule(() => readEndRecord(bytes.subarray(0, bytes.length - cut)))).toBe('PACK_INVALID truncated');
    }
  });

  it('is not a zip when it is too short to start like one', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('P'), Buffer.from('PK\x03')]) {
      expect(refusedRule(() => readEndRecord(bytes))).toBe('PACK_INVALID not-zip');
    }
    await expectRefusal(verifyPack(Buffer.from('PK\x03')), 'PACK_INVALID', 'not-zip', null);
  });

  it('tells bytes appended after the record from a comment cut short, at the exact boundary', () => {
    const bytes = zip();
    const withComment = (length: number, present: number) =>
      Buffer.concat([bytes.subarray(0, bytes.length - 22), endRecord(length, Buffer.alloc(present, 0x41))]);
    // The whole comment is there (or more): extra bytes, refused as tampering.
    expect(refusedRule(() => readEndRecord(withComment(5, 5)))).toBe('PACK_INVALID zip-structure');
    expect(refusedRule(() => readEndRecord(withComment(5, 6)))).toBe('PACK_INVALID zip-structure');
    expect(refusedRule(() => readEndRecord(withComment(0, 1)))).toBe('PACK_INVALID zip-structure');
    // The comment is cut: the file is truncated.
    expect(refusedRule(() => readEndRecord(withComment(5, 4)))).toBe('PACK_INVALID truncated');
  });

  it('finds the record behind the longest comment a zip allows, in a file read from its tail', async () => {
    // verifyPack reads only the last END_SEARCH_BYTES: the record and a 65,535-byte comment must fit.
    const commented = rawZip([{ name: 'a.md', data: Buffer.from('# a') }], { comment: Buffer.alloc(0xffff, 0x41) });
    await expectRefusal(verifyPack(commented), 'PACK_INVALID', 'zip-structure', null);
  });

  it('finds the record at the very start of the part read', () => {
    // The tail read from a long file begins with the record, followed by one appended byte.
    const tail = Buffer.concat([endRecord(0), Buffer.from('x')]);
    const head = Buffer.from('PK\x03\x04');
    expect(refusedRule(() => readEndRecord(tail, 100_000, head))).toBe('PACK_INVALID zip-structure');
    expect(refusedRule(() => readEndRecord(tail.subarray(0, 20), 100_000, head))).toBe('PACK_INVALID truncated');
  });
});

describe('the end record itself', () => {
  it('is read from the tail of a longer file, with offsets in the whole file', () => {
    const bytes = zip();
    const whole = readEndRecord(bytes);
    expect(whole).toEqual({
      offset: bytes.length - 22,
      entryCount: 2,
      centralOffset: bytes.readUInt32LE(bytes.length - 6),
      centralSize: bytes.readUInt32LE(bytes.length - 10),
    });
    for (const keep of [22, 30, bytes.length - 1]) {
      expect(readEndRecord(bytes.subarray(bytes.length - keep), bytes.length, bytes.subarray(0, 4))).toEqual(whole);
    }
    // A central directory that does not end at the record is refused in the tail as in the whole.
    const moved = Buffer.from(bytes);
    moved.writeUInt32LE(whole.centralOffset + 1, moved.length - 6);
    expect(refusedRule(() => readEndRecord(moved.subarray(moved.length - 30), moved.length))).toBe(
      'PACK_INVALID zip-structure',
    );
  });

  it('of an empty zip (the record alone) is read, and such a pack is unsigned', async () => {
    expect(readEndRecord(endRecord(0))).toEqual({ offset: 0, entryCount: 0, centralOffset: 0, centralSize: 0 });
    await expectRefusal(verifyPack(endRecord(0)), 'PACK_SIGNATURE', 'unsigned', 'SHA256SUMS');
  });

  it('after a zip64 locator that starts the file is zip64', () => {
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const end = endRecord(0);
    end.writeUInt32LE(20, 16); // the "central directory" would be the 20 bytes before: consistent otherwise
    end.writeUInt32LE(0, 12);
    expect(refusedRule(() => readEndRecord(Buffer.concat([locator, end])))).toBe('PACK_INVALID zip64');
    locator.writeUInt32LE(0x07064b51, 0);
    expect(readEndRecord(Buffer.concat([locator, end]))).toMatchObject({ offset: 20, centralOffset: 20 });
  });

  it.each([
    ['this disk', 4],
    ['the central directory disk', 6],
  ])('is multi-disk when %s is not 0, even with the counts agreeing', (_what, at) => {
    const bytes = Buffer.from(zip());
    bytes.writeUInt16LE(1, bytes.length - 22 + at);
    expect(refusedRule(() => readEndRecord(bytes))).toBe('PACK_INVALID zip-structure');
  });
});
