import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackToFile, validatePackFolder } from '../../../src/core/packs/build';
import type { PackValidationError } from '../../../src/core/packs/issues';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { verifyPack, verifyPackFile } from '../../../src/core/packs/verify';
import { ffprobeDuration } from '../../../src/cli/probe';
import { makeMediaPackFolder } from '../../fixtures/media/make';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';

const keys = generateKeyPair();

async function buildMediaPack(opts: { version?: string } = {}) {
  const folder = makeMediaPackFolder(join(tempDir('media-src-'), 'pack'), opts);
  const out = join(tempDir('media-out-'), 'media.studypack');
  const pack = await buildPackToFile(folder, keys.privateKeyPem, out, { probeDuration: ffprobeDuration });
  return { folder, out, pack };
}

/** Uploads a file in chunks through the contract, as the library screen does. */
async function upload(call: Awaited<ReturnType<typeof openCore>>['call'], file: string) {
  const bytes = readFileSync(file);
  const { uploadId } = await call('library.uploadBegin', { fileName: 'media.studypack', size: bytes.length });
  for (let at = 0; at < bytes.length; at += 1_000_000) {
    const data = bytes.subarray(at, at + 1_000_000).toString('base64');
    await call('library.uploadChunk', { uploadId, offset: at, data });
  }
  return uploadId;
}

const storeFiles = (dataDir: string) => readdirSync(join(dataDir, 'media')).sort();
const stagingFiles = (dataDir: string) => readdirSync(join(dataDir, 'staging'));

describe('format-2 pack with recorded sessions', () => {
  it('builds with probed durations, stores media uncompressed, and verifies from disk and from memory', async () => {
    const { out, pack } = await buildMediaPack();
    const s1 = pack.manifest.sessions[0]!.media!;
    expect(s1[0]!.duration).toBeGreaterThan(5.5);
    expect(s1[0]!.duration).toBeLessThan(6.5);
    expect(pack.manifest.sessions[1]!.media![1]!.duration).toBeGreaterThan(3.5);
    expect(pack.media.map((m) => m.kind)).toEqual([
      'video',
      'captions',
      'captions',
      'pdf',
      'video',
      'captions',
      'audio',
      'image',
    ]);
    const mp4 = pack.files.find((f) => f.path === 'media/s1.mp4')!;
    expect(mp4.compressedSize).toBe(mp4.size); // stored, not deflated
    const fromMemory = await verifyPack(readFileSync(out));
    expect(fromMemory.sha256).toBe(pack.sha256);
    expect((await verifyPackFile(out)).media).toEqual(pack.media);
  });

  it('imports through the contract into the content-addressed store and lists each session’s media', async () => {
    const { out, pack, folder } = await buildMediaPack();
    const { call, core, dataDir } = await openCore(undefined, { withBuiltin: false });
    try {
      const uploadId = await upload(call, out);
      const result = await call('library.import', { uploadId, trustPublisher: true });
      expect(result.pack.mediaCount).toBe(5);
      expect(result.pack.sizeBytes).toBe(pack.files.reduce((n, f) => n + f.size, 0));
      const distinct = new Set(pack.media.map((m) => m.sha256));
      expect(storeFiles(dataDir)).toEqual([...distinct].sort());
      expect(stagingFiles(dataDir)).toEqual([]);
      const progress = await call('library.importProgress', { uploadId });
      expect(progress).toMatchObject({ phase: 'done', bytesDone: statSync(out).size, bytesTotal: statSync(out).size });
      // The list carries the participant's watching, so it is asked as a participant.
      await call('profiles.create', { name: '王五', unit: '省委组织部' });
      const { items } = await call('media.list', { packId: pack.manifest.id, sessionId: 's1' });
      expect(items.map((i) => i.kind)).toEqual(['video', 'pdf']);
      const video = items[0]!;
      expect(video.url).toMatch(/^\/media\/[0-9a-f]{64}\.mp4$/);
      expect(video.mime).toBe('video/mp4');
      expect(video.captions.map((c) => c.language)).toEqual(['zh-CN', 'en']);
      expect(video.chapters[1]).toEqual({ start: 3, title: 'Practice', keyPoints: ['kp-persist'] });
      const sha = video.url.slice(7, 71);
      expect(readFileSync(join(dataDir, 'media', sha)).equals(readFileSync(join(folder, 'media', 's1.mp4')))).toBe(
        true,
      );
    } finally {
      core.close();
    }
  });

  it('stores a file shared by two versions once, and frees files no version uses any more', async () => {
    const a = await buildMediaPack();
    const { call, core, dataDir } = await openCore(undefined, { withBuiltin: false });
    try {
      await call('library.import', { uploadId: await upload(call, a.out), trustPublisher: true });
      const before = storeFiles(dataDir);
      // Version 2: the same recordings, one caption file corrected.
      const folder = makeMediaPackFolder(join(tempDir('media-src-'), 'pack'), { version: '1.3.0' });
      writeFileSync(join(folder, 'media', 's1.en.vtt'), 'WEBVTT\n\n00:00.000 --> 00:03.000\n改正的字幕\n');
      const out = join(tempDir('media-out-'), 'v2.studypack');
      const b = await buildPackToFile(folder, keys.privateKeyPem, out, { probeDuration: ffprobeDuration });
      await call('library.import', { uploadId: await upload(call, out), trustPublisher: true });
      const after = storeFiles(dataDir);
      const wanted = [...new Set(b.media.map((m) => m.sha256))].sort();
      expect(after).toEqual(wanted);
      const old = a.pack.media.find((m) => m.path === 'media/s1.en.vtt')!.sha256;
      const video = a.pack.media.find((m) => m.path === 'media/s1.mp4')!.sha256;
      expect(before).toContain(old);
      expect(existsSync(join(dataDir, 'media', old))).toBe(false); // freed: no pack names it any more
      expect(after).toContain(video); // kept: both versions name it, stored once
      expect(before.length).toBe(after.length);
    } finally {
      core.close();
    }
  });
});

describe('format-2 authoring rules', () => {
  it('refuses a chapter naming a key point of another session, and bad captions, with the line', async () => {
    const folder = makeMediaPackFolder(join(tempDir('rules-'), 'p'), { durations: true });
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    manifest.sessions[0].media[0].chapters[0].keyPoints = ['not-here'];
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(
      join(folder, 'media', 's1.en.vtt'),
      'WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n00:05.000 --> 00:02.000\nback\n',
    );
    const e = await validatePackFolder(folder).then(
      () => null,
      (err: unknown) => err as PackValidationError,
    );
    const rules = e?.issues.map((i) => `${i.entry}:${i.rule}${i.line ? `:${i.line}` : ''}`);
    expect(rules).toEqual(expect.arrayContaining(['media/s1.en.vtt:bad-captions:6']));
    writeFileSync(join(folder, 'media', 's1.en.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nok\n');
    const again = (await validatePackFolder(folder).catch((err: unknown) => err)) as PackValidationError;
    expect(again?.issues.map((i) => [i.rule, i.path])).toEqual([
      ['chapter-key-point', 'sessions[0].media[0].chapters[0].keyPoints[0]'],
    ]);
  });

  it('refuses media in a format-1 manifest', async () => {
    const folder = makeMediaPackFolder(join(tempDir('rules-'), 'p'), { durations: true });
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    manifest.format = 1;
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await expect(validatePackFolder(folder)).rejects.toMatchObject({
      code: 'PACK_INVALID',
      detail: { rule: 'schema' },
    });
  });
});
