import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/**
 * Reads a SQLite write-ahead log the way SQLite replays it (https://sqlite.org/fileformat.html,
 * "WAL file format") to find damage SQLite itself passes over in silence: it stops replaying at
 * the first frame whose checksum fails and drops that commit and every later one, without an
 * error. A frame from an earlier WAL generation (other salts) is not damage, it is stale; a
 * killed process leaves whole frames behind (the kernel finishes its write() calls), so a frame
 * of the current generation with a wrong checksum means the file was altered or the disk failed.
 */
export interface WalDamage {
  /** Index of the first frame that fails its checksum (-1: the WAL header itself). */
  frame: number;
  /** Commit frames at or after it, which SQLite will not replay. */
  lostCommits: number;
}

const HEADER = 32;
const FRAME_HEADER = 24;

function checksum(buf: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i + 8 <= buf.length; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export function walDamage(walFile: string): WalDamage | null {
  if (!existsSync(walFile) || statSync(walFile).size < HEADER) return null;
  const fd = openSync(walFile, 'r');
  try {
    const header = Buffer.alloc(HEADER);
    readSync(fd, header, 0, HEADER, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return { frame: -1, lostCommits: 0 };
    const bigEndian = (magic & 1) === 1;
    const pageSize = header.readUInt32BE(8);
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    let sum = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return { frame: -1, lostCommits: 0 };

    const frameSize = FRAME_HEADER + pageSize;
    const frames = Math.floor((statSync(walFile).size - HEADER) / frameSize);
    const frame = Buffer.alloc(frameSize);
    let damaged = -1;
    let lostCommits = 0;
    for (let i = 0; i < frames; i++) {
      readSync(fd, frame, 0, frameSize, HEADER + i * frameSize);
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) {
        if (damaged < 0) break; // stale frames of an earlier generation: the end of this log
        continue;
      }
      const isCommit = frame.readUInt32BE(4) !== 0;
      if (damaged >= 0) {
        if (isCommit) lostCommits++;
        continue;
      }
      const next = checksum(frame.subarray(FRAME_HEADER), bigEndian, checksum(frame.subarray(0, 8), bigEndian, sum));
      if (next[0] !== frame.readUInt32BE(16) || next[1] !== frame.readUInt32BE(20)) {
        damaged = i;
        if (isCommit) lostCommits++;
      } else sum = next;
    }
    return damaged >= 0 ? { frame: damaged, lostCommits } : null;
  } finally {
    closeSync(fd);
  }
}
