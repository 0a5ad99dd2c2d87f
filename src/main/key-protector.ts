import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that seals the installation's signing key (src/core/records/envelope-protector.ts),
 * itself sealed by the OS keychain through safeStorage and kept in the user-data folder. safeStorage
 * exists only in the main process (after `ready`), while the core runs in a utility process: main
 * unseals this key and passes it to the core in memory. On Linux without a secret service
 * safeStorage falls back to a hard-coded password ('basic_text'): no protection, so the key is
 * then not used and the core says the signing key is unprotected (records.signingInfo).
 */
export function loadKeyEncryptionKey(userData: string): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  const file = join(userData, 'signing-key-seal.bin');
  try {
    return safeStorage.decryptString(readFileSync(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      // A seal the keychain cannot open (another user, a reset keychain): never overwrite it, the
      // core then reports the key as locked instead of silently making a new identity.
      console.error(`Study Companion: the signing key's seal cannot be opened: ${(e as Error).message}`);
      return undefined;
    }
  }
  const kek = randomBytes(32).toString('base64');
  mkdirSync(userData, { recursive: true });
  writeFileSync(file, safeStorage.encryptString(kek), { flag: 'wx' });
  return kek;
}
