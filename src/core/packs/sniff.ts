import { mediaExtension } from '../../shared/pack/media';

/**
 * What a media file's first bytes say it is, checked against its extension: a file named .mp4
 * that is really a PDF (or an executable) is refused, so the type both hosts serve it with is true.
 * Only the signatures of the types a pack may carry; anything else is unknown.
 */
const ascii = (b: Buffer, at: number, s: string) => b.subarray(at, at + s.length).toString('latin1') === s;

const checks: Record<string, (b: Buffer) => boolean> = {
  mp4: (b) => ascii(b, 4, 'ftyp'),
  m4a: (b) => ascii(b, 4, 'ftyp'),
  webm: (b) => b.readUInt32BE(0) === 0x1a45dfa3 && b.includes('webm', 0, 'latin1'),
  weba: (b) => b.readUInt32BE(0) === 0x1a45dfa3 && b.includes('webm', 0, 'latin1'),
  opus: (b) => ascii(b, 0, 'OggS'),
  mp3: (b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  pdf: (b) => ascii(b, 0, '%PDF-'),
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'),
};

/** True when `head` (the file's first bytes, 64 are enough) has the signature its extension promises. */
export function contentMatchesExtension(path: string, head: Buffer): boolean {
  const check = checks[mediaExtension(path)];
  if (!check || head.length < 12) return false;
  return check(head);
}
