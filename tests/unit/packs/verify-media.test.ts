import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { fingerprint } from '../../../src/core/packs/keys';
import { formatSums } from '../../../src/core/packs/sums';
import { verifyPack, verifyPackFile, type PackPlan } from '../../../src/core/packs/verify';
import { makePdf, VTT_EN, VTT_ZH } from '../../fixtures/media/make';
import { expectRefusal, keys, miniCopy, signedEntries } from './helpers/pack';
import { rawZip, type RawEntry } from './helpers/rawZip';

/**
 * The verifier's media rules (pack format 2) on a pack whose recordings are a few bytes that
 * carry the right magic numbers: the verifier sniffs content, it never decodes it, so no ffmpeg
 * is needed and each case runs in milliseconds. Each test names a rule a changed verifier broke
 * unnoticed (mutation testing, docs/testing.md).
 */

const pem = () => keys().a.privateKeyPem;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pad = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(size - head.length, 7)]);
const box = (type: string, brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(type + brand + '\0\0\0\0' + brand + 'mp41', 'latin1')]);

/** Media bytes by pack path; sizes differ so a sum or a swap shows. */
const MEDIA: Record<string, Buffer> = {
  'media/s1.mp4': pad(box('ftyp', 'isom'), 3000),
  'media/s2.webm': pad(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('....webm', 'latin1')]), 2500),
  'media/s2.m4a': pad(box('ftyp', 'M4A '), 1700),
  'media/board.png': pad(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 900),
};
const CAPTIONS: Record<string, string> = {
  'media/s1.zh-CN.vtt': VTT_ZH,
  'media/s1.en.vtt': VTT_EN,
  'media/s2.zh-CN.vtt': VTT_ZH,
};

