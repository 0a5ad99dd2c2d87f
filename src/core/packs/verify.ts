import type yauzl from 'yauzl';
import { MEDIA_TYPES, mediaExtension } from '../../shared/pack/media';
import type { Manifest } from '../../shared/pack/schema';
import { loadPackContents, mediaPaths, parseManifest, textPaths } from './contents';
import { inOrder } from './inOrder';
import { packError, PackValidationError, type PackIssue } from './issues';
import { fingerprint, verifySignature } from './keys';
import { resolveLimits, type PackLimits } from './limits';
import { MANIFEST_FILE, SIGNATURE_FILE, SUMS_FILE } from './paths';
import { contentMatchesExtension } from './sniff';
import { bufferSource, fileSource, type PackSource } from './source';
import { parseSignatureFile, parseSums } from './sums';
import type { VerifiedMedia, VerifiedPack } from './types';
import { METHOD_STORE } from './zip/canonical';
import { END_SEARCH_BYTES, readEndRecord } from './zip/endRecord';
import { EntryRules } from './zip/entryRules';
import { checkLayout, type ListedEntry } from './zip/layout';
import { PASS_CHUNK, streamPass, type PassOptions } from './zip/pass';
import { nextEntry, readEntryData } from './zip/read';

/** What an install will write, known once the headers, signature and manifest are checked. */
export interface PackPlan {
  manifest: Manifest;
  publicKey: string;
  fingerprint: string;
  fileBytes: number;
  /** Every entry's declared uncompressed size, added up. */
  totalBytes: number;
  mediaBytes: number;
  mediaCount: number;
}

export interface VerifyOptions {
  limits?: Partial<PackLimits>;
  /** Runs before any entry but the manifest and the hash list is inflated or written (free-space check). */
  beforeData?: (plan: PackPlan) => void | Promise<void>;
  /** Where each media file's bytes go while they are checked (a staging file); nowhere if absent. */
  sink?: PassOptions['sink'];
  /** Bytes of the file read so far, of `total`. */
  onBytes?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Checks a .studypack completely before the caller may use anything:
 *   1. zip structure and safe-extraction rules on every header (nothing inflated yet),
 *   2. the Ed25519 signature over SHA256SUMS, with the key embedded in SHA256SUMS.sig,
 *   3. the file list against SHA256SUMS, the manifest, and every entry against the manifest: no
 *      unreferenced entry, media stored and text compressed, sizes within the limits (still
 *      nothing inflated but the manifest and the hash list),
 *   4. the text entries (inflated into memory, bounded by maxTextBytes) against their hashes, then
 *      one sequential pass over the file: its own hash, and each media entry's hash and CRC while
 *      its bytes stream to the caller's sink; the first mismatch refuses the pack,
 *   5. the manifest and session files against the schema and each other; media types by content.
 * Whether the signer is trusted is the caller's decision: the key and its fingerprint are returned.
 * Every refusal is an AppError: PACK_UNSAFE (extraction rule), PACK_SIGNATURE (signature, hashes),
 * PACK_INVALID (not a zip, damaged, schema), with `detail: { entry, rule }`.
 */
export async function verifyPack(bytes: Buffer, options?: VerifyOptions): Promise<VerifiedPack> {
  return verifySource(bufferSource(bytes), options);
}

/** The same checks reading the pack from disk: memory stays flat whatever the pack's size. */
export async function verifyPackFile(path: string, options?: VerifyOptions): Promise<VerifiedPack> {
  const source = await fileSource(path);
  try {
    return await verifySource(source, options);
  } finally {
    await source.close();
  }
}

async function verifySource(source: PackSource, options: VerifyOptions = {}): Promise<VerifiedPack> {
  const limits = resolveLimits(options.limits);
  if (source.size > limits.maxFileBytes) {
    throw packError(
      'PACK_UNSAFE',
      'pack-too-large',
      null,
      `The file is ${source.size} bytes; packs are limited to ${limits.maxFileBytes}.`,
      { size: source.size, limit: limits.maxFileBytes },
    );
  }
  // 1. Structure and extraction rules.
  const tailLength = Math.min(source.size, END_SEARCH_BYTES);
  const end = readEndRecord(
    await source.read(source.size - tailLength, tailLength),
    source.size,
    await source.read(0, 4),
  );
  if (end.entryCount > limits.maxEntries) {
    throw packError(
      'PACK_UNSAFE',
      'too-many-entries',
      null,
      `The zip has ${end.entryCount} entries; the limit is ${limits.maxEntries}.`,
      { count: end.entryCount, limit: limits.maxEntries },
    );
  }
  const zip = await source.openZip();
  try {
    const entries = await listEntries(zip, limits);
    await checkLayout(source.read, entries, end);
    return await verifyContents(source, zip, entries, limits, options);
  } finally {
    zip.close();
  }
}

/** Entries inflated at once: zlib runs on the thread pool, so two keep two cores busy. */
const HASH_CONCURRENCY = 2;

async function listEntries(zip: yauzl.ZipFile, limits: PackLimits): Promise<ListedEntry[]> {
  const rules = new EntryRules(limits);
  const entries: ListedEntry[] = [];
  for (let e = await nextEntry(zip); e; e = await nextEntry(zip)) entries.push({ name: rules.check(e), entry: e });
  return entries;
}

async function verifyContents(
  source: PackSource,
  zip: yauzl.ZipFile,
  entries: ListedEntry[],
  limits: PackLimits,
  options: VerifyOptions,
): Promise<VerifiedPack> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  /** The small files read before anything is trusted; a huge declared size is refused unread. */
  const readMeta = async (e: ListedEntry) => {
    if (e.entry.uncompressedSize > limits.maxMetaBytes) {
      throw packError(
        'PACK_UNSAFE',
        'entry-too-large',
        e.name,
        `The entry is ${e.entry.uncompressedSize} bytes; the limit for this file is ${limits.maxMetaBytes}.`,
      );
    }
    return readEntryData(zip, e.entry, e.name);
  };

