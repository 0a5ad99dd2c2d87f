import { describe, expect, it } from 'vitest';
import { contentMatchesExtension } from '../../../src/core/packs/sniff';

/**
 * Each media signature, exactly (docs/testing.md, mutation testing): the media tests make real
 * files with ffmpeg for a few types; here every type a pack may carry is given its own first bytes,
 * and each part of each signature is broken once.
 */

/** A 16-byte head: `bytes` at `at`, zeros elsewhere. */
function head(parts: Array<[number, number[] | string]>, length = 16): Buffer {
  const b = Buffer.alloc(length);
  for (const [at, v] of parts) (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from(v)).copy(b, at);
  return b;
}
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const cases: Record<string, { ok: Buffer[]; not: Buffer[] }> = {
  mp4: { ok: [head([[4, 'ftyp']])], not: [head([[4, 'ftyq']]), head([[0, 'ftyp']])] },
  m4a: { ok: [head([[4, 'ftypM4A ']])], not: [head([[5, 'ftyp']])] },
  webm: {
    ok: [
      head([
        [0, EBML],
        [8, 'webm'],
      ]),
      head([
        [0, EBML],
        [4, 'webm'],
      ]),
    ],
    not: [
      head([
        [0, EBML],
        [8, 'matroska'],
      ]),
      head([
        [0, [0x1a, 0x45, 0xdf, 0xa4]],
        [8, 'webm'],
      ]),
      head([[8, 'webm']]),
    ],
  },
  weba: {
    ok: [
      head([
        [0, EBML],
        [8, 'webm'],
      ]),
    ],
    not: [
      head([
        [0, EBML],
        [8, 'matroska'],
      ]),
      head([
        [0, [0x1b, 0x45, 0xdf, 0xa3]],
        [8, 'webm'],
      ]),
    ],
  },
  opus: { ok: [head([[0, 'OggS']])], not: [head([[0, 'OggZ']]), head([[1, 'OggS']])] },
  mp3: {
    ok: [head([[0, 'ID3']]), head([[0, [0xff, 0xfb]]]), head([[0, [0xff, 0xe0]]])],
    not: [head([[0, 'ID2']]), head([[0, [0xff, 0xdf]]]), head([[0, [0xfe, 0xfb]]]), head([[0, [0xff, 0x00]]])],
  },
  pdf: { ok: [head([[0, '%PDF-1.7']])], not: [head([[0, '%PDF 1.7']]), head([[1, '%PDF-']])] },
  png: {
    ok: [head([[0, PNG]])],
    not: [head([[0, [...PNG.slice(0, 7), 0x0b]]]), head([[0, [0x88, ...PNG.slice(1)]]])],
  },
  jpg: {
    ok: [head([[0, [0xff, 0xd8, 0xff]]])],
    not: [head([[0, [0xfe, 0xd8, 0xff]]]), head([[0, [0xff, 0xd9, 0xff]]]), head([[0, [0xff, 0xd8, 0xfe]]])],
  },
  jpeg: {
    ok: [head([[0, [0xff, 0xd8, 0xff]]])],
    not: [head([[0, [0xfe, 0xd8, 0xff]]]), head([[0, [0xff, 0xd9, 0xff]]]), head([[0, [0xff, 0xd8, 0xfe]]])],
  },
  webp: {
    ok: [
      head([
        [0, 'RIFF'],
        [8, 'WEBP'],
      ]),
    ],
    not: [
      head([
        [0, 'RIFF'],
        [8, 'WAVE'],
      ]),
      head([
        [0, 'RIFX'],
        [8, 'WEBP'],
      ]),
      head([[8, 'WEBP']]),
    ],
  },
};

describe('contentMatchesExtension', () => {
  for (const [ext, { ok, not }] of Object.entries(cases)) {
    it(`knows a .${ext} by its first bytes`, () => {
      for (const b of ok) expect(contentMatchesExtension(`media/a.${ext}`, b), b.toString('hex')).toBe(true);
      for (const b of not) expect(contentMatchesExtension(`media/a.${ext}`, b), b.toString('hex')).toBe(false);
    });
  }

  it('checks the signature of the extension given, not of any type', () => {
    const pdf = head([[0, '%PDF-1.7']]);
    for (const ext of Object.keys(cases).filter((e) => e !== 'pdf')) {
      expect(contentMatchesExtension(`media/a.${ext}`, pdf), ext).toBe(false);
    }
    expect(contentMatchesExtension('media/A.PDF', pdf)).toBe(true);
  });

  it('knows no other type, whatever the bytes', () => {
    for (const b of [head([[0, '%PDF-1.7']]), head([[4, 'ftyp']]), Buffer.alloc(16)]) {
      for (const name of ['media/a.txt', 'media/a.vtt', 'media/a', 'media/a.gif']) {
        expect(contentMatchesExtension(name, b), name).toBe(false);
      }
    }
  });

  it('needs 12 bytes: exactly 12 are enough, 11 are not', () => {
    const webp = head(
      [
        [0, 'RIFF'],
        [8, 'WEBP'],
      ],
      12,
    );
    expect(contentMatchesExtension('media/a.webp', webp)).toBe(true);
    const pdf = head([[0, '%PDF-']], 12);
    expect(contentMatchesExtension('media/a.pdf', pdf)).toBe(true);
    expect(contentMatchesExtension('media/a.pdf', pdf.subarray(0, 11))).toBe(false);
    expect(contentMatchesExtension('media/a.mp3', head([[0, 'ID3']], 11))).toBe(false);
  });
});
