import { copyFileSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../src/core/core';
import { buildPackToFile, validatePackFolder } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { formatHashList, formatSignatureFile, sha256Hex, signSums } from '../../../src/core/packs/sums';
import { writeZip } from '../../../src/core/packs/zip/write';
import { AppError } from '../../../src/shared/errors';
import { makeMediaPackFolder, makePdf, makeVideo } from '../../fixtures/media/make';
import { tempDir } from '../support/temp';

const keys = generateKeyPair();
let good: Buffer;

beforeAll(async () => {
  const folder = makeMediaPackFolder(join(tempDir('bad-src-'), 'p'), { durations: true });
  const out = join(tempDir('bad-out-'), 'good.studypack');
  await buildPackToFile(folder, keys.privateKeyPem, out);
  good = readFileSync(out);
}, 120_000);

async function core(freeBytes?: number) {
  const dataDir = tempDir('bad-data-');
  const c = await Core.open({
    dataDir,
    appName: 'Study Companion',
    appVersion: 'test',
    ...(freeBytes === undefined ? {} : { freeSpace: async () => freeBytes }),
  });
  return { c, dataDir };
}

/**
 * Staging and media files of `dataDir` this process still holds open (Linux: /proc/self/fd; the
 * database stays open, of course). A refused import must
 * close what it opened: a handle left to the garbage collector keeps a staging file open, and on
 * Windows an open file cannot be deleted.
 */
function openImportFiles(dataDir: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // closed between the listing and the read (the listing's own descriptor)
      }
    })
    .filter((target) => ['staging', 'media'].some((sub) => target.startsWith(join(dataDir, sub, '/'))));
}

/** Imports `bytes` from a file and returns the refusal; asserts that nothing was left behind. */
async function refuse(bytes: Buffer, freeBytes?: number): Promise<AppError> {
  const { c, dataDir } = await core(freeBytes);
  const file = join(tempDir('bad-file-'), 'p.studypack');
  writeFileSync(file, bytes);
  try {
    const e = await c.library.importFile(file, 'p.studypack', { trustPublisher: true, allowDowngrade: false }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    expect(openImportFiles(dataDir)).toEqual([]);
    expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'media'))).toEqual([]);
    expect(c.library.list().packs).toEqual([]);
    expect(c.library.importProgress(file).phase).not.toBe('done');
    return e as AppError;
  } finally {
    c.close();
  }
}

/** Where an entry's data lies in the zip, from its local header (the canonical layout has no extras). */
function dataSpan(zip: Buffer, name: string) {
  const at = zip.indexOf(Buffer.concat([Buffer.from(name)]));
  const header = at - 30;
  const size = zip.readUInt32LE(header + 18);
  return { header, start: at + name.length, end: at + name.length + size };
}

function centralOf(zip: Buffer, name: string): number {
  const at = zip.lastIndexOf(Buffer.from(name));
  return at - 46;
}

