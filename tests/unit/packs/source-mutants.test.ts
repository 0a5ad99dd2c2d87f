import { appendFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { bufferSource, fileSource, type PackSource } from '../../../src/core/packs/source';
import { writeZip } from '../../../src/core/packs/zip/write';
import { tempDir } from '../support/temp';

/*
 * A pack read from memory and from disk must read the same bytes: the verifier trusts `read` for
 * headers and `chunks` for the hash. Mutation testing (docs/testing.md) found that their edges
 * (reads past the end, the last short chunk, a file that grows while open) had no test.
 */

const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));

async function both(bytes: Buffer): Promise<Array<[string, PackSource]>> {
  const file = join(tempDir('source-'), 'p.studypack');
  writeFileSync(file, bytes);
  return [
    ['buffer', bufferSource(bytes)],
    ['file', await fileSource(file)],
  ];
}

async function all(chunks: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; sizes: number[] }> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return { bytes: Buffer.concat(parts), sizes: parts.map((p) => p.length) };
}

describe('a pack source, from memory and from disk', () => {
  it('reads exactly the bytes asked for, fewer at the end, none past it', async () => {
    for (const [name, src] of await both(BYTES)) {
      expect([name, src.size]).toEqual([name, 1000]);
      expect([name, await src.read(10, 5)]).toEqual([name, BYTES.subarray(10, 15)]);
      expect([name, await src.read(0, 1000)]).toEqual([name, BYTES]);
      expect([name, await src.read(990, 64)]).toEqual([name, BYTES.subarray(990)]);
      expect([name, (await src.read(1000, 8)).length]).toEqual([name, 0]);
      expect([name, (await src.read(2000, 8)).length]).toEqual([name, 0]);
      await src.close();
    }
  });

  it('gives the whole source in chunks of the size asked for, the last one short', async () => {
    for (const [name, src] of await both(BYTES)) {
      const { bytes, sizes } = await all(src.chunks(300));
      expect([name, bytes.equals(BYTES), sizes]).toEqual([name, true, [300, 300, 300, 100]]);
      // A size that divides the source ends on a full chunk, with no empty one after it.
      expect([name, (await all(src.chunks(250))).sizes]).toEqual([name, [250, 250, 250, 250]]);
      await src.close();
    }
  });

  it('an empty source has no chunks and no bytes', async () => {
    for (const [name, src] of await both(Buffer.alloc(0))) {
      const { sizes } = await all(src.chunks(64));
      expect([name, src.size, sizes, (await src.read(0, 4)).length]).toEqual([name, 0, [], 0]);
      await src.close();
    }
  });

  it('a file that grows after it was opened is read as it was', async () => {
    const file = join(tempDir('source-'), 'p.studypack');
    writeFileSync(file, BYTES);
    const src = await fileSource(file);
    appendFileSync(file, Buffer.alloc(500, 1));
    expect(src.size).toBe(1000);
    expect((await src.read(900, 600)).length).toBe(100);
    const { bytes } = await all(src.chunks(256));
    expect(bytes.equals(BYTES)).toBe(true);
    await src.close();
  });

  it('a file cut short after it was opened gives what is left, and does not wait for the rest', async () => {
    const file = join(tempDir('source-'), 'p.studypack');
    writeFileSync(file, BYTES);
    const src = await fileSource(file);
    truncateSync(file, 600);
    expect(await src.read(500, 200)).toEqual(BYTES.subarray(500, 600));
    expect((await src.read(700, 10)).length).toBe(0);
    await src.close();
  });

  it('a file source reads nothing once closed', async () => {
    const file = join(tempDir('source-'), 'p.studypack');
    writeFileSync(file, BYTES);
    const src = await fileSource(file);
    await src.close();
    await expect(src.read(0, 4)).rejects.toThrow();
  });

  it('a zip opened from a file can still be read after its directory was listed to the end', async () => {
    const file = join(tempDir('source-'), 'p.studypack');
    writeFileSync(file, await writeZip([{ path: 'a.txt', bytes: Buffer.from('hello') }]));
    const src = await fileSource(file);
    const zip = await src.openZip();
    const entry = await new Promise<yauzl.Entry>((resolve) => {
      zip.once('entry', resolve);
      zip.readEntry();
    });
    await new Promise<void>((resolve) => {
      zip.once('end', () => resolve());
      zip.readEntry();
    });
    const data = await new Promise<Buffer>((resolve, reject) =>
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        stream.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts)));
      }),
    );
    expect(data.toString()).toBe('hello');
    zip.close();
    await src.close();
  });

  it('opens the zip it holds, and refuses bytes that are not a zip with a pack error', async () => {
    const zip = await writeZip([{ path: 'a.txt', bytes: Buffer.from('hello') }]);
    for (const [name, src] of await both(zip)) {
      const z = await src.openZip();
      expect([name, z.entryCount]).toEqual([name, 1]);
      z.close();
      await src.close();
    }
    for (const [name, src] of await both(BYTES)) {
      await expect(src.openZip(), name).rejects.toMatchObject({
        code: 'PACK_INVALID',
        detail: { reason: 'pack.zip-structure' },
      });
      await src.close();
    }
  });
});
