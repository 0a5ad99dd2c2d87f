import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * Ed25519 keys with node:crypto only (the minisign/signify pattern). Public keys travel as the
 * base64 of the raw 32-byte key: short enough to paste, and what the database stores.
 */
export interface KeyPair {
  /** PKCS#8 PEM, the private key file's content. */
  privateKeyPem: string;
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
}

export const PUBLIC_KEY_FILE_PREFIX = 'studypack-ed25519';

export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: rawPublicKey(publicKey),
  };
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Ed25519 key without x coordinate');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function privateKeyFromPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new AppError('INVALID_INPUT', 'The private key is not a PKCS#8 PEM key.', { reason: 'keys.notPkcs8' });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError('INVALID_INPUT', `The private key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519.`, {
      reason: 'keys.notEd25519',
    });
  }
  return key;
}

export function publicKeyFromPrivate(privateKeyPem: string): string {
  return rawPublicKey(createPublicKey(privateKeyFromPem(privateKeyPem)));
}

/**
 * The raw key bytes if `publicKey` is canonical base64 of exactly 32 bytes, else null. Canonical
 * (re-encoding gives the same text) so one key has one spelling: the database compares strings.
 */
export function decodePublicKey(publicKey: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(publicKey)) return null;
  const raw = Buffer.from(publicKey, 'base64');
  return raw.length === 32 && raw.toString('base64') === publicKey ? raw : null;
}

function publicKeyObject(publicKey: string): KeyObject | null {
  const raw = decodePublicKey(publicKey);
  if (!raw) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null; // not a point on the curve
  }
}

/** Human-comparable: "SHA256:" and the first 16 bytes of sha256(raw key), hex in groups of 2 bytes. */
export function fingerprint(publicKey: string): string {
  const raw = decodePublicKey(publicKey);
  if (!raw)
    throw new AppError('INVALID_INPUT', 'Not an Ed25519 public key (base64 of 32 bytes).', {
      reason: 'keys.badPublicKey',
    });
  const hex = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  return 'SHA256:' + (hex.match(/.{4}/g) ?? []).join(':');
}

/** Base64 Ed25519 signature of `data`. */
export function signBytes(data: Buffer, privateKeyPem: string): string {
  return sign(null, data, privateKeyFromPem(privateKeyPem)).toString('base64');
}

/** True only for a valid signature by `publicKey`; malformed keys or signatures are simply false. */
export function verifySignature(data: Buffer, publicKey: string, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  const sig = Buffer.from(signature, 'base64');
  if (sig.length !== 64 || sig.toString('base64') !== signature) return false;
  return verify(null, data, key, sig);
}

/** The public key file: one line `studypack-ed25519 <base64>`. */
export function formatPublicKeyFile(publicKey: string): string {
  return `${PUBLIC_KEY_FILE_PREFIX} ${publicKey}\n`;
}

export function parsePublicKeyFile(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const parts = lines.length === 1 ? lines[0]!.trim().split(/\s+/) : [];
  if (parts.length !== 2 || parts[0] !== PUBLIC_KEY_FILE_PREFIX) {
    throw new AppError('INVALID_INPUT', `A public key file is one line: "${PUBLIC_KEY_FILE_PREFIX} <base64 key>".`, {
      reason: 'keys.badPublicKeyFile',
    });
  }
  const key = parts[1]!;
  if (!publicKeyObject(key))
    throw new AppError('INVALID_INPUT', 'The public key file does not hold a valid Ed25519 key.', {
      reason: 'keys.badPublicKeyFile',
    });
  return key;
}