  // 2. Signature over the hash list.
  const sumsEntry = byName.get(SUMS_FILE);
  const sigEntry = byName.get(SIGNATURE_FILE);
  if (!sumsEntry || !sigEntry) {
    const missing = sumsEntry ? SIGNATURE_FILE : SUMS_FILE;
    throw packError('PACK_SIGNATURE', 'unsigned', missing, 'The pack is not signed: this file is missing.');
  }
  const sums = (await readMeta(sumsEntry)).data;
  const sig = parseSignatureFile((await readMeta(sigEntry)).data);
  if (!verifySignature(sums, sig.publicKey, sig.signature)) {
    throw packError(
      'PACK_SIGNATURE',
      'bad-signature',
      SIGNATURE_FILE,
      'The signature does not match the hash list: the pack was altered or signed with another key.',
    );
  }

  // 3. Every other file, exactly the listed ones; then what the manifest says each one is.
  const listed = parseSums(sums, limits.maxPathLength);
  for (const { name } of entries) {
    if (name !== SUMS_FILE && name !== SIGNATURE_FILE && !listed.has(name)) {
      throw packError('PACK_SIGNATURE', 'unlisted-file', name, 'This file is not in the signed hash list.');
    }
  }
  for (const path of listed.keys()) {
    if (!byName.has(path)) {
      const message = 'The signed hash list names this file but the pack does not contain it.';
      throw packError('PACK_SIGNATURE', 'listed-file-missing', path, message);
    }
  }
  const manifestEntry = byName.get(MANIFEST_FILE);
  if (!manifestEntry) {
    throw new PackValidationError([{ entry: MANIFEST_FILE, rule: 'missing-file', message: 'is not in the pack' }]);
  }
  const manifestData = await readMeta(manifestEntry);
  if (manifestData.sha256 !== listed.get(MANIFEST_FILE)) {
    throw packError(
      'PACK_SIGNATURE',
      'hash-mismatch',
      MANIFEST_FILE,
      'The file does not match its signed SHA-256 hash.',
    );
  }
  const { manifest } = parseManifest(manifestData.data, limits);
  const texts = new Set(textPaths(manifest).map((r) => r.path));
  const medias = mediaPaths(manifest);
  const mediaSet = new Set(medias.map((r) => r.path));
  const toCheck = entries.filter((e) => listed.has(e.name) && e.name !== MANIFEST_FILE);
  const unreferenced = toCheck.filter((e) => !texts.has(e.name) && !mediaSet.has(e.name));
  if (unreferenced[0] !== undefined) {
    throw new PackValidationError(
      unreferenced.map((e) => ({
        entry: e.name,
        rule: 'unreferenced-file',
        message: `is not referenced by ${MANIFEST_FILE}`,
      })),
    );
  }
  const missingMedia: PackIssue[] = medias
    .filter((r) => !byName.has(r.path))
    .map((r) => ({ entry: r.path, rule: 'missing-file', message: 'is named in manifest.json but not in the pack' }));
  if (missingMedia.length) throw new PackValidationError(missingMedia);
  // Every entry, the manifest and the two signature files included: the builder deflates them too,
  // and a pack has exactly one layout (canonical.ts).
  for (const e of entries) {
    const isMedia = mediaSet.has(e.name);
    if (isMedia !== (e.entry.compressionMethod === METHOD_STORE)) {
      throw packError(
        'PACK_INVALID',
        'noncanonical-zip',
        e.name,
        isMedia
          ? 'A media file must be stored uncompressed, as the pack builder writes it.'
          : 'A text file must be compressed, as the pack builder writes it.',
      );
    }
  }
  const mediaEntries = toCheck.filter((e) => mediaSet.has(e.name));
  const plan: PackPlan = {
    manifest,
    publicKey: sig.publicKey,
    fingerprint: fingerprint(sig.publicKey),
    fileBytes: source.size,
    totalBytes: entries.reduce((n, e) => n + e.entry.uncompressedSize, 0),
    mediaBytes: mediaEntries.reduce((n, e) => n + e.entry.uncompressedSize, 0),
    mediaCount: mediaEntries.length,
  };
  await options.beforeData?.(plan);

