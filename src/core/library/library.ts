import type Database from 'better-sqlite3';
import type { PackSummary } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';
import { verifyPack } from '../packs/verify';
import type { SettingsStore } from '../settings';
import { indexPackContent } from './search-index';
import { isoNow, type Clock } from '../time';
import { recordContentDigest } from './content-digest';
import { installPack } from './install';
import { checkSameVersion } from './same-version';
import { checkPublisherName } from './publisher-names';
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
  ) {}

  list(): { packs: PackSummary[]; activePackId: string | null } {
    const packs = listPacks(this.db);
    return { packs, activePackId: this.activeId(packs) };
  }

  /** The pack a call refers to: the one given, else the chosen one, else the built-in one. */
  resolve(packId?: string): string {
    if (packId) return packSummary(this.db, packId).id;
    const id = this.activeId(listPacks(this.db));
    if (!id) throw new AppError('NOT_FOUND', 'No study pack is installed yet. Import a .studypack file.');
    return id;
  }

  activate(packId: string): string {
    const id = packSummary(this.db, packId).id;
    this.settings.setRaw(ACTIVE, id);
    return id;
  }

  async importUpload(uploadId: string, opts: { trustPublisher: boolean; allowDowngrade: boolean }) {
    const { fileName, bytes } = this.uploads.read(uploadId);
    try {
      const result = await this.installBytes(bytes, fileName, opts);
      this.uploads.discard(uploadId);
      return result;
    } catch (e) {
      // A question for the participant (trust, downgrade) keeps the upload for the confirmed retry
      // (or library.uploadDiscard when declined); every other refusal frees the disk at once.
      if (!isQuestion(e)) this.uploads.discard(uploadId);
      throw e;
    }
  }

  /** Verification happens entirely before the one install transaction writes anything. */
  async installBytes(
    bytes: Buffer,
    fileName: string,
    opts: { trustPublisher: boolean; allowDowngrade: boolean; builtin?: boolean },
  ) {
    return this.installVerified(await verifyPack(bytes), fileName, opts);
  }

  /** Installs a pack the caller has already verified (the built-in one is checked for its signer first). */
  installVerified(
    pack: InstallablePack,
    fileName: string,
    opts: { trustPublisher: boolean; allowDowngrade: boolean; builtin?: boolean },
  ) {
    checkSameVersion(this.db, pack, opts.builtin ?? false);
    if (!opts.builtin) checkPublisherName(this.db, pack);
    const result = installPack(this.db, pack, { ...opts, fileName, at: isoNow(this.clock) }, (id) => {
      indexPackContent(this.db, id);
      recordContentDigest(this.db, id);
    });
    this.altered.delete(result.packId);
    if (!this.settings.getRaw(ACTIVE)) this.settings.setRaw(ACTIVE, result.packId);
    return { ...result, pack: packSummary(this.db, result.packId) };
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
