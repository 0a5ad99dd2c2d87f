import { statfs } from 'node:fs/promises';
import { AppError } from '../../shared/errors';

/** Bytes a folder's file system has free for this user. Replaceable (tests use a fake probe). */
export type FreeSpaceProbe = (dir: string) => Promise<number>;

export const statfsProbe: FreeSpaceProbe = async (dir) => {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
};

/** Room kept free beyond the pack itself: the database, its WAL and backups must still fit. */
const MARGIN = 64 * 1024 * 1024;

/** Refuses, naming both numbers, when a pack of `needed` bytes would not fit (Kolibri #6697). */
export async function checkFreeSpace(probe: FreeSpaceProbe, dir: string, needed: number): Promise<void> {
  const free = await probe(dir);
  if (needed + MARGIN > free) {
    const mb = (n: number) => Math.ceil(n / 1e6);
    throw new AppError(
      'STORAGE',
      `The pack needs ${mb(needed + MARGIN)} MB of free disk space, but only ${mb(free)} MB are free. Free some space and import it again.`,
      {
        reason: 'library.import.noSpace',
        neededMb: mb(needed + MARGIN),
        freeMb: mb(free),
        needed: needed + MARGIN,
        free,
      },
    );
  }
}
