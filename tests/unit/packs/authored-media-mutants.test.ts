import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAuthoredMedia } from '../../../src/core/packs/authoredMedia';
import { PACK_LIMITS, resolveLimits } from '../../../src/core/packs/limits';
import { makeAudio, makePdf, makePng } from '../../fixtures/media/make';
import { tempDir } from '../support/temp';

/*
 * The builder's media rules for an authoring folder, one by one: mutation testing (docs/testing.md)
 * found that each refusal, the probed duration and the recorded hashes could change unnoticed,
 * because the media pack test builds only a folder where every file is right.
 */

// Made once for the file (tempDir folders go after each test).
let made: string;
afterAll(() => rmSync(made, { recursive: true, force: true }));
beforeAll(() => {
  made = mkdtempSync(join(tmpdir(), 'authored-media-made-'));
  makeAudio(join(made, 'a.m4a'), 1);
  makePng(join(made, 'p.png'));
  makePdf(join(made, 'd.pdf'));
});

/** A folder with the made media copied to the given names. */
function folder(files: Record<string, 'a.m4a' | 'p.png' | 'd.pdf'>): string {
  const root = join(tempDir('authored-media-'), 'pack');
  for (const [path, from] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    copyFileSync(join(made, from), join(root, path));
  }
  mkdirSync(root, { recursive: true });
  return root;
}

type Media = { path: unknown; kind?: string; duration?: number };
const manifestWith = (...media: Media[][]) => ({ format: 2, sessions: media.map((m) => ({ media: m })) });
const rules = (issues: { entry: string | null; rule: string }[]) => issues.map((i) => [i.entry, i.rule]);