/** The mini pack as format 2: session 1 a video with two caption files and a PDF, session 2 a video, audio and a picture. */
function mediaFolder(): string {
  const dir = miniCopy();
  mkdirSync(join(dir, 'media'));
  for (const [path, bytes] of Object.entries(MEDIA)) writeFileSync(join(dir, path), bytes);
  for (const [path, text] of Object.entries(CAPTIONS)) writeFileSync(join(dir, path), text);
  makePdf(join(dir, 'media/slides.pdf'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.format = 2;
  manifest.sessions[0].media = [
    {
      path: 'media/s1.mp4',
      kind: 'video',
      title: 'Session one recording',
      duration: 6,
      captions: [
        { language: 'zh-CN', path: 'media/s1.zh-CN.vtt' },
        { language: 'en', path: 'media/s1.en.vtt' },
      ],
    },
    { path: 'media/slides.pdf', kind: 'pdf', title: 'Slides' },
  ];
  manifest.sessions[1].media = [
    {
      path: 'media/s2.webm',
      kind: 'video',
      title: 'Session two recording',
      duration: 6,
      captions: [{ language: 'zh-CN', path: 'media/s2.zh-CN.vtt' }],
    },
    { path: 'media/s2.m4a', kind: 'audio', title: 'Session two audio', duration: 4 },
    { path: 'media/board.png', kind: 'image', title: 'Whiteboard' },
  ];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return dir;
}

/** Every file of the media folder by pack path. */
function folderFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${name.name}` : name.name;
      if (name.isDirectory()) walk(path);
      else out.set(path, readFileSync(join(dir, path)));
    }
  };
  walk('');
  return out;
}

const isMedia = (name: string) => /\.(mp4|webm|m4a|png|pdf)$/.test(name);

/** Signed and zipped as the builder does (media stored, text deflated), after `edit` on the file map. */
function mediaZip(edit: (files: Map<string, Buffer>) => void = () => {}, entry: (e: RawEntry) => RawEntry = (e) => e) {
  const files = folderFiles(mediaFolder());
  edit(files);
  const entries = signedEntries(files, pem()).map((e) => (isMedia(String(e.name)) ? { ...e, method: 0 } : e));
  return rawZip(entries.map(entry));
}

describe('verifying a pack with media', () => {
  it('lists every recording, document, picture and caption file with its session, kind, hash, size and type', async () => {
    const dir = mediaFolder();
    const bytes = await buildPack(dir, pem());
    const pack = await verifyPack(bytes);
    const file = (path: string) => readFileSync(join(dir, path));
    const item = (path: string, sessionId: string, kind: string, mime: string) => ({
      path,
      sessionId,
      kind,
      mime,
      sha256: sha(file(path)),
      size: file(path).length,
    });
    expect(pack.media).toEqual([
      item('media/s1.mp4', 's1', 'video', 'video/mp4'),
      item('media/s1.zh-CN.vtt', 's1', 'captions', 'text/vtt'),
      item('media/s1.en.vtt', 's1', 'captions', 'text/vtt'),
      item('media/slides.pdf', 's1', 'pdf', 'application/pdf'),
      item('media/s2.webm', 's2', 'video', 'video/webm'),
      item('media/s2.zh-CN.vtt', 's2', 'captions', 'text/vtt'),
      item('media/s2.m4a', 's2', 'audio', 'audio/mp4'),
      item('media/board.png', 's2', 'image', 'image/png'),
    ]);
  });

  it('tells beforeData what an install will write: sizes of the file, of all entries and of the media', async () => {
    const dir = mediaFolder();
    const bytes = await buildPack(dir, pem());
    let plan: PackPlan | undefined;
    const pack = await verifyPack(bytes, { beforeData: (p) => void (plan = p) });
    const media = ['media/s1.mp4', 'media/slides.pdf', 'media/s2.webm', 'media/s2.m4a', 'media/board.png'];
    const size = (path: string) => readFileSync(join(dir, path)).length;
    expect(plan).toEqual({
      manifest: pack.manifest,
      publicKey: keys().a.publicKey,
      fingerprint: fingerprint(keys().a.publicKey),
      fileBytes: bytes.length,
      totalBytes: pack.files.reduce((n, f) => n + f.size, 0),
      mediaBytes: media.reduce((n, p) => n + size(p), 0),
      mediaCount: 5,
    });
    expect(plan!.totalBytes).toBeGreaterThan(plan!.mediaBytes);
  });

  it('hands each media file and each caption file to the sink once, byte for byte, with its signed hash', async () => {
    const dir = mediaFolder();
    const bytes = await buildPack(dir, pem());
    const got = new Map<string, { sha256: string; size: number; data: Buffer[]; finished: boolean }>();
    const progress: Array<[number, number]> = [];
    await verifyPack(bytes, {
      sink: async (name, sha256, size) => {
        expect(got.has(name), `${name} opened twice`).toBe(false);
        const entry = { sha256, size, data: [] as Buffer[], finished: false };
        got.set(name, entry);
        return {
          write: async (chunk) => void entry.data.push(Buffer.from(chunk)),
          finish: async () => void (entry.finished = true),
          discard: async () => {},
        };
      },
      onBytes: (done, total) => progress.push([done, total]),
    });
    const expected = [...Object.keys(MEDIA), ...Object.keys(CAPTIONS), 'media/slides.pdf'].sort();
    expect([...got.keys()].sort()).toEqual(expected);
    for (const [name, e] of got) {
      const want = readFileSync(join(dir, name));
      expect(Buffer.concat(e.data).equals(want), name).toBe(true);
      expect({ sha256: e.sha256, size: e.size, finished: e.finished }, name).toEqual({
        sha256: sha(want),
        size: want.length,
        finished: true,
      });
    }
    expect(progress.at(-1)).toEqual([bytes.length, bytes.length]);
    expect(progress.every(([, total]) => total === bytes.length)).toBe(true);
  });

  it('refuses a media file the manifest names but the signed pack lacks', async () => {
    const zip = mediaZip((f) => f.delete('media/s2.m4a'));
    await expectRefusal(verifyPack(zip), 'PACK_INVALID', 'missing-file', 'media/s2.m4a');
  });

  it('refuses a compressed media file and a stored text file, which the builder never writes', async () => {
    const deflated = mediaZip(undefined, (e) => (e.name === 'media/board.png' ? { ...e, method: 8 } : e));
    await expectRefusal(verifyPack(deflated), 'PACK_INVALID', 'noncanonical-zip', 'media/board.png');
    const stored = mediaZip(undefined, (e) => (e.name === 'media/s1.en.vtt' ? { ...e, method: 0 } : e));
    await expectRefusal(verifyPack(stored), 'PACK_INVALID', 'noncanonical-zip', 'media/s1.en.vtt');
  });

  it('refuses a media file whose content is not what its extension says, though signed', async () => {
    const zip = mediaZip((f) => f.set('media/board.png', f.get('media/slides.pdf')!));
    await expectRefusal(verifyPack(zip), 'PACK_INVALID', 'media-type-mismatch', 'media/board.png');
  });

  it('refuses a media file whose bytes differ from the signed hash list, CRC and all', async () => {
    const zip = mediaZip(undefined, (e) =>
      e.name === 'media/s2.webm' ? { ...e, data: Buffer.from(e.data!).fill(8, 100, 200) } : e,
    );
    await expectRefusal(verifyPack(zip), 'PACK_SIGNATURE', 'hash-mismatch', 'media/s2.webm');
  });
});

describe('verifying a pack with media while installing it', () => {
  it('refuses a pack that lacks a caption file the manifest names, also while streaming to a sink', async () => {
    const zip = mediaZip((f) => f.delete('media/s1.en.vtt'));
    const sink = async () => ({ write: async () => {}, finish: async () => {}, discard: async () => {} });
    await expectRefusal(verifyPack(zip, { sink }), 'PACK_INVALID', 'missing-file', 'manifest.json');
  });

  it('stops at the next chunk of the pass over the file once the caller aborts', async () => {
    const zip = mediaZip((f) => f.set('media/s1.mp4', pad(box('ftyp', 'isom'), 3 * 1024 * 1024)));
    const controller = new AbortController();
    const read: number[] = [];
    const stop = new Error('import cancelled');
    const result = verifyPack(zip, {
      signal: controller.signal,
      onBytes: (done) => {
        read.push(done);
        controller.abort(stop);
      },
    });
    await expect(result).rejects.toBe(stop);
    expect(read).toHaveLength(1);
    expect(read[0]).toBeLessThan(zip.length);
  });
});

describe('verifying from a file', () => {
  /** Descriptors this process holds: an unclosed pack file would stay among them. */
  const openFds = () => readdirSync('/proc/self/fd').length;

  it('gives what verifying the bytes gives, and closes the file, also when it refuses it', async () => {
    const dir = mediaFolder();
    const bytes = await buildPack(dir, pem());
    const path = join(dir, '..', 'media.studypack');
    writeFileSync(path, bytes);
    const before = openFds();
    const fromFile = await verifyPackFile(path);
    expect(openFds()).toBe(before);
    expect(fromFile).toEqual(await verifyPack(bytes));

    const list = formatSums([{ path: 'manifest.json', bytes: Buffer.from('{}') }]);
    const bad = join(dir, '..', 'bad.studypack');
    writeFileSync(
      bad,
      rawZip([...signedEntries(new Map([['manifest.json', Buffer.from('{}')]]), pem(), { sums: list })]),
    );
    const again = openFds();
    await expectRefusal(verifyPackFile(bad), 'PACK_INVALID', 'schema', 'manifest.json');
    expect(openFds()).toBe(again);
  });
});
