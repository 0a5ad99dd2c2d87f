import { safeStorage } from 'electron';
import type { KeyProtector } from '../core/records/key-protector';

/**
 * The OS keychain through Electron's safeStorage, for the installation's signing key. Use after
 * app 'ready' (safeStorage needs it) and in the main process (it is not available in a
 * utilityProcess: a core moved there needs these two calls forwarded from main).
 * On Linux without a secret service safeStorage falls back to a hard-coded password
 * ('basic_text'): that is no protection, so it counts as unavailable and the core says so.
 */
export function electronKeyProtector(): KeyProtector {
  return {
    get available() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
    },
    // encryptString takes text: base64 carries the bytes through unchanged.
    protect: (bytes) => safeStorage.encryptString(bytes.toString('base64')),
    unprotect: (buf) => Buffer.from(safeStorage.decryptString(buf), 'base64'),
  };
}
