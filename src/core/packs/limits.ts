/**
 * Hard limits a pack must stay within. They are checked on the zip's declared sizes before a
 * single byte is inflated, and again while inflating (a zip may lie about its sizes), so a hostile
 * file can never make the app allocate more than `maxTextBytes`, write more than `maxTotalBytes`
 * or spin on a decompression bomb. Media entries are stored, so their declared size is their size.
 * The builder applies the same limits so an author learns at build time, not at a venue.
 */
export interface PackLimits {
  /** Entries in the zip, including manifest.json, SHA256SUMS and SHA256SUMS.sig. */
  readonly maxEntries: number;
  /** Uncompressed size of one compressed (text) entry: text is held in memory and stored in SQLite. */
  readonly maxEntryBytes: number;
  /** Uncompressed size of all compressed (text) entries together: what verification holds in memory. */
  readonly maxTextBytes: number;
  /** manifest.json, SHA256SUMS and its signature: read before anything else is trusted. */
  readonly maxMetaBytes: number;
  /** One media file (stored uncompressed, streamed to disk, never held in memory). */
  readonly maxMediaEntryBytes: number;
  /** Every entry together, media included: what an install writes to disk. */
  readonly maxTotalBytes: number;
  /** The .studypack file itself; a little above maxTotalBytes because deflate can grow random data. */
  readonly maxFileBytes: number;
  /** Largest uncompressed:compressed ratio accepted for entries above `ratioFloorBytes`. */
  readonly maxCompressionRatio: number;
  /** Small entries may compress extremely well (a run of spaces) without being dangerous. */
  readonly ratioFloorBytes: number;
  /** Longest entry name or manifest path, in characters. */
  readonly maxPathLength: number;
}

const MiB = 1024 * 1024;

export const PACK_LIMITS: PackLimits = Object.freeze({
  maxEntries: 2000,
  maxEntryBytes: 64 * MiB,
  maxTextBytes: 256 * MiB,
  maxMetaBytes: 4 * MiB,
  // A zip without zip64 ends below 4 GiB: media files and the whole pack stay within it.
  maxMediaEntryBytes: 0xffff_0000,
  maxTotalBytes: 0xffff_0000,
  maxFileBytes: 0xffff_ffff,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxPathLength: 200,
});

export function resolveLimits(overrides?: Partial<PackLimits>): PackLimits {
  return overrides ? { ...PACK_LIMITS, ...overrides } : PACK_LIMITS;
}
