import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { packError } from '../issues';
import { LOCAL_HEADER_SIZE } from './canonical';
import type { ListedEntry } from './layout';

/** Where a verified media entry's bytes go while they stream past (a staging file), or nowhere. */
export interface EntrySink {
  write(chunk: Buffer): Promise<void>;
  /** All bytes written and the hash matched. */
  finish(): Promise<void>;
  /** The entry was refused or the pass stopped before `finish`: close, keep nothing. */
  discard(): Promise<void>;
}

export interface PassOptions {
  /** Entries whose bytes are checked here (media): name -> the signed SHA-256. */
  streamed: ReadonlyMap<string, string>;
  /** A destination for a streamed entry, opened when its data starts. */
  sink?: (name: string, sha256: string, size: number) => Promise<EntrySink>;
  /** Called after every chunk with the bytes read so far. */
  onBytes?: (done: number) => void;
  /** Checked between chunks; the pass throws its reason. */
  signal?: AbortSignal;
  /** First bytes of each streamed entry are kept for the content-type check. */
  headBytes?: number;
}

export interface PassResult {
  /** Hex SHA-256 of the whole file. */
  sha256: string;
  /** name -> the entry's first `headBytes` bytes. */
  heads: Map<string, Buffer>;
}

const CHUNK = 1024 * 1024;

interface Current {
  listed: ListedEntry;
  expected: string;
  hash: ReturnType<typeof createHash>;
  crc: number;
  sink: EntrySink | null;
  head: Buffer[];
  headLength: number;
}

/**
 * One sequential read of the whole file, in constant memory: the file's own SHA-256, and for each
 * streamed (stored) entry its SHA-256 and CRC-32, with its bytes handed to a sink. The headers were
 * checked before this runs (canonical layout: entries back to back from offset 0, no extra
 * fields), so each entry's data span is known exactly; the first byte that differs from the signed
 * hash list refuses the pack at the end of that entry, before any later entry is written.
 */
export async function streamPass(
  chunks: AsyncIterable<Buffer>,
  entries: readonly ListedEntry[],
  opts: PassOptions,
): Promise<PassResult> {
  const fileHash = createHash('sha256');
  const heads = new Map<string, Buffer>();
  const headBytes = opts.headBytes ?? 64;
  let index = 0;
  let inData = false;
  let remaining = entries[0] ? LOCAL_HEADER_SIZE + entries[0].entry.fileNameRaw.length : Infinity;
  let current: Current | null = null;
  let done = 0;
  /** The sink opened and not yet finished: closed if the pass ends early (refusal, abort, cut). */
  let open = null as EntrySink | null;

  const finishEntry = async () => {
    const c = current;
    current = null;
    if (!c) return;
    const name = c.listed.name;
    if (c.crc >>> 0 !== c.listed.entry.crc32 >>> 0) {
      throw packError(
        'PACK_INVALID',
        'crc-mismatch',
        name,
        'The data does not match its CRC-32 (the file is damaged).',
      );
    }
    if (c.hash.digest('hex') !== c.expected) {
      throw packError('PACK_SIGNATURE', 'hash-mismatch', name, 'The file does not match its signed SHA-256 hash.');
    }
    heads.set(name, Buffer.concat(c.head));
    await c.sink?.finish();
    open = null;
  };
  /** Moves past every span that has ended (empty data spans included). */
  const advance = async () => {
    while (remaining === 0) {
      const e: ListedEntry | undefined = entries[index];
      if (!e) return;
      if (!inData) {
        inData = true;
        remaining = e.entry.compressedSize;
        const expected = opts.streamed.get(e.name);
        if (expected !== undefined && opts.sink) open = await opts.sink(e.name, expected, e.entry.uncompressedSize);
        current =
          expected === undefined
            ? null
            : { listed: e, expected, hash: createHash('sha256'), crc: 0, sink: open, head: [], headLength: 0 };
      } else {
        await finishEntry();
        inData = false;
        index++;
        const next = entries[index];
        remaining = next ? LOCAL_HEADER_SIZE + next.entry.fileNameRaw.length : Infinity;
      }
    }
  };

  try {
    await advance();
    for await (const chunk of chunks) {
      opts.signal?.throwIfAborted();
      fileHash.update(chunk);
      let off = 0;
      while (off < chunk.length && remaining !== Infinity) {
        const take = Math.min(remaining, chunk.length - off);
        const c = current as Current | null;
        if (inData && c) {
          const piece = chunk.subarray(off, off + take);
          c.hash.update(piece);
          c.crc = crc32(piece, c.crc);
          if (c.headLength < headBytes) {
            const part = piece.subarray(0, headBytes - c.headLength);
            c.head.push(Buffer.from(part));
            c.headLength += part.length;
          }
          if (c.sink) await c.sink.write(piece);
        }
        off += take;
        remaining -= take;
        await advance();
      }
      done += chunk.length;
      opts.onBytes?.(done);
    }
    if (index < entries.length) {
      throw packError('PACK_INVALID', 'truncated', entries[index]?.name ?? null, 'The file ends inside this entry.');
    }
  } catch (e) {
    // The refusal (or abort) is what the caller needs; a failure to close the sink must not hide it.
    await open?.discard().catch(() => {});
    throw e;
  }
  return { sha256: fileHash.digest('hex'), heads };
}

export const PASS_CHUNK = CHUNK;
