import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { InstallablePack } from './installable';

/**
 * Two different files may not both be "version X" of a pack: one of them is not what the
 * organisers published (or a publisher forgot to raise the version), and replacing silently
 * would change questions under participants' existing answers. Both file hashes are named so the
 * organisers can tell which one is theirs. The built-in pack is exempt: it arrives with the app
 * itself, signed by the app's own key, and the app's version is what changed.
 */
export function checkSameVersion(db: Database.Database, pack: InstallablePack, builtin: boolean): void {
  if (builtin) return;
  const installed = db.prepare('SELECT version, file_sha256 FROM packs WHERE id = ?').get(pack.manifest.id) as
    { version: string; file_sha256: string } | undefined;
  if (!installed || installed.version !== pack.manifest.version || installed.file_sha256 === pack.sha256) return;
  throw new AppError(
    'CONFLICT',
    `Version ${pack.manifest.version} of "${pack.manifest.id}" is already installed from a different file ` +
      `(installed ${installed.file_sha256}, offered ${pack.sha256}): same version, different content. ` +
      'Ask your organisers which is right.',
    {
      reason: 'library.pack.sameVersionDifferentContent',
      packId: pack.manifest.id,
      version: pack.manifest.version,
      installedSha256: installed.file_sha256,
      offeredSha256: pack.sha256,
    },
  );
}
