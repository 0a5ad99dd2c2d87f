import { createHash } from 'node:crypto';
import { z } from 'zod';
import { packError } from './issues';
import { decodePublicKey, publicKeyFromPrivate, signBytes } from './keys';
import { compareNames, pathProblem, SIGNATURE_FILE, SUMS_FILE } from './paths';

/**
 * The two files that make a pack signed (the signify/minisign pattern): SHA256SUMS lists the hash
 * of every other file, and SHA256SUMS.sig is an Ed25519 signature over SHA256SUMS's exact bytes.
 * Both have exactly one valid spelling, so no byte of them can change without detection.
 */

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** `<hex>  <path>\n` for every file, sorted by the UTF-8 bytes of the path. */
export function formatSums(files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): Buffer {
  return formatHashList(files.map((f) => ({ path: f.path, sha256: sha256Hex(f.bytes) })));
}

/** The same list from hashes computed elsewhere (media files are hashed while streamed from disk). */
export function formatHashList(files: ReadonlyArray<{ path: string; sha256: string }>): Buffer {
  const sorted = [...files].sort((a, b) => compareNames(a.path, b.path));
  return Buffer.from(sorted.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
}

const SUMS_LINE = /^([0-9a-f]{64}) {2}(.+)$/;

/** Path → hex hash. Any deviation from the canonical form is refused (PACK_SIGNATURE, sums-format). */
export function parseSums(bytes: Buffer, maxPathLength: number): Map<string, string> {
  const bad = (why: string) =>
    packError('PACK_SIGNATURE', 'sums-format', SUMS_FILE, `is not a valid hash list: ${why}`);
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw bad('not UTF-8');
  if (!text.endsWith('\n')) throw bad('it must end with a line feed');
  const out = new Map<string, string>();
  let previous: string | null = null;
  for (const [i, line] of text.slice(0, -1).split('\n').entries()) {
    const m = SUMS_LINE.exec(line);
    if (!m) throw bad(`line ${i + 1} is not "<64 lowercase hex>  <path>"`);
    const [, hash, path] = m as unknown as [string, string, string];
    if (pathProblem(path, maxPathLength) || path === SUMS_FILE || path === SIGNATURE_FILE) {
      throw bad(`line ${i + 1} lists a path that cannot be in the list ("${path}")`);
    }
    if (previous !== null && compareNames(previous, path) >= 0) throw bad(`line ${i + 1} is out of order or repeated`);
    previous = path;
    out.set(path, hash);
  }
  return out;
}

export interface SignatureFile {
  algorithm: 'ed25519';
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  /** Base64 of the 64-byte signature over SHA256SUMS. */
  signature: string;
}

const signatureSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  publicKey: z.string(),
  signature: z.string(),
});

export function formatSignatureFile(sig: SignatureFile): Buffer {
  const { algorithm, publicKey, signature } = sig;
  return Buffer.from(JSON.stringify({ algorithm, publicKey, signature }, null, 2) + '\n', 'utf8');
}

export function signSums(sums: Buffer, privateKeyPem: string): SignatureFile {
  return {
    algorithm: 'ed25519',
    publicKey: publicKeyFromPrivate(privateKeyPem),
    signature: signBytes(sums, privateKeyPem),
  };
}

/** Shape only (the signature itself is checked by the caller); refused as PACK_SIGNATURE, signature-format. */
export function parseSignatureFile(bytes: Buffer): SignatureFile {
  const bad = (why: string) =>
    packError('PACK_SIGNATURE', 'signature-format', SIGNATURE_FILE, `is not a valid signature file: ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('not JSON');
  }
  const r = signatureSchema.safeParse(value);
  if (!r.success) throw bad('expected {"algorithm": "ed25519", "publicKey": "...", "signature": "..."}');
  if (!decodePublicKey(r.data.publicKey)) throw bad('publicKey is not base64 of a 32-byte Ed25519 key');
  if (!formatSignatureFile(r.data).equals(bytes)) throw bad('not in the canonical form the builder writes');
  return r.data;
}
