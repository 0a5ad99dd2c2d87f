import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip, writeZipFile, type ZipInput } from '../../../src/core/packs/zip/write';
import { tempDir } from './helpers/pack';
import { rawZip } from './helpers/rawZip';

/**
 * The pack writer (zip/write.ts) against an independent one: rawZip, the test helper, writes the
 * same canonical layout field by field, so the two must agree byte for byte. The layout checker
 * shares its constants with the writer (canonical.ts); this comparison is what notices a constant
 * changed in both.
 */

const text = (path: string, s: string): ZipInput => ({ path, bytes: Buffer.from(s) });

function mediaFile(dir: string, name: string, bytes: Buffer): ZipInput {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return { path: `media/${name}`, file, size: bytes.length, crc32: crc32(bytes) };
}

describe('writeZip', () => {
  it('writes text deflated and media stored, sorted by UTF-8 bytes, exactly as the reference writer', async () => {
    const dir = tempDir();
    const big = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) & 0xff));
    const inputs: ZipInput[] = [
      text('é.md', 'accent'),
      mediaFile(dir, 'z.mp3', big),
      text('b.md', 'Lorem ipsum '.repeat(100)),
      text('B.md', ''),
      mediaFile(dir, 'e.mp3', Buffer.alloc(0)),
      text('a/b.md', 'nested'),
    ];
    const reference = rawZip([
      { name: 'B.md', data: Buffer.alloc(0) },
      { name: 'a/b.md', data: Buffer.from('nested') },
      { name: 'b.md', data: Buffer.from('Lorem ipsum '.repeat(100)) },
      { name: 'media/e.mp3', method: 0, data: Buffer.alloc(0) },
      { name: 'media/z.mp3', method: 0, data: big },
      { name: 'é.md', data: Buffer.from('accent') },
    ]);
    const bytes = await writeZip(inputs);
    expect(bytes.toString('hex')).toBe(reference.toString('hex'));

    const out = join(dir, 'out.zip');
    await writeZipFile(inputs, out);
    expect(readFileSync(out).equals(bytes)).toBe(true);
  });

  it('writes the CRC-32 it is given for a media file (it was computed when the file was read)', async () => {
    const dir = tempDir();
    const m = { ...mediaFile(dir, 'a.mp3', Buffer.from('abc')), crc32: 0xfedcba98 };
    const reference = rawZip([{ name: 'media/a.mp3', method: 0, data: Buffer.from('abc'), crc: 0xfedcba98 }]);
    expect((await writeZip([m])).equals(reference)).toBe(true);
  });

  it('writes an empty zip as its end record alone', async () => {
    expect((await writeZip([])).equals(rawZip([]))).toBe(true);
  });

  it.each([
    ['grew', Buffer.from('abcd')],
    ['shrank', Buffer.from('ab')],
  ])('refuses a media file that %s after it was measured', async (_what, now) => {
    const dir = tempDir();
    const m = mediaFile(dir, 'a.mp3', Buffer.from('abc'));
    writeFileSync((m as { file: string }).file, now);
    await expect(writeZip([m])).rejects.toThrow(/changed while it was being packed/);
    await expect(writeZipFile([m], join(dir, 'out.zip'))).rejects.toThrow(/changed while it was being packed/);
  });
});
