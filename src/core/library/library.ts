import type Database from 'better-sqlite3';
import type { PackSummary } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';
import { statSync } from 'node:fs';
import type { MediaStore } from '../media/store';
import { verifyPack, verifyPackFile } from '../packs/verify';
import { checkFreeSpace, statfsProbe, type FreeSpaceProbe } from './free-space';
import { ImportJobs } from './import-jobs';
import type { SettingsStore } from '../settings';
import { indexPackContent } from './search-index';
import { isoNow, type Clock } from '../time';
import { recordContentDigest } from './content-digest';
import { checkInstallable, installPack } from './install';
import { checkPublisherName } from './publisher-names';
import { checkSameVersion } from './same-version';
import type { InstallablePack } from './installable';
import { trustPublisher } from './publishers';
import { listPacks, packSummary } from './summary';
import type { Uploads } from './uploads';

const ACTIVE = 'activePackId';

const QUESTIONS = new Set(['library.publisher.unknown', 'library.pack.downgrade']);
const isQuestion = (e: unknown) => e instanceof AppError && QUESTIONS.has(String(e.detail?.reason));

/** Which packs are installed, which one the participant studies, and importing new ones. */
export class Library {
  /** Packs whose installed content no longer matches its digest (see content-digest.ts). */
  readonly altered = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly settings: SettingsStore,
    private readonly uploads: Uploads,
    private readonly clock: Clock,
    private readonly media: MediaStore,
    private readonly freeSpace: FreeSpaceProbe = statfsProbe,
  ) {}

  private readonly jobs = new ImportJobs();

  /**
   * Called inside the install transaction once the new content is written: the core re-checks
   * stored completions against the new version's rules here (study sits above the library).
   */
  afterInstall: (packId: string, at: string) => void = () => {};

  list(): { packs: PackSummary[]; activePackId: string | null } {
    const packs = listPacks(this.db);
    return { packs, activePackId: this.activeId(packs) };
  }

  /** The pack a call refers to: the one given, else the chosen one, else the built-in one. */
  resolve(packId?: string): string {
    if (packId) return packSummary(this.db, packId).id;
    const id = this.activeId(listPacks(this.db));
    if (!id)
      throw new AppError('NOT_FOUND', 'No study pack is installed yet. Import a .studypack file.', {
        reason: 'library.empty',
      });
    return id;
  }

  activate(packId: string): string {
    const id = packSummary(this.db, packId).id;
    this.settings.setRaw(ACTIVE, id);
    return id;
  }

  async importUpload(uploadId: string, opts: { trustPublisher: boolean; allowDowngrade: boolean }) {
    const { fileName, path } = this.uploads.file(uploadId);
    try {
      const result = await this.importFile(path, fileName, opts, uploadId);
      this.uploads.discard(uploadId);
      return result;
    } catch (e) {
      // A question for the participant (trust, downgrade) keeps the upload for the confirmed retry
      // (or library.uploadDiscard when declined); every other refusal frees the disk at once.
      if (!isQuestion(e)) this.uploads.discard(uploadId);
      throw e;
    }
  }

  /**
   * Verify-and-install from a file on disk (the browser host's upload, or a file the desktop host
   * opened by path), in constant memory. The questions (trust, downgrade) and the free-space check
   * come as soon as the manifest is read; media stream into a staging folder inside the data
   * folder; only a pack whose every byte checked is promoted into the media store and recorded in
   * one transaction. Any refusal or a cancel removes the staging folder: nothing is left behind.
   */
  async importFile(
    path: string,
    fileName: string,
    opts: { trustPublisher: boolean; allowDowngrade: boolean; builtin?: boolean },
    jobId: string = path,
  ) {
    const job = this.jobs.start(jobId, statSync(path).size);
    const staging = await this.media.stage();
    try {
      const pack = await verifyPackFile(path, {
        sink: staging.sink,
        signal: job.controller.signal,
        beforeData: async (plan) => {
          checkInstallable(this.db, plan, opts);
          await checkFreeSpace(this.freeSpace, this.media.dir, plan.totalBytes);
          this.jobs.update(jobId, { phase: 'copying', diskBytes: plan.totalBytes, mediaCount: plan.mediaCount });
        },
        onBytes: (done) => this.jobs.update(jobId, { bytesDone: done }),
      });
      job.controller.signal.throwIfAborted();
      this.jobs.update(jobId, { phase: 'installing' });
      await this.media.promote(staging);
      const result = this.installVerified(pack, fileName, opts);
      this.jobs.finish(jobId, 'done');
      return result;
    } catch (e) {
      this.jobs.finish(jobId, e instanceof AppError && e.code === 'CANCELLED' ? 'cancelled' : 'failed');
      throw e;
    } finally {
      await staging.remove();
    }
  }

  importProgress(jobId: string) {
    return this.jobs.get(jobId);
  }

  /** Stops a running import (it then removes what it staged), or drops an upload waiting for an answer. */
  cancelImport(uploadId: string): { cancelled: boolean } {
    const running = this.jobs.cancel(uploadId);
    if (!running) this.uploads.discard(uploadId);
    return { cancelled: running };
  }

  /** Verification happens entirely before the one install transaction writes anything. */
  async installBytes(
    bytes: Buffer,
    fileName: string,
    opts: { trustPublisher: boolean; allowDowngrade: boolean; builtin?: boolean },
  ) {
    const pack = await verifyPack(bytes);
    if (pack.media.length > 0) {
      throw new AppError('INVALID_INPUT', 'A pack with media is imported from a file, not from memory.', {
        reason: 'library.import.mediaFromMemory',
      });
    }
    return this.installVerified(pack, fileName, opts);
  }

  /** Installs a pack the caller has already verified (the built-in one is checked for its signer first). */
  installVerified(
    pack: InstallablePack,
    fileName: string,
    opts: { trustPublisher: boolean; allowDowngrade: boolean; builtin?: boolean },
  ) {
    checkSameVersion(this.db, pack, opts.builtin ?? false);
    if (!opts.builtin) checkPublisherName(this.db, pack);
    const at = isoNow(this.clock);
    const result = installPack(this.db, pack, { ...opts, fileName, at }, (id) => {
      indexPackContent(this.db, id);
      recordContentDigest(this.db, id);
      this.afterInstall(id, at);
    });
    this.altered.delete(result.packId);
    this.collectMedia();
    if (!this.settings.getRaw(ACTIVE)) this.settings.setRaw(ACTIVE, result.packId);
    return { ...result, pack: packSummary(this.db, result.packId) };
  }

  /** Frees stored media no installed pack names (after a replace, a removal, or a crash). */
  collectMedia(): number {
    const rows = this.db.prepare('SELECT DISTINCT sha256 FROM pack_media').all() as Array<{ sha256: string }>;
    return this.media.collect(new Set(rows.map((r) => r.sha256)));
  }

  trustBuiltin(publicKey: string, fingerprint: string, name: string): void {
    trustPublisher(this.db, { publicKey, fingerprint, name, builtin: true, at: isoNow(this.clock) });
  }

  private activeId(packs: PackSummary[]): string | null {
    const chosen = this.settings.getRaw(ACTIVE);
    if (chosen && packs.some((p) => p.id === chosen)) return chosen;
    return packs.find((p) => p.publisher.builtin)?.id ?? packs[0]?.id ?? null;
  }
}
