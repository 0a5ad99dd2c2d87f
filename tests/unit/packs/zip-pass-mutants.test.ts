import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../../src/core/packs/source';
import { AppError } from '../../../src/shared/errors';
import type { ListedEntry } from '../../../src/core/packs/zip/layout';
import { streamPass, type EntrySink, type PassOptions } from '../../../src/core/packs/zip/pass';
import { nextEntry } from '../../../src/core/packs/zip/read';
import { rawZip, type RawEntry } from './helpers/rawZip';

/**
 * The one pass over the file (zip/pass.ts) on real zips, cut into chunks of every awkward size:
 * each streamed entry's bytes reach its sink exactly once and in order, its head is kept, its hash
 * and CRC are checked at its end, and the file's own hash covers every byte.
 */

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const media = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));

const A = media(100, 1);
const B = media(0, 2);
const C = media(300, 3);
const ENTRIES: RawEntry[] = [
  { name: 'a.mp3', method: 0, data: A },
  { name: 'b.mp3', method: 0, data: B },
  { name: 'm.md', data: Buffer.from('# text in between, not streamed') },
  { name: 'z.mp3', method: 0, data: C },
];

async function listed(bytes: Buffer): Promise<ListedEntry[]> {
  const zip = await bufferSource(bytes).openZip();
  const out: ListedEntry[] = [];
  for (let e = await nextEntry(zip); e; e = await nextEntry(zip))
    out.push({ name: e.fileNameRaw.toString(), entry: e });
  zip.close();
  return out;
}

async function* chunked(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const signed = new Map([
  ['a.mp3', sha(A)],
  ['b.mp3', sha(B)],
  ['z.mp3', sha(C)],
]);

/** A sink per entry that records what it was given and when it was finished. */
function recorder() {
  const log: string[] = [];
  const data = new Map<string, Buffer[]>();
  const sink: NonNullable<PassOptions['sink']> = async (name, sha256, size) => {
    log.push(`open ${name} ${sha256 === signed.get(name) ? 'signed' : sha256} ${size}`);
    data.set(name, []);
    const s: EntrySink = {
      write: async (chunk) => void data.get(name)!.push(Buffer.from(chunk)),
      finish: async () => void log.push(`finish ${name}`),
      discard: async () => void log.push(`discard ${name}`),
    };
    return s;
  };
  return { log, data, sink };
}

async function refusal(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return { code: e.code, rule: e.detail?.rule, entry: e.detail?.entry };
    },
  );
}

