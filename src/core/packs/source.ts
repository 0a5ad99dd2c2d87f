import yauzl from 'yauzl';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { zipError } from './zip/read';

/**
 * Where a pack's bytes come from: a file on disk (every install: the upload written to disk, or a
 * file the desktop host opened by path) or a buffer (the builder's check, tests). Both are read
 * the same way: positional reads for headers, one sequential pass for the data, so a pack of any
 * size is verified in constant memory.
 */
export interface PackSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset` (fewer only at the end of the source). */
  read(offset: number, length: number): Promise<Buffer>;
  /** yauzl over the same bytes, for the central directory and small entries. */
  openZip(): Promise<yauzl.ZipFile>;
  /** The whole source front to back, in chunks of about `chunk` bytes. */
  chunks(chunk: number): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

const ZIP_OPTIONS = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };

function wrapZip(zip: yauzl.ZipFile): yauzl.ZipFile {
  zip.on('error', () => {}); // errors are delivered to the pending promises; never crash the process
  return zip;
}

export function bufferSource(bytes: Buffer): PackSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    openZip: () =>
      new Promise((resolve, reject) => {
        yauzl.fromBuffer(bytes, ZIP_OPTIONS, (err, zip) => (err ? reject(zipError(err, null)) : resolve(wrapZip(zip))));
      }),
    chunks: async function* (chunk) {
      for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, Math.min(bytes.length, at + chunk));
    },
    close: async () => {},
  };
}

/** The file is opened once; its size is taken then, so a file that grows meanwhile is read as it was. */
export async function fileSource(path: string): Promise<PackSource> {
  const handle: FileHandle = await open(path, 'r');
  const size = (await handle.stat()).size;
  return {
    size,
    read: async (offset, length) => {
      const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await handle.read(buf, got, buf.length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return buf.subarray(0, got);
    },
    openZip: () =>
      new Promise((resolve, reject) => {
        // yauzl keeps its own descriptor (autoClose off so entries can still be read after 'end').
        yauzl.open(path, { ...ZIP_OPTIONS, autoClose: false }, (err, zip) => {
          if (err) return reject(zipError(err, null));
          resolve(wrapZip(zip));
        });
      }),
    chunks: (chunk) => createReadStream(path, { highWaterMark: chunk, start: 0, end: Math.max(0, size - 1) }),
    close: () => handle.close(),
  };
}
