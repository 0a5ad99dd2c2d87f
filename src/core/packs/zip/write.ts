import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { compareNames } from '../paths';
import {
  CENTRAL_HEADER_SIZE,
  DOS_DATE,
  DOS_TIME,
  END_RECORD_SIZE,
  EXTERNAL_ATTRIBUTES,
  FLAGS,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORE,
  SIG_CENTRAL,
  SIG_END,
  SIG_LOCAL,
  VERSION_MADE_BY,
  VERSION_NEEDED,
} from './canonical';

/** A text entry (deflated) from memory, or a media entry (stored: it is compressed already) from disk. */
export type ZipInput = { path: string; bytes: Buffer } | { path: string; file: string; size: number; crc32: number };

/** yazl's level, so text packs come out byte for byte as they did when yazl wrote them. */
const LEVEL = 6;

interface Planned {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  compressedSize: number;
  data: Buffer | { file: string };
  offset: number;
}

/**
 * The one layout of canonical.ts, written directly: entries sorted by UTF-8 name, fixed time and
 * mode, sizes and CRC in every local header (no data descriptor, which yazl would use for a file
 * streamed from disk), no extra fields, no comment. Text is deflated, media stored. With the same
 * inputs the output is the same bytes, so a publisher can rebuild a pack and compare hashes.
 */
function plan(files: readonly ZipInput[]): { entries: Planned[]; centralOffset: number } {
  let offset = 0;
  const entries = [...files]
    .sort((a, b) => compareNames(a.path, b.path))
    .map((f): Planned => {
      const name = Buffer.from(f.path, 'utf8');
      const p: Planned =
        'bytes' in f
          ? (() => {
              const deflated = deflateRawSync(f.bytes, { level: LEVEL });
              return {
                name,
                method: METHOD_DEFLATE,
                crc: crc32(f.bytes) >>> 0,
                size: f.bytes.length,
                compressedSize: deflated.length,
                data: deflated,
                offset,
              };
            })()
          : {
              name,
              method: METHOD_STORE,
              crc: f.crc32 >>> 0,
              size: f.size,
              compressedSize: f.size,
              data: { file: f.file },
              offset,
            };
      offset += LOCAL_HEADER_SIZE + name.length + p.compressedSize;
      return p;
    });
  return { entries, centralOffset: offset };
}

function localHeader(e: Planned): Buffer {
  const h = Buffer.alloc(LOCAL_HEADER_SIZE);
  h.writeUInt32LE(SIG_LOCAL, 0);
  h.writeUInt16LE(VERSION_NEEDED, 4);
  h.writeUInt16LE(FLAGS, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, e.name]);
}

function centralRecord(e: Planned): Buffer {
  const c = Buffer.alloc(CENTRAL_HEADER_SIZE);
  c.writeUInt32LE(SIG_CENTRAL, 0);
  c.writeUInt16LE(VERSION_MADE_BY, 4);
  c.writeUInt16LE(VERSION_NEEDED, 6);
  c.writeUInt16LE(FLAGS, 8);
  c.writeUInt16LE(e.method, 10);
  c.writeUInt16LE(DOS_TIME, 12);
  c.writeUInt16LE(DOS_DATE, 14);
  c.writeUInt32LE(e.crc, 16);
  c.writeUInt32LE(e.compressedSize, 20);
  c.writeUInt32LE(e.size, 24);
  c.writeUInt16LE(e.name.length, 28);
  c.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  c.writeUInt32LE(e.offset, 42);
  return Buffer.concat([c, e.name]);
}

async function* zipChunks(files: readonly ZipInput[]): AsyncGenerator<Buffer> {
  const { entries, centralOffset } = plan(files);
  for (const e of entries) {
    yield localHeader(e);
    if (Buffer.isBuffer(e.data)) {
      yield e.data;
      continue;
    }
    let written = 0;
    for await (const chunk of createReadStream(e.data.file, { highWaterMark: 1024 * 1024 })) {
      written += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    // The headers promised this size: a file that changed while being packed would break the zip.
    if (written !== e.size) throw new Error(`${e.data.file} changed while it was being packed`);
  }
  const central = Buffer.concat(entries.map(centralRecord));
  yield central;
  const end = Buffer.alloc(END_RECORD_SIZE);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  yield end;
}

export async function writeZip(files: readonly ZipInput[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of zipChunks(files)) chunks.push(c);
  return Buffer.concat(chunks);
}

/** The same bytes streamed to a file (a pack of recordings does not fit in memory). */
export async function writeZipFile(files: readonly ZipInput[], output: string): Promise<void> {
  await pipeline(Readable.from(zipChunks(files)), createWriteStream(output));
}
