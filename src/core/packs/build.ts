import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { AppError } from '../../shared/errors';
import { loadPackContents, type PackReader } from './contents';
import { PackValidationError } from './issues';
import { publicKeyFromPrivate } from './keys';
import { resolveLimits, type PackLimits } from './limits';
import { compareNames, SIGNATURE_FILE, SUMS_FILE } from './paths';
import { formatSignatureFile, formatSums, signSums } from './sums';
import type { AuthoredPack } from './types';
import { verifyPack } from './verify';
import { writeZip } from './zip/write';

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

/** Loads and checks an authoring folder without building anything. Throws PackValidationError. */
export async function validatePackFolder(
  folder: string,
  options?: { limits?: Partial<PackLimits> },
): Promise<AuthoredPack> {
  const limits = resolveLimits(options?.limits);
  const root = await packRoot(folder);
  const loaded = await loadPackContents(folderReader(root, limits), limits);
  const files = [...loaded.files]
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => compareNames(a.path, b.path));
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > limits.maxTotalBytes) {
    throw new PackValidationError([
      {
        entry: null,
        rule: 'total-too-large',
        message: `the files add up to ${total} bytes; the limit is ${limits.maxTotalBytes}`,
      },
    ]);
  }
  return { ...loaded.contents, folder: root, files };
}

/** Builds the signed, deterministic .studypack bytes for `folder` (nothing is written to disk). */
export async function buildPack(
  folder: string,
  privateKeyPem: string,
  options?: { limits?: Partial<PackLimits> },
): Promise<Buffer> {
  publicKeyFromPrivate(privateKeyPem); // a bad key fails before any work
  const pack = await validatePackFolder(folder, options);
  const sums = formatSums(pack.files);
  const signature = formatSignatureFile(signSums(sums, privateKeyPem));
  const bytes = await writeZip([
    ...pack.files,
    { path: SUMS_FILE, bytes: sums },
    { path: SIGNATURE_FILE, bytes: signature },
  ]);
  try {
    await verifyPack(bytes, options);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    throw new AppError(e.code, `The built pack would be refused by the app: ${e.message}`, e.detail);
  }
  return bytes;
}