  // 4. Text in memory (bounded), then one pass over the file for its hash and the media.
  const files = new Map<string, Buffer>([[MANIFEST_FILE, manifestData.data]]);
  await inOrder(
    toCheck.filter((e) => texts.has(e.name)),
    HASH_CONCURRENCY,
    async (e) => {
      options.signal?.throwIfAborted();
      const r = await readEntryData(zip, e.entry, e.name);
      if (r.sha256 !== listed.get(e.name)) {
        throw packError('PACK_SIGNATURE', 'hash-mismatch', e.name, 'The file does not match its signed SHA-256 hash.');
      }
      files.set(e.name, r.data);
    },
  );
  const pass = await streamPass(source.chunks(PASS_CHUNK), entries, {
    streamed: new Map(mediaEntries.map((e) => [e.name, listed.get(e.name)!])),
    ...(options.sink ? { sink: options.sink } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onBytes: (done) => options.onBytes?.(done, source.size),
  });
  const badType = mediaEntries.filter(
    (e) => !contentMatchesExtension(e.name, pass.heads.get(e.name) ?? Buffer.alloc(0)),
  );
  if (badType[0] !== undefined) {
    throw new PackValidationError(
      badType.map((e) => ({
        entry: e.name,
        rule: 'media-type-mismatch',
        message: `its content is not what its extension ".${mediaExtension(e.name)}" says`,
      })),
    );
  }

  // Caption files are text (checked in memory) but served like media: they go to the sink too.
  const captionPaths = manifest.sessions.flatMap((s) =>
    (s.media ?? []).flatMap((m) => (m.captions ?? []).map((c) => c.path)),
  );
  if (options.sink) {
    for (const path of new Set(captionPaths)) {
      const bytes = files.get(path);
      if (!bytes) continue;
      const sink = await options.sink(path, listed.get(path)!, bytes.length);
      await sink.write(bytes);
      await sink.finish();
    }
  }

  // 5. Meaning: the same loader the builder uses, on signed bytes only.
  const take = (path: string): Buffer | undefined => {
    const data = files.get(path);
    files.delete(path);
    return data;
  };
  const loaded = await loadPackContents(async (path) => take(path) ?? 'is not in the pack', limits, {
    keepBytes: false,
  });
  const item = (path: string, sessionId: string, kind: VerifiedMedia['kind'], mime: string): VerifiedMedia => ({
    path,
    sessionId,
    kind,
    sha256: listed.get(path)!,
    size: byName.get(path)!.entry.uncompressedSize,
    mime,
  });
  const media: VerifiedMedia[] = manifest.sessions.flatMap((s) =>
    (s.media ?? []).flatMap((m) => [
      item(m.path, s.id, m.kind, MEDIA_TYPES[mediaExtension(m.path)]!.mime),
      ...(m.captions ?? []).map((c) => item(c.path, s.id, 'captions', 'text/vtt')),
    ]),
  );
  return {
    ...loaded.contents,
    publicKey: sig.publicKey,
    fingerprint: fingerprint(sig.publicKey),
    sha256: pass.sha256,
    files: entries.map(({ name, entry }) => ({
      path: name,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
    })),
    media,
  };
}
