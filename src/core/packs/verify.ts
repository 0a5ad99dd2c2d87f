import type yauzl from 'yauzl';
import { createHash } from 'node:crypto';
import { loadPackContents, referencedPaths } from './contents';
import { packError, PackValidationError } from './issues';
import { fingerprint, verifySignature } from './keys';
import { resolveLimits, type PackLimits } from './limits';
import { MANIFEST_FILE, SIGNATURE_FILE, SUMS_FILE } from './paths';
import { parseSignatureFile, parseSums } from './sums';
import type { VerifiedPack } from './types';
import { readEndRecord } from './zip/endRecord';
import { EntryRules } from './zip/entryRules';
import { checkLayout, type ListedEntry } from './zip/layout';
import { inOrder } from './inOrder';
import { nextEntry, openZip, readEntryData } from './zip/read';

/**
 * Checks a .studypack completely, in memory, before the caller may use (or write) anything:
 *   1. zip structure and safe-extraction rules on every header (nothing inflated yet),
 *   2. the Ed25519 signature over SHA256SUMS, with the key embedded in SHA256SUMS.sig,
 *   3. every file against SHA256SUMS: all listed, none missing, every hash equal,
 *   4. the manifest and session files against the schema and each other.
 * Whether the signer is trusted is the caller's decision: the key and its fingerprint are returned.
 * Every refusal is an AppError: PACK_UNSAFE (extraction rule), PACK_SIGNATURE (signature, hashes),
 * PACK_INVALID (not a zip, damaged, schema), with `detail: { entry, rule }`.
 */
export async function verifyPack(bytes: Buffer, options?: { limits?: Partial<PackLimits> }): Promise<VerifiedPack> {
  const limits = resolveLimits(options?.limits);
  if (bytes.length > limits.maxFileBytes) {
    throw packError(
      'PACK_UNSAFE',
      'pack-too-large',
      null,
      `The file is ${bytes.length} bytes; packs are limited to ${limits.maxFileBytes}.`,
      { size: bytes.length, limit: limits.maxFileBytes },
    );
  }
  // 1. Structure and extraction rules.
  const end = readEndRecord(bytes);
  if (end.entryCount > limits.maxEntries) {
    throw packError(
      'PACK_UNSAFE',
      'too-many-entries',
      null,
      `The zip has ${end.entryCount} entries; the limit is ${limits.maxEntries}.`,
      { count: end.entryCount, limit: limits.maxEntries },
    );
  }
  const zip = await openZip(bytes);
  try {
    const entries = await listEntries(zip, limits);
    checkLayout(bytes, entries, end);
    return await verifyContents(bytes, zip, entries, limits);
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
  bytes: Buffer,
  zip: yauzl.ZipFile,
  entries: ListedEntry[],
  limits: PackLimits,
): Promise<VerifiedPack> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const read = async (e: ListedEntry) => (await readEntryData(zip, e.entry, e.name)).data;

  // 2. Signature over the hash list.
  const sumsEntry = byName.get(SUMS_FILE);
  const sigEntry = byName.get(SIGNATURE_FILE);
  if (!sumsEntry || !sigEntry) {
    const missing = sumsEntry ? SIGNATURE_FILE : SUMS_FILE;
    throw packError('PACK_SIGNATURE', 'unsigned', missing, 'The pack is not signed: this file is missing.');
  }
  const sums = await read(sumsEntry);
  const sig = parseSignatureFile(await read(sigEntry));
  if (!verifySignature(sums, sig.publicKey, sig.signature)) {
    throw packError(
      'PACK_SIGNATURE',
      'bad-signature',
      SIGNATURE_FILE,
      'The signature does not match the hash list: the pack was altered or signed with another key.',
    );
  }

  // 3. Every other file, exactly the listed ones, with the listed hashes.
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
  // Each entry goes straight into `files` once its hash matches (no second array of results), and
  // leaves it when the loader takes it, so its bytes can be freed as soon as they are decoded.
  const files = new Map<string, Buffer>();
  const toHash = entries.filter((e) => listed.has(e.name));
  await inOrder(toHash, HASH_CONCURRENCY, async (e) => {
    const r = await readEntryData(zip, e.entry, e.name);
    if (r.sha256 !== listed.get(e.name)) {
      throw packError('PACK_SIGNATURE', 'hash-mismatch', e.name, 'The file does not match its signed SHA-256 hash.');
    }
    files.set(e.name, r.data);
  });

  // 4. Meaning: the same loader the builder uses, on signed bytes only.
  const take = (path: string): Buffer | undefined => {
    const data = files.get(path);
    files.delete(path);
    return data;
  };
  const loaded = await loadPackContents(async (path) => take(path) ?? 'is not in the pack', limits, {
    keepBytes: false,
  });
  const referenced = new Set([MANIFEST_FILE, ...referencedPaths(loaded.contents.manifest).map((r) => r.path)]);
  const unreferenced = toHash.map((e) => e.name).filter((p) => !referenced.has(p));
  if (unreferenced[0] !== undefined) {
    throw new PackValidationError(
      unreferenced.map((entry) => ({
        entry,
        rule: 'unreferenced-file',
        message: `is not referenced by ${MANIFEST_FILE}`,
      })),
    );
  }
  return {
    ...loaded.contents,
    publicKey: sig.publicKey,
    fingerprint: fingerprint(sig.publicKey),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    files: entries.map(({ name, entry }) => ({
      path: name,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
    })),
  };
}
