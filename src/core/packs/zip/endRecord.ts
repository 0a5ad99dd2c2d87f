import { packError } from '../issues';
import { END_RECORD_SIZE, SIG_END, SIG_LOCAL, SIG_ZIP64_LOCATOR } from './canonical';

/**
 * The end-of-central-directory record, read before yauzl sees the file. A pack has no archive
 * comment, so the record is exactly the last 22 bytes; anything else is truncation, trailing
 * data, or not a zip at all, and each gets its own message.
 */
const END_SIGNATURE_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export interface EndRecord {
  offset: number;
  entryCount: number;
  centralOffset: number;
  centralSize: number;
}

/** How much of a file's end can hold the end record with the longest comment a zip allows. */
export const END_SEARCH_BYTES = END_RECORD_SIZE + 0xffff + 20;

/**
 * `bytes` is the file's last bytes (at least END_SEARCH_BYTES of them, or the whole file), `size`
 * the file's length and `head` its first four bytes: the record is found without reading the rest.
 */
export function readEndRecord(bytes: Buffer, size = bytes.length, head: Buffer = bytes.subarray(0, 4)): EndRecord {
  const base = size - bytes.length;
  const startsLikeZip = head.length >= 4 && head.readUInt32LE(0) === SIG_LOCAL;
  const offset = bytes.length - END_RECORD_SIZE;
  if (offset < 0 || bytes.readUInt32LE(offset) !== SIG_END) {
    if (!startsLikeZip) {
      throw packError('PACK_INVALID', 'not-zip', null, 'This file is not a study pack (it is not a zip file).');
    }
    // Tell a cut-off file (copy it again) from one with bytes appended (refuse the tampering).
    const found = bytes.lastIndexOf(END_SIGNATURE_BYTES);
    const whole = found >= 0 && found + END_RECORD_SIZE <= bytes.length;
    if (whole && found + END_RECORD_SIZE + bytes.readUInt16LE(found + 20) <= bytes.length) {
      throw packError(
        'PACK_INVALID',
        'zip-structure',
        null,
        'The zip has a comment or extra bytes after its end record.',
      );
    }
    throw packError('PACK_INVALID', 'truncated', null, 'The file is truncated: its end is missing (copy it again).');
  }
  const bad = (why: string) =>
    packError('PACK_INVALID', 'zip-structure', null, `The zip's end record is invalid: ${why}.`);
  const disk = bytes.readUInt16LE(offset + 4);
  const centralDisk = bytes.readUInt16LE(offset + 6);
  const onDisk = bytes.readUInt16LE(offset + 8);
  const entryCount = bytes.readUInt16LE(offset + 10);
  const centralSize = bytes.readUInt32LE(offset + 12);
  const centralOffset = bytes.readUInt32LE(offset + 16);
  const commentLength = bytes.readUInt16LE(offset + 20);
  if (commentLength !== 0) throw bad('comment length must be 0');
  if (disk !== 0 || centralDisk !== 0 || onDisk !== entryCount) throw bad('multi-disk zips are not supported');
  const zip64 = offset >= 20 && bytes.readUInt32LE(offset - 20) === SIG_ZIP64_LOCATOR;
  if (zip64 || entryCount === 0xffff || centralOffset === 0xffffffff || centralSize === 0xffffffff) {
    throw packError('PACK_INVALID', 'zip64', null, 'Zip64 archives are not supported (packs are far below 4 GiB).');
  }
  if (centralOffset + centralSize !== base + offset)
    throw bad('the central directory does not end where the end record starts');
  return { offset: base + offset, entryCount, centralOffset, centralSize };
}