describe('streamPass', () => {
  it.each([1, 3, 29, 30, 31, 64, 100, 131, 4096])(
    'in chunks of %i bytes: sinks, heads and the file hash',
    async (size) => {
      const bytes = rawZip(ENTRIES);
      const entries = await listed(bytes);
      const r = recorder();
      const done: number[] = [];
      const result = await streamPass(chunked(bytes, size), entries, {
        streamed: signed,
        sink: r.sink,
        onBytes: (n) => done.push(n),
      });
      expect(result.sha256).toBe(sha(bytes));
      expect(r.log).toEqual([
        'open a.mp3 signed 100',
        'finish a.mp3',
        'open b.mp3 signed 0',
        'finish b.mp3',
        'open z.mp3 signed 300',
        'finish z.mp3',
      ]);
      expect(Buffer.concat(r.data.get('a.mp3')!)).toEqual(A);
      expect(r.data.get('b.mp3')).toEqual([]);
      expect(Buffer.concat(r.data.get('z.mp3')!)).toEqual(C);
      expect([...result.heads.keys()]).toEqual(['a.mp3', 'b.mp3', 'z.mp3']);
      expect(result.heads.get('a.mp3')).toEqual(A.subarray(0, 64));
      expect(result.heads.get('b.mp3')).toEqual(Buffer.alloc(0));
      expect(result.heads.get('z.mp3')).toEqual(C.subarray(0, 64));
      const chunks = Math.ceil(bytes.length / size);
      expect(done).toEqual(Array.from({ length: chunks }, (_, i) => Math.min(bytes.length, (i + 1) * size)));
    },
  );

  it('keeps as many head bytes as asked, also across chunks, and the whole entry when it is shorter', async () => {
    const bytes = rawZip(ENTRIES);
    const entries = await listed(bytes);
    for (const size of [1, 7, 1000]) {
      const { heads } = await streamPass(chunked(bytes, size), entries, { streamed: signed, headBytes: 150 });
      expect(heads.get('a.mp3')).toEqual(A);
      expect(heads.get('z.mp3')).toEqual(C.subarray(0, 150));
      const small = await streamPass(chunked(bytes, size), entries, { streamed: signed, headBytes: 10 });
      expect(small.heads.get('z.mp3')).toEqual(C.subarray(0, 10));
    }
  });

  it('streams nothing and keeps no head for entries that are not listed to be streamed', async () => {
    const bytes = rawZip(ENTRIES);
    const r = recorder();
    const only = new Map([['z.mp3', sha(C)]]);
    const result = await streamPass(chunked(bytes, 50), await listed(bytes), { streamed: only, sink: r.sink });
    expect([...result.heads.keys()]).toEqual(['z.mp3']);
    expect(r.log).toEqual(['open z.mp3 signed 300', 'finish z.mp3']);
  });

  it('refuses a changed byte at the end of its entry, before the next entry is opened', async () => {
    const bytes = rawZip(ENTRIES);
    const entries = await listed(bytes);
    const changed = Buffer.from(bytes);
    changed[30 + 'a.mp3'.length + 50]! ^= 1; // in a.mp3's data
    const r = recorder();
    expect(await refusal(streamPass(chunked(changed, 16), entries, { streamed: signed, sink: r.sink }))).toEqual({
      code: 'PACK_INVALID',
      rule: 'crc-mismatch',
      entry: 'a.mp3',
    });
    // The refused entry's sink is discarded, never finished, and no later one is opened.
    expect(r.log).toEqual(['open a.mp3 signed 100', 'discard a.mp3']);
  });

  it('refuses a CRC-32 in the headers that does not match, even when the data matches its signed hash', async () => {
    const bytes = rawZip(ENTRIES.map((e) => (e.name === 'z.mp3' ? { ...e, crc: 1 } : e)));
    expect(await refusal(streamPass(chunked(bytes, 64), await listed(bytes), { streamed: signed }))).toEqual({
      code: 'PACK_INVALID',
      rule: 'crc-mismatch',
      entry: 'z.mp3',
    });
  });

  it('refuses data that matches its CRC but not its signed hash', async () => {
    const bytes = rawZip(ENTRIES);
    const wrong = new Map(signed).set('z.mp3', sha(A));
    const r = recorder();
    expect(
      await refusal(streamPass(chunked(bytes, 64), await listed(bytes), { streamed: wrong, sink: r.sink })),
    ).toEqual({ code: 'PACK_SIGNATURE', rule: 'hash-mismatch', entry: 'z.mp3' });
    expect(r.log.slice(-2)).toEqual([`open z.mp3 ${sha(A)} 300`, 'discard z.mp3']);
    expect(r.log.filter((l) => l.startsWith('finish'))).toEqual(['finish a.mp3', 'finish b.mp3']);
  });

  it('refuses a file that ends inside an entry, naming it; also inside its header', async () => {
    const bytes = rawZip(ENTRIES);
    const entries = await listed(bytes);
    const zStart = entries[3]!.entry.relativeOffsetOfLocalHeader;
    for (const [cut, entry] of [
      [zStart + 30 + 5 + 10, 'z.mp3'],
      [zStart + 3, 'z.mp3'],
      [zStart, 'z.mp3'],
      [40, 'a.mp3'],
      [0, 'a.mp3'],
    ] as const) {
      expect(await refusal(streamPass(chunked(bytes.subarray(0, cut), 8), entries, { streamed: signed }))).toEqual({
        code: 'PACK_INVALID',
        rule: 'truncated',
        entry,
      });
    }
  });

  it('accepts a file that ends right after the last entry’s data, and a zip without entries', async () => {
    const bytes = rawZip(ENTRIES);
    const entries = await listed(bytes);
    const end = entries[3]!.entry.relativeOffsetOfLocalHeader + 30 + 5 + C.length;
    const r = await streamPass(chunked(bytes.subarray(0, end), 8), entries, { streamed: signed });
    expect(r.heads.get('z.mp3')).toEqual(C.subarray(0, 64));
    const none = Buffer.from('no entries at all');
    expect(await streamPass(chunked(none, 4), [], { streamed: new Map() })).toEqual({
      sha256: sha(none),
      heads: new Map(),
    });
  });

  it('stops with the abort reason between chunks', async () => {
    const bytes = rawZip(ENTRIES);
    const entries = await listed(bytes);
    const controller = new AbortController();
    let seen = 0;
    const reason = new Error('stopped by the test');
    const r = recorder();
    const p = streamPass(chunked(bytes, 10), entries, {
      streamed: signed,
      sink: r.sink,
      signal: controller.signal,
      onBytes: (n) => {
        seen = n;
        if (n >= 50) controller.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    expect(seen).toBe(50);
    expect(r.log).toEqual(['open a.mp3 signed 100', 'discard a.mp3']);
  });

  it('discards the open sink when the file ends inside its entry, and keeps the refusal when discarding fails', async () => {
    const bytes = rawZip(ENTRIES);
    const entries = await listed(bytes);
    const r = recorder();
    const cut = bytes.subarray(0, 30 + 5 + 40);
    expect(await refusal(streamPass(chunked(cut, 8), entries, { streamed: signed, sink: r.sink }))).toMatchObject({
      rule: 'truncated',
    });
    expect(r.log).toEqual(['open a.mp3 signed 100', 'discard a.mp3']);
    const failing: NonNullable<PassOptions['sink']> = async () => ({
      write: async () => {},
      finish: async () => {},
      discard: async () => {
        throw new Error('disk gone');
      },
    });
    expect(await refusal(streamPass(chunked(cut, 8), entries, { streamed: signed, sink: failing }))).toMatchObject({
      rule: 'truncated',
    });
  });
});
