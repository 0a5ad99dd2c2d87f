import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8, lineOfByte } from '../../../src/core/packs/utf8';

/**
 * The strict UTF-8 reader, byte by byte (docs/testing.md, mutation testing): the pack tests only
 * reach firstInvalidUtf8 for a file already known to be broken, so its boundaries are tested here
 * against Node's own validator (simdutf) and a definition of "the first byte that breaks it".
 */

/** The start of the first broken sequence: the longest prefix that is valid UTF-8 (-1 if all is). */
function expectedOffset(b: Buffer): number {
  for (let n = b.length; n >= 0; n--) if (isUtf8(b.subarray(0, n))) return n === b.length ? -1 : n;
  return 0;
}
const bytes = (...b: number[]) => Buffer.from(b);
const CONT = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];

describe('firstInvalidUtf8', () => {
  it('agrees with the validator on every one- and two-byte sequence', () => {
    for (let a = 0; a < 256; a++) {
      expect(firstInvalidUtf8(bytes(a)), `${a}`).toBe(expectedOffset(bytes(a)));
      for (let b = 0; b < 256; b++) {
        const buf = bytes(a, b);
        const got = firstInvalidUtf8(buf);
        if (got !== expectedOffset(buf)) expect(got, `${a} ${b}`).toBe(expectedOffset(buf));
      }
    }
  });

  it('agrees with it on three- and four-byte sequences around every boundary', () => {
    // Every byte that is not ASCII as the first one: also those that may not start a sequence at all.
    for (let a = 0x80; a < 256; a++) {
      for (const b of CONT) {
        for (const c of CONT) {
          const three = bytes(a, b, c);
          if (firstInvalidUtf8(three) !== expectedOffset(three)) {
            expect(firstInvalidUtf8(three), `${a} ${b} ${c}`).toBe(expectedOffset(three));
          }
          for (const d of CONT) {
            const four = bytes(a, b, c, d);
            if (firstInvalidUtf8(four) !== expectedOffset(four)) {
              expect(firstInvalidUtf8(four), `${a} ${b} ${c} ${d}`).toBe(expectedOffset(four));
            }
          }
        }
      }
    }
  });

  it('names the start of the broken sequence after valid text of every length', () => {
    const ok = Buffer.from('a\né€😀', 'utf8'); // 1 + 1 + 2 + 3 + 4 bytes
    expect(firstInvalidUtf8(ok)).toBe(-1);
    expect(firstInvalidUtf8(Buffer.alloc(0))).toBe(-1);
    for (const bad of [
      bytes(0x80),
      bytes(0xc1, 0x80),
      bytes(0xe2, 0x82),
      bytes(0xed, 0xa0, 0x80),
      bytes(0xf4, 0x90, 0x80, 0x80),
    ]) {
      expect(firstInvalidUtf8(Buffer.concat([ok, bad, ok]))).toBe(ok.length);
    }
    // The edges of each range, valid and not.
    expect(firstInvalidUtf8(bytes(0x7f, 0xc2, 0x80, 0xdf, 0xbf))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf, 0xed, 0x9f, 0xbf, 0xee, 0x80, 0x80))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0xe0, 0x9f, 0xbf))).toBe(1); // overlong U+07FF
    expect(firstInvalidUtf8(bytes(0x41, 0xf0, 0x8f, 0xbf, 0xbf))).toBe(1); // overlong U+FFFF
    expect(firstInvalidUtf8(bytes(0x41, 0xed, 0xbf, 0xbf))).toBe(1); // surrogate U+DFFF
    expect(firstInvalidUtf8(bytes(0x41, 0xf5, 0x80, 0x80, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x41, 0xc2, 0xc0))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x41, 0xf0, 0x90, 0x80))).toBe(1); // cut short at the end
  });
});

describe('decodeUtf8', () => {
  it('drops exactly one leading BOM unless asked to keep it', () => {
    const bom = bytes(0xef, 0xbb, 0xbf);
    expect(decodeUtf8(Buffer.concat([bom, Buffer.from('ab')]))).toBe('ab');
    expect(decodeUtf8(Buffer.concat([bom, bom, Buffer.from('ab')]))).toBe('\ufeffab');
    expect(decodeUtf8(Buffer.concat([bom, Buffer.from('ab')]), { keepBom: true })).toBe('\ufeffab');
    expect(decodeUtf8(Buffer.concat([bom, Buffer.from('ab')]), {})).toBe('ab');
    expect(decodeUtf8(Buffer.concat([Buffer.from('a'), bom]))).toBe('a\ufeff');
  });

  it('keeps characters that share two bytes with the BOM', () => {
    for (const c of ['\ufec0', '\ufe3f', '\ubeff']) {
      expect(Buffer.from(c, 'utf8').length).toBe(3);
      expect(decodeUtf8(Buffer.from(`${c}x`, 'utf8'))).toBe(`${c}x`);
    }
  });

  it('reads a Uint8Array view into a larger buffer, only its own bytes', () => {
    const whole = new Uint8Array(Buffer.from('xx\ufeffhéllo!yy', 'utf8'));
    const view = whole.subarray(2, whole.length - 2);
    expect(decodeUtf8(view)).toBe('héllo!');
    expect(decodeUtf8(view, { keepBom: true })).toBe('\ufeffhéllo!');
    expect(decodeUtf8(new Uint8Array([0x61, 0xff]))).toBeNull();
    expect(decodeUtf8(bytes(0xef, 0xbb))).toBeNull();
  });
});

describe('lineOfByte', () => {
  it('counts the line feeds before the offset, not the one at it', () => {
    const b = Buffer.from('ab\ncd\n\nx');
    expect([0, 1, 2, 3, 5, 6, 7, 8].map((o) => lineOfByte(b, o))).toEqual([1, 1, 1, 2, 2, 3, 4, 4]);
  });
});
