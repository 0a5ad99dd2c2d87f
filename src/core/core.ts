import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Notice } from '../shared/contract/app';
import { writeBackup } from './db/backup';
import { latestVersion } from './db/migrate';
import { openDatabase } from './db/open';
import { Library } from './library/library';
import { Uploads } from './library/uploads';
import { fingerprint } from './packs/keys';
import { Profiles } from './profiles/profiles';
import { SettingsStore } from './settings';
import { systemClock, type Clock } from './time';

export interface CoreOptions {
  dataDir: string;
  appName: string;
  appVersion: string;
  /** The signed pack shipped with the app and its publisher's public key (base64 raw Ed25519). */
  builtin?: { packFile: string; publicKey: string; publisherName: string };
  clock?: Clock;
  /** better-sqlite3 compiled for Electron's ABI, when running inside Electron. */
  nativeBinding?: string | undefined;
}

/** Everything the app does, in plain Node: both hosts (Electron, browser) wrap one of these. */
export class Core {
  readonly settings: SettingsStore;
  readonly profiles: Profiles;
  readonly library: Library;
  readonly uploads: Uploads;
  readonly clock: Clock;
  notices: Notice[];
  private closed = false;

  private constructor(
    readonly db: Database.Database,
    readonly options: CoreOptions,
    notices: Notice[],
  ) {
    this.clock = options.clock ?? systemClock;
    this.notices = notices;
    this.settings = new SettingsStore(db);
    this.profiles = new Profiles(db, this.settings, this.clock);
    this.uploads = new Uploads(options.dataDir);
    this.library = new Library(db, this.settings, this.uploads, this.clock);
  }

  static async open(options: CoreOptions): Promise<Core> {
    const { db, notices } = openDatabase(options.dataDir, options.nativeBinding);
    const core = new Core(db, options, notices);
    try {
      await core.installBuiltin();
    } catch (e) {
      core.close();
      throw e;
    }
    return core;
  }

  get schemaVersion(): number {
    return latestVersion;
  }

  builtinPublisher(): { name: string; fingerprint: string } | null {
    const b = this.options.builtin;
    return b ? { name: b.publisherName, fingerprint: fingerprint(b.publicKey) } : null;
  }

  /** Installs or upgrades the shipped pack; an older shipped pack never replaces a newer import. */
  private async installBuiltin(): Promise<void> {
    const b = this.options.builtin;
    if (!b) return;
    this.library.trustBuiltin(b.publicKey, fingerprint(b.publicKey), b.publisherName);
    const bytes = readFileSync(b.packFile);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (this.db.prepare('SELECT 1 FROM packs WHERE file_sha256 = ?').get(sha)) return;
    try {
      await this.library.installBytes(bytes, 'built-in', {
        trustPublisher: false,
        allowDowngrade: false,
        builtin: true,
      });
    } catch (e) {
      if ((e as { code?: string }).code !== 'PACK_DOWNGRADE') throw e;
    }
  }

  /** Per-profile calls: the active profile and the pack the call refers to. */
  scope(packId?: string): { profileId: number; packId: string; at: string } {
    return {
      profileId: this.profiles.requireActive(),
      packId: this.library.resolve(packId),
      at: this.clock.now().toISOString(),
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      writeBackup(this.db, this.options.dataDir, 'quit');
    } finally {
      this.db.close();
    }
  }
}
