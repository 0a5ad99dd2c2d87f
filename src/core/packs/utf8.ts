import { isUtf8 } from 'node:buffer';

/*
 * Strict UTF-8: invalid bytes are an error, never silently replaced with U+FFFD, because the
 * signed hash covers bytes and the learner must see exactly the text the publisher signed.
 */

/**
 * The text, or null if the bytes are not valid UTF-8. A leading BOM is removed unless `keepBom`
 * (names must decode exactly: a dropped BOM would make two different names look equal).
 * isUtf8 (simdutf) then toString is several times faster than a fatal TextDecoder on large files.
 */
export function decodeUtf8(bytes: Uint8Array, opts?: { keepBom?: boolean }): string | null {
  if (!isUtf8(bytes)) return null;
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = !opts?.keepBom && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return buf.toString('utf8', bom);
}

/** Offset of the first byte that breaks UTF-8 (for error messages); -1 if the bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of byte `offset` (counting LF bytes before it). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
