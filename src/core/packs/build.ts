import { lstat, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { AppError } from '../../shared/errors';
import { loadPackContents, type PackReader } from './contents';
import { PackValidationError } from './issues';
import { publicKeyFromPrivate } from './keys';
import { resolveLimits, type PackLimits } from './limits';
import { compareNames, MANIFEST_FILE, SIGNATURE_FILE, SUMS_FILE } from './paths';
import { formatHashList, formatSignatureFile, sha256Hex, signSums } from './sums';
import type { AuthoredPack, VerifiedPack } from './types';
import { verifyPack, verifyPackFile } from './verify';
import { writeZip, writeZipFile, type ZipInput } from './zip/write';
import { collectAuthoredMedia, type AuthoredMediaFile, type DurationProbe } from './authoredMedia';

/**
 * Authoring folder -> signed .studypack. Everything is validated before anything is written, with
 * the same loader the app's verifier uses, and the finished file is then verified once more: a
 * pack the app would refuse must fail here, on the author's machine, not at a venue.
 */

function errorCode(e: unknown): string {
  return String((e as { code?: unknown } | null)?.code ?? 'unknown error');
}

/** Reads pack paths from the folder; refuses links, non-files, oversized files and escapes. */
function folderReader(root: string, limits: PackLimits): PackReader {
  return async (path) => {
    const full = join(root, ...path.split('/'));
    let info;
    try {
      info = await lstat(full);
    } catch (e) {
      const code = errorCode(e);
      return code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : `cannot be read (${code})`;
    }
    if (info.isSymbolicLink()) return 'is a symbolic link; a pack takes regular files only';
    if (!info.isFile()) return 'is not a regular file';
    if (info.size > limits.maxEntryBytes) return `is ${info.size} bytes; the limit per file is ${limits.maxEntryBytes}`;
    // A linked parent folder could still lead outside the pack folder.
    if (!(await realpath(full)).startsWith(root + sep)) return 'lies outside the pack folder (through a linked folder)';
    return readFile(full);
  };
}

async function packRoot(folder: string): Promise<string> {
  try {
    if ((await stat(folder)).isDirectory()) return await realpath(folder);
  } catch {
    // reported below
  }
  throw new AppError('INVALID_INPUT', `"${folder}" is not a folder.`, {
    reason: 'pack.folder',
    entry: null,
    rule: 'folder',
  });
}

export interface BuildOptions {
  limits?: Partial<PackLimits>;
  /** Probes a recording's duration when the manifest leaves it out (`studypack` runs ffprobe). */
  probeDuration?: DurationProbe;
}

/** Loads and checks an authoring folder without building anything. Throws PackValidationError. */
export async function validatePackFolder(folder: string, options?: BuildOptions): Promise<AuthoredPack> {
  const limits = resolveLimits(options?.limits);
  const root = await packRoot(folder);
  const read = folderReader(root, limits);
  // Media first: they are checked on disk (never read into memory), and a probed duration is
  // written into the manifest the pack carries.
  let manifestBytes = await read(MANIFEST_FILE);
  let media: AuthoredMediaFile[] = [];
  if (Buffer.isBuffer(manifestBytes)) {
    let value: unknown = null;
    try {
      value = JSON.parse(manifestBytes.toString('utf8'));
    } catch {
      // the loader below reports it with line and column
    }
    if ((value as { format?: unknown } | null)?.format === 2) {
      const found = await collectAuthoredMedia(root, value, limits, options?.probeDuration);
      if (found.issues.length) throw new PackValidationError(found.issues);
      media = found.files;
      if (found.changed) manifestBytes = Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
    }
  }
  const manifest = manifestBytes;
  const loaded = await loadPackContents(async (path) => (path === MANIFEST_FILE ? manifest : read(path)), limits);
  const files = [...loaded.files]
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => compareNames(a.path, b.path));
  const text = files.reduce((n, f) => n + f.bytes.length, 0);
  const total = text + media.reduce((n, f) => n + f.size, 0);
  for (const [size, limit, rule] of [
    [text, limits.maxTextBytes, 'text-too-large'],
    [total, limits.maxTotalBytes, 'total-too-large'],
  ] as const) {
    if (size > limit) {
      throw new PackValidationError([
        { entry: null, rule, message: `the files add up to ${size} bytes; the limit is ${limit}` },
      ]);
    }
  }
  return { ...loaded.contents, folder: root, files, media };
}

async function signedEntries(folder: string, privateKeyPem: string, options?: BuildOptions): Promise<ZipInput[]> {
  publicKeyFromPrivate(privateKeyPem); // a bad key fails before any work
  const pack = await validatePackFolder(folder, options);
  const sums = formatHashList([
    ...pack.files.map((f) => ({ path: f.path, sha256: sha256Hex(f.bytes) })),
    ...pack.media.map((m) => ({ path: m.path, sha256: m.sha256 })),
  ]);
  const signature = formatSignatureFile(signSums(sums, privateKeyPem));
  return [
    ...pack.files,
    ...pack.media.map((m) => ({ path: m.path, file: m.file, size: m.size, crc32: m.crc32 })),
    { path: SUMS_FILE, bytes: sums },
    { path: SIGNATURE_FILE, bytes: signature },
  ];
}

function refusedBuild(e: unknown): never {
  if (!(e instanceof AppError)) throw e;
  throw new AppError(e.code, `The built pack would be refused by the app: ${e.message}`, e.detail);
}

/** Builds the signed, deterministic .studypack bytes for `folder` (nothing is written to disk). */
export async function buildPack(folder: string, privateKeyPem: string, options?: BuildOptions): Promise<Buffer> {
  const bytes = await writeZip(await signedEntries(folder, privateKeyPem, options));
  await verifyPack(bytes, options).catch(refusedBuild);
  return bytes;
}

/**
 * The same pack streamed to `output` (through a temporary file, renamed once verified), in
 * constant memory: the way to build a pack of recordings.
 */
export async function buildPackToFile(
  folder: string,
  privateKeyPem: string,
  output: string,
  options?: BuildOptions,
): Promise<VerifiedPack> {
  const entries = await signedEntries(folder, privateKeyPem, options);
  const tmp = `${output}.tmp-${process.pid}`;
  try {
    await writeZipFile(entries, tmp);
    const pack = await verifyPackFile(tmp, options).catch(refusedBuild);
    await rename(tmp, output);
    return pack;
  } finally {
    await rm(tmp, { force: true });
  }
}
