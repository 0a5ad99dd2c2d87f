import type yauzl from 'yauzl';
import { createHash } from 'node:crypto';
import { crc32, createInflateRaw } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { packError } from '../issues';
import { METHOD_DEFLATE } from './canonical';

/**
 * Promise wrappers around yauzl, and the translation of its errors into AppErrors. The zip is opened
 * by source.ts (ZIP_OPTIONS there): `lazyEntries` so we pull one header at a time;
 * `validateEntrySizes` so stored entries must have equal sizes (our own inflater below enforces the
 * declared size of deflated ones); `decodeStrings: false` so we get the raw name bytes and decide
 * ourselves (yauzl would silently decode non-UTF-8 names as CP437 and honour the 0x7075 extra
 * field, which lets a name in the header differ from the name used).
 */
export type ZipEntry = yauzl.Entry & { fileNameRaw: Buffer };

export function zipError(e: unknown, entry: string | null): AppError {
  if (e instanceof AppError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  if (/encrypt/i.test(msg))
    return packError('PACK_UNSAFE', 'encrypted', entry, 'Encrypted zip entries are not allowed.');
  if (/compression method/.test(msg)) return packError('PACK_INVALID', 'unsupported-compression', entry, msg);
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return packError('PACK_INVALID', 'corrupt-data', entry, `The compressed data is corrupt (${msg}).`);
  }
  if (/bytes in the stream|size mismatch/.test(msg)) {
    return packError('PACK_INVALID', 'size-mismatch', entry, `The data does not have its declared size (${msg}).`);
  }
  return packError('PACK_INVALID', 'zip-structure', entry, `The zip structure is broken: ${msg}.`);
}

/** The next central-directory entry, or null after the last. */
export function nextEntry(zip: yauzl.ZipFile): Promise<ZipEntry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (e: ZipEntry) => (done(), resolve(e));
    const onEnd = () => (done(), resolve(null));
    const onError = (err: unknown) => (done(), reject(zipError(err, null)));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

export interface EntryData {
  data: Buffer;
  /** Hex SHA-256 of `data`, computed while it streamed in. */
  sha256: string;
}

// yauzl 3's option (missing from @types/yauzl): hand us the raw stored bytes, we inflate them.
type RawStreamOptions = { decodeFileData: false } & Partial<yauzl.ZipFileOptions>;

/**
 * The entry's uncompressed bytes, streamed from yauzl's raw data stream through our own inflater
 * into one buffer of the declared size (no growing concat, no chunk list to collect). The byte
 * count can never pass the declared size, the CRC-32 must match the header, and the SHA-256 is
 * computed on the way, while zlib works on the thread pool.
 *
 * The inflater's output buffer is made one byte larger than the declared size, so zlib writes the
 * whole entry into that single buffer and every 'data' chunk is a view of it: the entry is used in
 * place, never copied (the copy and the page faults of a second buffer were ~10% of verifying).
 * Declared sizes are within maxEntryBytes (checked on the headers before this runs), and a stream
 * that outgrows its declared size fails on the chunk that does so. Should zlib ever hand over a
 * chunk outside that buffer, the bytes are copied into one of the declared size instead.
 */
export function readEntryData(zip: yauzl.ZipFile, entry: ZipEntry, name: string): Promise<EntryData> {
  return new Promise((resolve, reject) => {
    const options: RawStreamOptions = { decodeFileData: false };
    zip.openReadStream(entry, options as yauzl.ZipFileOptions, (err, raw) => {
      if (err) return reject(zipError(err, name));
      const size = entry.uncompressedSize;
      const hash = createHash('sha256');
      const inflater =
        entry.compressionMethod === METHOD_DEFLATE ? createInflateRaw({ chunkSize: Math.max(64, size + 1) }) : null;
      const stream = inflater ?? raw;
      /** The first chunk while every chunk so far continues it in the same memory; else null. */
      let inPlace: Buffer | null = null;
      let out: Buffer | null = inflater ? null : Buffer.allocUnsafe(size);
      let filled = 0;
      let crc = 0;
      let failed = false;
      const fail = (e: AppError) => {
        if (failed) return;
        failed = true;
        raw.destroy();
        inflater?.destroy();
        reject(e);
      };
      raw.on('error', (e) => fail(zipError(e, name)));
      inflater?.on('error', (e) => fail(zipError(e, name)));
      stream.on('data', (c: Buffer) => {
        if (failed) return;
        if (filled + c.length > size) return fail(zipError(new Error('too many bytes in the stream'), name));
        if (out === null) {
          if (filled === 0) inPlace = c;
          else if (c.buffer !== inPlace!.buffer || c.byteOffset !== inPlace!.byteOffset + filled) {
            out = Buffer.allocUnsafe(size);
            // The earlier chunks are consecutive views of this prefix of the first chunk's memory.
            Buffer.from(inPlace!.buffer, inPlace!.byteOffset, filled).copy(out, 0);
            inPlace = null;
          }
        }
        if (out !== null) c.copy(out, filled);
        filled += c.length;
        crc = crc32(c, crc);
        hash.update(c);
      });
      stream.on('end', () => {
        if (failed) return;
        if (filled !== size) return fail(zipError(new Error('not enough bytes in the stream'), name));
        // zlib stops at the final block and ignores what follows: refuse data smuggled there.
        if (inflater && inflater.bytesWritten !== entry.compressedSize) {
          return fail(
            packError('PACK_INVALID', 'trailing-data', name, 'The compressed data has extra bytes after its end.'),
          );
        }
        if (crc >>> 0 !== entry.crc32 >>> 0) {
          return fail(
            packError(
              'PACK_INVALID',
              'crc-mismatch',
              name,
              'The data does not match its CRC-32 (the file is damaged).',
            ),
          );
        }
        const data = out ?? (inPlace ? Buffer.from(inPlace.buffer, inPlace.byteOffset, size) : Buffer.alloc(0));
        resolve({ data, sha256: hash.digest('hex') });
      });
      if (inflater) raw.pipe(inflater);
    });
  });
}
