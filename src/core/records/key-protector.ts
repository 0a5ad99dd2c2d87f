/**
 * Keeps the installation's private signing key encrypted at rest by the operating system's
 * keychain (Electron's safeStorage: DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
 * Linux). The core only sees this interface, so it stays free of Electron; a host passes one in
 * CoreOptions. Without one (the browser host, or an OS without a keychain) the key is stored as
 * before, unencrypted in the database, and `records.signingInfo` says so.
 *
 * What this protects: a copy of progress.sqlite (a backup, a stolen disk image) no longer carries
 * a usable key. What it does not: the participant, logged in to their own account, can still make
 * the app sign; that is why venues re-derive records from their evidence (docs/security.md).
 */
export interface KeyProtector {
  /** True when protect/unprotect work now (e.g. a keychain is unlocked and not a plain-text fallback). */
  readonly available: boolean;
  protect(bytes: Buffer): Buffer;
  unprotect(buf: Buffer): Buffer;
}

export const noKeyProtector: KeyProtector = {
  available: false,
  protect: () => {
    throw new Error('no key protector');
  },
  unprotect: () => {
    throw new Error('no key protector');
  },
};
