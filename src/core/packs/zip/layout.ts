import { packError } from '../issues';
import { compareNames } from '../paths';
import {
  CENTRAL_HEADER_SIZE,
  DOS_DATE,
  DOS_TIME,
  EXTERNAL_ATTRIBUTES,
  FLAGS,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORE,
  SIG_LOCAL,
  VERSION_MADE_BY,
  VERSION_NEEDED,
} from './canonical';
import type { EndRecord } from './endRecord';
import type { ZipEntry } from './read';

export interface ListedEntry {
  name: string;
  entry: ZipEntry;
}

/**
 * Checks that the zip is laid out exactly as the builder writes it (see canonical.ts): entries
 * sorted by name and stored back to back from offset 0 up to the central directory (no prefix,
 * gaps, overlaps or hidden data), each local header an exact copy of its central record, and
 * every field that is not cross-checked holding its one permitted value.
 */
export async function checkLayout(
  read: (offset: number, length: number) => Promise<Buffer>,
  entries: readonly ListedEntry[],
  end: EndRecord,
): Promise<void> {
  // The central directory is read once (it is small: at most maxEntries records); local headers one by one.
  const directory = await read(end.centralOffset, end.offset - end.centralOffset);
  let central = end.centralOffset;
  let local = 0;
  let previous: string | null = null;
  for (const { name, entry } of entries) {
    const bad = (why: string) =>
      packError(
        'PACK_INVALID',
        'noncanonical-zip',
        name,
        `The zip headers are not in the form the pack builder writes: ${why}.`,
      );
    if (central + CENTRAL_HEADER_SIZE > end.offset) throw bad('the central directory is shorter than its entries');
    const c = directory.subarray(central - end.centralOffset, central - end.centralOffset + CENTRAL_HEADER_SIZE);
    const nameLength = c.readUInt16LE(28);
    const expected: Array<[string, number, number]> = [
      ['version made by', c.readUInt16LE(4), VERSION_MADE_BY],
      ['version needed', c.readUInt16LE(6), VERSION_NEEDED],
      ['flags', c.readUInt16LE(8), FLAGS],
      // Stored (media) or deflated (text); which of the two each entry must be is checked against the manifest.
      ['compression method', c.readUInt16LE(10), c.readUInt16LE(10) === METHOD_STORE ? METHOD_STORE : METHOD_DEFLATE],
      ['time', c.readUInt16LE(12), DOS_TIME],
      ['date', c.readUInt16LE(14), DOS_DATE],
      ['extra field length', c.readUInt16LE(30), 0],
      ['comment length', c.readUInt16LE(32), 0],
      ['disk number', c.readUInt16LE(34), 0],
      ['internal attributes', c.readUInt16LE(36), 0],
      ['external attributes', c.readUInt32LE(38), EXTERNAL_ATTRIBUTES],
    ];
    for (const [field, actual, want] of expected) {
      if (actual !== want) throw bad(`central ${field} is ${actual}, expected ${want}`);
    }
    central += CENTRAL_HEADER_SIZE + nameLength;

    if (previous !== null && compareNames(previous, name) >= 0) throw bad('entries are not sorted by name');
    previous = name;
    if (entry.relativeOffsetOfLocalHeader !== local) throw bad('entries are not stored back to back');
    if (local + LOCAL_HEADER_SIZE + nameLength > end.centralOffset)
      throw bad('the local header runs into the central directory');
    const header = await read(local, LOCAL_HEADER_SIZE + nameLength);
    if (header.length < LOCAL_HEADER_SIZE + nameLength) throw bad('the local header is cut off');
    const l = header.subarray(0, LOCAL_HEADER_SIZE);
    const copies: Array<[string, number, number]> = [
      ['signature', l.readUInt32LE(0), SIG_LOCAL],
      ['version needed', l.readUInt16LE(4), c.readUInt16LE(6)],
      ['flags', l.readUInt16LE(6), c.readUInt16LE(8)],
      ['compression method', l.readUInt16LE(8), c.readUInt16LE(10)],
      ['time', l.readUInt16LE(10), c.readUInt16LE(12)],
      ['date', l.readUInt16LE(12), c.readUInt16LE(14)],
      ['crc-32', l.readUInt32LE(14), c.readUInt32LE(16)],
      ['compressed size', l.readUInt32LE(18), c.readUInt32LE(20)],
      ['size', l.readUInt32LE(22), c.readUInt32LE(24)],
      ['name length', l.readUInt16LE(26), nameLength],
      ['extra field length', l.readUInt16LE(28), 0],
    ];
    for (const [field, actual, want] of copies) {
      if (actual !== want) throw bad(`local header ${field} is ${actual}, central directory says ${want}`);
    }
    const localName = header.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLength);
    if (!localName.equals(entry.fileNameRaw)) throw bad('the local header has a different name');
    local += LOCAL_HEADER_SIZE + nameLength + entry.compressedSize;
  }
  const whole = (why: string) =>
    packError('PACK_INVALID', 'noncanonical-zip', null, `The zip is not in the form the pack builder writes: ${why}.`);
  if (central !== end.offset) throw whole('the central directory has bytes no entry accounts for');
  if (local !== end.centralOffset) throw whole('there are bytes between the last entry and the central directory');
}
