import yauzl from 'yauzl';
import { crc32 } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { packError } from '../issues';

/**
 * Promise wrappers around yauzl, and the translation of its errors into AppErrors. Options:
 * `lazyEntries` so we pull one header at a time; `validateEntrySizes` so an entry can never
 * inflate past its declared size; `decodeStrings: false` so we get the raw name bytes and decide
 * ourselves (yauzl would silently decode non-UTF-8 names as CP437 and honour the 0x7075 extra
 * field, which lets a name in the header differ from the name used); `strictFileNames` for
 * completeness (it only applies to decoded names).
 */
export type ZipEntry = yauzl.Entry & { fileNameRaw: Buffer };

export function zipError(e: unknown, entry: string | null): AppError {
  if (e instanceof AppError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  if (/encrypt/i.test(msg)) return packError('PACK_UNSAFE', 'encrypted', entry, 'Encrypted zip entries are not allowed.');
  if (/compression method/.test(msg)) return packError('PACK_INVALID', 'unsupported-compression', entry, msg);
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return packError('PACK_INVALID', 'corrupt-data', entry, `The compressed data is corrupt (${msg}).`);
  }
  if (/bytes in the stream|size mismatch/.test(msg)) {
    return packError('PACK_INVALID', 'size-mismatch', entry, `The data does not have its declared size (${msg}).`);
  }
  return packError('PACK_INVALID', 'zip-structure', entry, `The zip structure is broken: ${msg}.`);
}

export function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, options, (err, zip) => {
      if (err) return reject(zipError(err, null));
      zip.on('error', () => {}); // errors are delivered to the pending promise below; never crash the process
      resolve(zip);
    });
  });
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

/**
 * The entry's uncompressed bytes. Chunks are gathered and joined once (no quadratic concat); the
 * count is capped at the declared size and the CRC-32 is checked, so a header cannot disagree
 * with its data even before the SHA-256 check.
 */
export function readEntryData(zip: yauzl.ZipFile, entry: ZipEntry, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(zipError(err, name));
      const chunks: Buffer[] = [];
      let size = 0;
      let crc = 0;
      let failed = false;
      const fail = (e: AppError) => {
        if (failed) return;
        failed = true;
        stream.destroy();
        reject(e);
      };
      stream.on('error', (e) => fail(zipError(e, name)));
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > entry.uncompressedSize) return fail(zipError(new Error('too many bytes in the stream'), name));
        crc = crc32(c, crc);
        chunks.push(c);
      });
      stream.on('end', () => {
        if (failed) return;
        if (size !== entry.uncompressedSize) return fail(zipError(new Error('not enough bytes in the stream'), name));
        if (crc >>> 0 !== entry.crc32 >>> 0) {
          return fail(packError('PACK_INVALID', 'crc-mismatch', name, 'The data does not match its CRC-32 (the file is damaged).'));
        }
        resolve(Buffer.concat(chunks, size));
      });
    });
  });
}
