import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { archiveRemovedProgress } from './archive';
import type { InstallablePack } from './installable';
import { findPublisher, trustPublisher } from './publishers';
import { compareVersions } from './semver';
import { writeTranslations } from './translations';

export interface InstallOptions {
  fileName: string;
  trustPublisher: boolean;
  allowDowngrade: boolean;
  builtin?: boolean;
  at: string;
}

export interface InstallResult {
  packId: string;
  previousVersion: string | null;
  archivedItems: number;
}

/** What the checks before an install need: known from the manifest and signature, before any media is read. */
type Identity = Pick<InstallablePack, 'manifest' | 'publicKey' | 'fingerprint'>;

/**
 * The questions an install asks (trust, takeover, downgrade), asked again inside the transaction
 * but also before a long import starts streaming, so a 2 GB pack is not read only to ask them.
 */
export function checkInstallable(db: Database.Database, pack: Identity, opts: Omit<InstallOptions, 'fileName' | 'at'>) {
  const existing = installed(db, pack);
  checkOwner(existing, pack);
  checkTrust(db, pack, opts);
  checkReplacement(existing, pack, opts);
}

function checkTrust(
  db: Database.Database,
  pack: Identity,
  opts: Pick<InstallOptions, 'trustPublisher' | 'builtin'>,
): void {
  const known = findPublisher(db, pack.publicKey);
  if (!known && !opts.trustPublisher && !opts.builtin) {
    throw new AppError(
      'PACK_UNTRUSTED',
      `This pack is signed by a publisher this app does not know ("${pack.manifest.publisher.name}", key ${pack.fingerprint}). ` +
        'Compare the fingerprint with the one your organisers gave you before trusting it.',
      { reason: 'library.publisher.unknown', fingerprint: pack.fingerprint, publisher: pack.manifest.publisher.name },
    );
  }
}

type Existing = { version: string; publisher_key: string } | undefined;

const installed = (db: Database.Database, pack: Identity): Existing =>
  db.prepare('SELECT version, publisher_key FROM packs WHERE id = ?').get(pack.manifest.id) as Existing;

/**
 * Before the trust question: a pack taking another publisher's pack id is refused whatever the
 * answer would be, so the participant is not asked to trust a key only to be refused after.
 */
function checkOwner(existing: Existing, pack: Identity): void {
  if (existing && existing.publisher_key !== pack.publicKey) {
    throw new AppError(
      'PACK_UNTRUSTED',
      `A pack with id "${pack.manifest.id}" is already installed from another publisher; a pack cannot take over another publisher's pack.`,
      { reason: 'library.pack.otherPublisher', packId: pack.manifest.id, fingerprint: pack.fingerprint },
    );
  }
}

function checkReplacement(existing: Existing, pack: Identity, opts: Pick<InstallOptions, 'allowDowngrade'>) {
  if (!existing) return null;
  if (compareVersions(pack.manifest.version, existing.version) < 0 && !opts.allowDowngrade) {
    throw new AppError(
      'PACK_DOWNGRADE',
      `Version ${pack.manifest.version} is older than the installed ${existing.version}. Confirm the downgrade to install it.`,
      { reason: 'library.pack.downgrade', installed: existing.version, offered: pack.manifest.version },
    );
  }
  return existing.version;
}

function writeContent(db: Database.Database, pack: InstallablePack, opts: InstallOptions): void {
  const m = pack.manifest;
  db.prepare('DELETE FROM packs WHERE id = ?').run(m.id); // cascades to sessions, key points, questions
  db.prepare(
    `INSERT INTO packs (id, version, title, description, language, publisher_key, publisher_name, manifest,
       source_text, file_name, file_sha256, installed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.id,
    m.version,
    m.title,
    m.description ?? '',
    m.language,
    pack.publicKey,
    m.publisher.name,
    JSON.stringify(m),
    pack.sourceText,
    opts.fileName,
    pack.sha256,
    opts.at,
  );
  const session = db.prepare(
    'INSERT INTO sessions (pack_id, id, ord, title, summary, material, pass_mark) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const keyPoint = db.prepare(
    'INSERT INTO key_points (pack_id, session_id, id, ord, text, source) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const question = db.prepare(
    'INSERT INTO questions (pack_id, session_id, id, ord, type, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.prepare('UPDATE packs SET size_bytes = ? WHERE id = ?').run(
    (pack.files ?? []).reduce((n, f) => n + f.size, 0),
    m.id,
  );
  writeMedia(db, m.id, pack.media ?? []);
  pack.sessions.forEach(({ meta, material, content }, i) => {
    session.run(m.id, meta.id, i + 1, meta.title, meta.summary ?? '', material, content.quiz.passMark);
    content.keyPoints.forEach((k, j) => keyPoint.run(m.id, meta.id, k.id, j + 1, k.text, k.source));
    content.quiz.questions.forEach((q, j) => question.run(m.id, meta.id, q.id, j + 1, q.type, JSON.stringify(q)));
  });
  writeTranslations(db, pack);
}

/** Which stored media files the pack uses (the files themselves are already in the store). */
function writeMedia(db: Database.Database, packId: string, media: NonNullable<InstallablePack['media']>): void {
  const row = db.prepare(
    'INSERT INTO pack_media (pack_id, path, session_id, kind, sha256, size, mime, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  media.forEach((f, i) => row.run(packId, f.path, f.sessionId, f.kind, f.sha256, f.size, f.mime, i + 1));
}

/**
 * Installs a verified pack in one transaction: same-publisher, trust and downgrade checks first,
 * then progress of removed items archived, then the content replaced. Any failure rolls back all.
 */
export function installPack(
  db: Database.Database,
  pack: InstallablePack,
  opts: InstallOptions,
  afterWrite?: (packId: string) => void,
): InstallResult {
  return db
    .transaction((): InstallResult => {
      const existing = installed(db, pack);
      checkOwner(existing, pack);
      checkTrust(db, pack, opts);
      const previousVersion = checkReplacement(existing, pack, opts);
      if (!findPublisher(db, pack.publicKey)) {
        trustPublisher(db, {
          publicKey: pack.publicKey,
          fingerprint: pack.fingerprint,
          name: pack.manifest.publisher.name,
          builtin: opts.builtin ?? false,
          at: opts.at,
        });
      }
      let archivedItems = 0;
      if (previousVersion !== null) {
        archivedItems = archiveRemovedProgress(
          db,
          pack.manifest.id,
          previousVersion,
          {
            sessions: new Set(pack.sessions.map((s) => s.meta.id)),
            keyPoints: new Set(pack.sessions.flatMap((s) => s.content.keyPoints.map((k) => k.id))),
            questions: new Set(pack.sessions.flatMap((s) => s.content.quiz.questions.map((q) => q.id))),
          },
          opts.at,
        );
      }
      writeContent(db, pack, opts);
      afterWrite?.(pack.manifest.id);
      return { packId: pack.manifest.id, previousVersion, archivedItems };
    })
    .immediate();
}
