import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Notice } from '../shared/contract/app';
import { AppError } from '../shared/errors';
import { writeBackup } from './db/backup';
import { latestVersion } from './db/migrate';
import { openDatabase } from './db/open';
import { storageError } from './db/storage-error';
import { alteredPacks } from './library/content-digest';
import { Library } from './library/library';
import { Uploads } from './library/uploads';
import type { FreeSpaceProbe } from './library/free-space';
import { MediaStore } from './media/store';
import { fingerprint } from './packs/keys';
import { verifyPack } from './packs/verify';
import { Profiles } from './profiles/profiles';
import type { KeyProtector } from './records/key-protector';
import { SettingsStore } from './settings';
import { archiveUnmetCompletions } from './study/progress';
import { systemClock, type Clock } from './time';

export interface CoreOptions {
  dataDir: string;
  appName: string;
  appVersion: string;
  /** The signed pack shipped with the app and its publisher's public key (base64 raw Ed25519). */
  builtin?: { packFile: string; publicKey: string; publisherName: string };
  clock?: Clock;
  /** How much disk space is free; tests pass a fake. */
  freeSpace?: FreeSpaceProbe;
  /**
   * Encrypts the installation's signing key with the OS keychain (Electron: src/main/key-protector.ts).
   * Absent in the browser host: the key stays unencrypted in the database, as records.signingInfo says.
   */
  keyProtector?: KeyProtector;
  /** How long a client may stay silent before its PIN profile is signed out (default 15 min). */
  idleSignOutMs?: number;
  /** better-sqlite3 compiled for Electron's ABI, when running inside Electron. */
  nativeBinding?: string | undefined;
}

/** Everything the app does, in plain Node: both hosts (Electron, browser) wrap one of these. */
export class Core {
  readonly settings: SettingsStore;
  readonly profiles: Profiles;
  readonly library: Library;
  readonly uploads: Uploads;
  readonly media: MediaStore;
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
    this.profiles = new Profiles(db, this.settings, this.clock, options.idleSignOutMs);
    this.uploads = new Uploads(options.dataDir);
    this.media = new MediaStore(options.dataDir);
    this.library = new Library(db, this.settings, this.uploads, this.clock, this.media, options.freeSpace);
    this.library.afterInstall = (packId, at) => archiveUnmetCompletions(db, packId, at);
  }

  static async open(options: CoreOptions): Promise<Core> {
    const { db, notices } = openDatabase(options.dataDir, options.nativeBinding);
    const core = new Core(db, options, notices);
    try {
      // Leftovers of an import a crash interrupted: its staging folder, and any file it had
      // moved into the store before its transaction committed (no pack names those).
      core.media.removeStaleStaging();
      core.library.collectMedia();
      const altered = alteredPacks(db);
      await core.installBuiltin(new Set(altered));
      core.reportAltered(altered);
    } catch (e) {
      core.close();
      throw storageError(e, options.dataDir, 'startup') ?? e;
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

  /**
   * Installs or upgrades the shipped pack; an older shipped pack never replaces a newer import.
   * A shipped pack file that is missing, unreadable, altered or not signed by the built-in key
   * never stops the app: what is installed keeps working and the participant is told
   * (PACK_FILE_DAMAGED). Database failures still stop the start-up.
   */
  private async installBuiltin(altered: ReadonlySet<string>): Promise<void> {
    const b = this.options.builtin;
    if (!b) return;
    this.library.trustBuiltin(b.publicKey, fingerprint(b.publicKey), b.publisherName);
    let bytes: Buffer;
    try {
      bytes = readFileSync(b.packFile);
    } catch (e) {
      this.packFileDamaged(b.packFile, (e as Error).message);
      return;
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    // Installed from this very file and intact: nothing to do. Altered content is re-installed.
    const installed = this.db.prepare('SELECT id FROM packs WHERE file_sha256 = ?').get(sha) as
      { id: string } | undefined;
    if (installed && !altered.has(installed.id)) return;
    try {
      // The shipped file must be signed by the shipped key: `builtin` skips the trust question, so
      // a file swapped for one signed by anybody else would otherwise be installed as built-in.
      const pack = await verifyPack(bytes);
      const signer = pack.fingerprint;
      if (signer !== fingerprint(b.publicKey)) {
        throw new AppError('PACK_UNTRUSTED', `It is signed by key ${signer}, not by the built-in publisher's key.`, {
          reason: 'pack.builtinKeyMismatch',
          fingerprint: signer,
        });
      }
      // Verified once, above: installVerified does not verify again.
      this.library.installVerified(pack, 'built-in', {
        trustPublisher: false,
        allowDowngrade: false,
        builtin: true,
      });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'PACK_DOWNGRADE') return;
      if (code === 'PACK_INVALID' || code === 'PACK_UNSAFE' || code === 'PACK_SIGNATURE' || code === 'PACK_UNTRUSTED') {
        this.packFileDamaged(b.packFile, e instanceof Error ? e.message : String(e));
        return;
      }
      throw e;
    }
  }

  /**
   * Installed content that no longer matches its digest and could not be re-installed from the
   * shipped file: its quizzes refuse to grade (Library.altered) and the participant is told.
   */
  private reportAltered(altered: string[]): void {
    if (!altered.length) return;
    const at = this.clock.now().toISOString();
    const still = new Set(alteredPacks(this.db));
    for (const id of altered) {
      if (!still.has(id)) {
        this.notices.push({
          code: 'PACK_CONTENT_REPAIRED',
          at,
          message: `The installed content of the pack "${id}" had been altered on disk; it was installed again from the pack file that came with the app.`,
        });
        continue;
      }
      this.library.altered.add(id);
      this.notices.push({
        code: 'PACK_CONTENT_ALTERED',
        at,
        message: `The installed content of the pack "${id}" no longer matches what its publisher signed, so its quizzes are not used. Import the pack file again from your organisers.`,
      });
    }
  }

  private packFileDamaged(file: string, reason: string): void {
    const installed = (this.db.prepare('SELECT count(*) AS n FROM packs').get() as { n: number }).n > 0;
    this.notices.push({
      code: 'PACK_FILE_DAMAGED',
      at: this.clock.now().toISOString(),
      message:
        `The built-in study pack file ${file} is damaged or was altered, so it was not used (${reason.split('\n')[0]}). ` +
        (installed
          ? 'The material already installed and all progress are unaffected. Reinstalling the app repairs the file.'
          : 'No study material is installed yet: reinstall the app, or import a .studypack file from your organisers.'),
    });
  }

  /** Per-profile calls: the calling client's active profile and the pack the call refers to. */
  scope(clientId: string, packId?: string): { profileId: number; packId: string; at: string } {
    return {
      profileId: this.profiles.requireActive(clientId),
      packId: this.library.resolve(packId),
      at: this.clock.now().toISOString(),
    };
  }

  /**
   * Closes the database after a best-effort backup: a backup that cannot be written (disk full,
   * folder gone read-only) must neither keep the database open nor throw out of a quit handler.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      writeBackup(this.db, this.options.dataDir, 'quit');
    } catch (e) {
      console.error(`Study Companion: the backup on quit was not written: ${(e as Error).message}`);
    } finally {
      this.db.close();
    }
  }
}