describe('bad media input changes nothing', () => {
  it('refuses a media entry whose last byte does not match its signed hash (CRC fixed up)', async () => {
    const bytes = Buffer.from(good);
    const { header, start, end } = dataSpan(bytes, 'media/s1.mp4');
    bytes[end - 1]! ^= 0x01;
    // Keep the CRC-32 consistent, so only the signed SHA-256 can notice.
    const crc = crc32(bytes.subarray(start, end)) >>> 0;
    bytes.writeUInt32LE(crc, header + 14);
    bytes.writeUInt32LE(crc, centralOf(bytes, 'media/s1.mp4') + 16);
    const e = await refuse(bytes);
    expect(e.code).toBe('PACK_SIGNATURE');
    expect(e.detail).toMatchObject({ entry: 'media/s1.mp4', rule: 'hash-mismatch' });
  });

  it('refuses the pack truncated at every tenth of its length', async () => {
    for (let tenth = 1; tenth <= 9; tenth++) {
      const e = await refuse(good.subarray(0, Math.floor((good.length * tenth) / 10)));
      expect(e.code, `cut at ${tenth}/10`).toBe('PACK_INVALID');
      expect(e.detail?.rule, `cut at ${tenth}/10`).toBe('truncated');
    }
  });

  it('refuses a pack larger than the free space, naming both numbers (a fake free-space probe)', async () => {
    const e = await refuse(good, 10_000_000);
    expect(e.code).toBe('STORAGE');
    expect(e.detail).toMatchObject({ reason: 'library.import.noSpace', freeMb: 10 });
    expect(Number(e.detail?.neededMb)).toBeGreaterThan(10);
    expect(e.message).toMatch(/needs \d+ MB .* only 10 MB/);
  });

  it('refuses a video whose extension lies: at build time, and in a correctly signed pack', async () => {
    const liar = join(tempDir('liar-'), 'p');
    makeMediaPackFolder(liar, { durations: true });
    const webm = join(tempDir('webm-'), 'real.webm');
    makeVideo(webm, 'webm');
    copyFileSync(webm, join(liar, 'media', 's1.mp4')); // WebM bytes under an .mp4 name
    await expect(validatePackFolder(liar)).rejects.toMatchObject({
      code: 'PACK_INVALID',
      detail: { entry: 'media/s1.mp4', rule: 'media-type-mismatch' },
    });

    // The same lie signed by a publisher who skipped the builder: the verifier refuses it too.
    const pack = await validatePackFolder(makeMediaPackFolder(join(tempDir('clean-'), 'p'), { durations: true }));
    const pdf = join(tempDir('pdf-'), 'x.pdf');
    makePdf(pdf);
    const lie = readFileSync(pdf);
    const media = pack.media.map((m) =>
      m.path === 'media/s1.mp4' ? { path: m.path, bytes: lie } : { path: m.path, bytes: readFileSync(m.file) },
    );
    const all = [...pack.files, ...media];
    const sums = formatHashList(all.map((f) => ({ path: f.path, sha256: sha256Hex(f.bytes) })));
    const sig = formatSignatureFile(signSums(sums, keys.privateKeyPem));
    const zipped = await writeZip([
      ...pack.files,
      ...media.map((m) => {
        const f = join(tempDir('m-'), 'f');
        writeFileSync(f, m.bytes);
        return { path: m.path, file: f, size: m.bytes.length, crc32: crc32(m.bytes) >>> 0 };
      }),
      { path: 'SHA256SUMS', bytes: sums },
      { path: 'SHA256SUMS.sig', bytes: sig },
    ]);
    const e = await refuse(zipped);
    expect(e.code).toBe('PACK_INVALID');
    expect(e.detail).toMatchObject({ entry: 'media/s1.mp4', rule: 'media-type-mismatch' });
  });

  it('cancelling an import leaves nothing behind', async () => {
    // A big recording so the import is still copying when the cancel arrives: an MP4 header and
    // 48 MB of random bytes (the type check reads the signature only).
    const big = join(tempDir('big-src-'), 'p');
    makeMediaPackFolder(big, { durations: true });
    const head = readFileSync(join(big, 'media', 's1.mp4')).subarray(0, 64);
    const filler = Buffer.alloc(48 * 1024 * 1024);
    for (let i = 0; i < filler.length; i += 4096) filler.writeUInt32LE((i * 2654435761) >>> 0, i);
    writeFileSync(join(big, 'media', 's1.mp4'), Buffer.concat([head, filler]));
    const out = join(tempDir('big-out-'), 'big.studypack');
    await buildPackToFile(big, keys.privateKeyPem, out);

    const { c, dataDir } = await core();
    try {
      const importing = c.library.importFile(out, 'big', { trustPublisher: true, allowDowngrade: false }, 'job').then(
        () => null,
        (err: unknown) => err,
      );
      while (c.library.importProgress('job').bytesDone === 0) await new Promise((r) => setImmediate(r));
      expect(c.library.cancelImport('job')).toEqual({ cancelled: true });
      const e = (await importing) as AppError;
      expect(e.code).toBe('CANCELLED');
      expect(c.library.importProgress('job').phase).toBe('cancelled');
      expect(openImportFiles(dataDir)).toEqual([]);
      expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
      expect(readdirSync(join(dataDir, 'media'))).toEqual([]);
      expect(c.library.list().packs).toEqual([]);
    } finally {
      c.close();
    }
  });

  it('reports progress by bytes and the disk space the pack will take', async () => {
    const { c } = await core();
    const file = join(tempDir('ok-'), 'p.studypack');
    writeFileSync(file, good);
    const seen: number[] = [];
    const timer = setInterval(() => seen.push(c.library.importProgress('p').bytesDone), 0);
    try {
      await c.library.importFile(file, 'p', { trustPublisher: true, allowDowngrade: false }, 'p');
    } finally {
      clearInterval(timer);
    }
    const done = c.library.importProgress('p');
    expect(done).toMatchObject({ phase: 'done', bytesDone: good.length, bytesTotal: good.length, mediaCount: 5 });
    expect(done.diskBytes).toBeGreaterThan(good.length - 10_000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen); // never goes backwards
    c.close();
  });
});