describe('collectAuthoredMedia', () => {
  it('records each file with its size, SHA-256 and CRC-32, in manifest order across sessions', async () => {
    const root = folder({ 'media/a.m4a': 'a.m4a', 'media/p.png': 'p.png', 'media/d.pdf': 'd.pdf' });
    const manifest = manifestWith(
      [{ path: 'media/p.png', kind: 'image' }],
      [
        { path: 'media/d.pdf', kind: 'pdf' },
        { path: 'media/a.m4a', kind: 'audio', duration: 1 },
      ],
    );
    const { files, issues, changed } = await collectAuthoredMedia(root, manifest, PACK_LIMITS, undefined);
    expect(issues).toEqual([]);
    expect(changed).toBe(false);
    expect(files.map((f) => f.path)).toEqual(['media/p.png', 'media/d.pdf', 'media/a.m4a']);
    for (const f of files) {
      const bytes = readFileSync(join(root, f.path));
      expect(f).toEqual({
        path: f.path,
        file: join(root, ...f.path.split('/')),
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        crc32: crc32(bytes) >>> 0,
      });
    }
  });

  it('probes a recording without a duration, rounded to milliseconds, and says the manifest changed', async () => {
    const root = folder({ 'media/a.m4a': 'a.m4a', 'media/p.png': 'p.png' });
    const manifest = manifestWith([
      { path: 'media/a.m4a', kind: 'audio' },
      { path: 'media/p.png', kind: 'image' },
    ]);
    const probed: string[] = [];
    const probe = async (file: string) => (probed.push(file), 1.23456);
    const { issues, changed } = await collectAuthoredMedia(root, manifest, PACK_LIMITS, probe);
    expect(issues).toEqual([]);
    expect(changed).toBe(true);
    expect(manifest.sessions[0]!.media[0]!.duration).toBe(1.235);
    expect(manifest.sessions[0]!.media[1]!.duration).toBeUndefined();
    expect(probed).toEqual([join(root, 'media', 'a.m4a')]); // an image is never probed
  });

  it('keeps a duration the author gave, and probes nothing without a probe', async () => {
    const root = folder({ 'media/a.m4a': 'a.m4a' });
    const given = manifestWith([{ path: 'media/a.m4a', kind: 'audio', duration: 0.5 }]);
    let calls = 0;
    const r = await collectAuthoredMedia(root, given, PACK_LIMITS, async () => (calls++, 9));
    expect([calls, r.changed, given.sessions[0]!.media[0]!.duration]).toEqual([0, false, 0.5]);
    const none = manifestWith([{ path: 'media/a.m4a', kind: 'audio' }]);
    const r2 = await collectAuthoredMedia(root, none, PACK_LIMITS, undefined);
    expect([r2.changed, r2.issues, none.sessions[0]!.media[0]!.duration]).toEqual([false, [], undefined]);
  });

  it('a probe that fails is an issue naming why, and the file is still recorded', async () => {
    const root = folder({ 'media/a.m4a': 'a.m4a' });
    const r = await collectAuthoredMedia(root, manifestWith([{ path: 'media/a.m4a' }]), PACK_LIMITS, async () => {
      throw new Error('ffprobe not found');
    });
    expect(r.issues).toEqual([
      {
        entry: 'media/a.m4a',
        rule: 'duration',
        message: expect.stringContaining('(ffprobe not found)') as string,
      },
    ]);
    expect(r.changed).toBe(false);
    expect(r.files.map((f) => f.path)).toEqual(['media/a.m4a']);
  });

  it('refuses a missing file, a link, a folder and a path leading out of the folder', async () => {
    const root = folder({ 'media/p.png': 'p.png' });
    symlinkSync(join(root, 'media', 'p.png'), join(root, 'media', 'link.png'));
    mkdirSync(join(root, 'media', 'dir.png'));
    const outside = join(root, '..', 'out.png');
    copyFileSync(join(made, 'p.png'), outside);
    const manifest = manifestWith([
      { path: 'media/none.png' },
      { path: 'media/link.png' },
      { path: 'media/dir.png' },
      { path: 'media/../../out.png' },
      { path: 'media/p.png' },
    ]);
    const r = await collectAuthoredMedia(root, manifest, PACK_LIMITS, undefined);
    expect(rules(r.issues)).toEqual([
      ['media/none.png', 'missing-file'],
      ['media/link.png', 'not-a-file'],
      ['media/dir.png', 'not-a-file'],
      ['media/../../out.png', 'outside-folder'],
    ]);
    expect(r.files.map((f) => f.path)).toEqual(['media/p.png']);
  });

  it('a folder whose name only starts like the pack folder is outside it', async () => {
    const root = folder({ 'media/p.png': 'p.png' });
    mkdirSync(`${root}2`);
    copyFileSync(join(made, 'p.png'), join(`${root}2`, 'p.png'));
    const r = await collectAuthoredMedia(root, manifestWith([{ path: '../pack2/p.png' }]), PACK_LIMITS, undefined);
    expect(rules(r.issues)).toEqual([['../pack2/p.png', 'outside-folder']]);
  });

  it('refuses a file over the media limit, and takes one exactly at it', async () => {
    const root = folder({ 'media/p.png': 'p.png' });
    const size = readFileSync(join(root, 'media', 'p.png')).length;
    const at = await collectAuthoredMedia(
      root,
      manifestWith([{ path: 'media/p.png' }]),
      resolveLimits({ maxMediaEntryBytes: size }),
      undefined,
    );
    expect(at.issues).toEqual([]);
    const over = await collectAuthoredMedia(
      root,
      manifestWith([{ path: 'media/p.png' }]),
      resolveLimits({ maxMediaEntryBytes: size - 1 }),
      undefined,
    );
    expect(rules(over.issues)).toEqual([['media/p.png', 'entry-too-large']]);
    expect(over.files).toEqual([]);
  });

  it('refuses a type a pack may not carry, and content that is not what its extension says', async () => {
    const root = folder({ 'media/p.avi': 'p.png', 'media/d.mp4': 'd.pdf', 'media/p.png': 'p.png' });
    writeFileSync(join(root, 'media', 'tiny.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const probe = async () => {
      throw new Error('never asked');
    };
    const manifest = manifestWith([
      { path: 'media/p.avi' },
      { path: 'media/d.mp4', kind: 'video' },
      { path: 'media/tiny.png' },
      { path: 'media/p.png' },
    ]);
    const r = await collectAuthoredMedia(root, manifest, PACK_LIMITS, probe);
    expect(rules(r.issues)).toEqual([
      ['media/p.avi', 'unknown-media-type'],
      ['media/d.mp4', 'media-type-mismatch'],
      ['media/tiny.png', 'media-type-mismatch'],
    ]);
    expect(r.files.map((f) => f.path)).toEqual(['media/p.png']);
  });

  it('leaves to the schema what is not a list of media with string paths', async () => {
    const root = folder({ 'media/p.png': 'p.png' });
    const odd = { sessions: [null, { media: 'x' }, { media: [null, { path: 3 }, { path: 'media/p.png' }] }] };
    const r = await collectAuthoredMedia(root, odd, PACK_LIMITS, undefined);
    expect([r.issues, r.files.map((f) => f.path)]).toEqual([[], ['media/p.png']]);
    for (const manifest of [{}, { sessions: 'x' }, { sessions: {} }]) {
      expect(await collectAuthoredMedia(root, manifest, PACK_LIMITS, undefined)).toEqual({
        files: [],
        issues: [],
        changed: false,
      });
    }
  });
});
