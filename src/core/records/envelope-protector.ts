import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyProtector } from './key-protector';

/**
 * A KeyProtector from a key-encryption key (envelope encryption): the signing key is sealed with
 * AES-256-GCM under `kek`, and the host keeps `kek` itself sealed by the OS keychain. The core runs
 * in an Electron utility process, where safeStorage does not exist, so main unseals the KEK at
 * start and hands it over in memory; at rest, a copy of the database and of the app's folder still
 * carries no usable key without the keychain.
 */
export function envelopeProtector(kek: Buffer): KeyProtector {
  if (kek.length !== 32) throw new Error('The key-encryption key must be 32 bytes.');
  return {
    available: true,
    protect: (bytes) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kek, iv);
      const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unprotect: (sealed) => {
      const decipher = createDecipheriv('aes-256-gcm', kek, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}
