import type { Reply } from './errors';

/**
 * The messages between a host (Electron main, the browser host) and the core, which runs in its
 * own thread or process (an Electron utilityProcess, a Node worker thread) so a long job never
 * blocks a window or the HTTP server. Every value crosses by structured clone: plain data only.
 */
export interface CoreInit {
  dataDir: string;
  appName: string;
  appVersion: string;
  builtin?: { packFile: string; publicKey: string; publisherName: string } | undefined;
  /** better-sqlite3 compiled for Electron's ABI, when the core runs inside Electron. */
  nativeBinding?: string | undefined;
  /** How long a browser tab may stay silent before its PIN profile is signed out. */
  idleSignOutMs?: number | undefined;
  /**
   * Base64 of the 32-byte key that seals the signing key, unsealed by the host from the OS keychain
   * (Electron's safeStorage); absent where there is no keychain (the key then stays unsealed).
   */
  keyEncryptionKey?: string | undefined;
}

/** Who is calling: the browser host passes its client's session, Electron its one window. */
export interface CallContext {
  clientId?: string;
}

/** Calls only a host makes (never the page): they take file paths the host chose or wrote. */
export interface HostOps {
  /** A file the participant picked (Electron: native dialog) or the host streamed to disk. */
  'uploads.adopt': {
    args: { path: string; fileName: string; owned: boolean };
    result: { uploadId: string; fileName: string; size: number };
  };
}
export type HostOpName = keyof HostOps;

export type ToCore =
  | { type: 'init'; options: CoreInit }
  | { type: 'call'; id: number; name: string; input: unknown; context?: CallContext | undefined }
  | { type: 'op'; id: number; name: HostOpName; args: unknown }
  | { type: 'close' };

export type FromCore =
  | { type: 'ready' }
  | { type: 'failed'; message: string; code?: string | undefined }
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'closed' };
