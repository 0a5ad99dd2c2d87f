import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process per data folder: a second browser host on the same folder gets a clear error
 * instead of two writers racing. (Electron uses its single-instance lock for the same purpose.)
 * A lock left by a crashed process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'host.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new AppError(
          'STORAGE',
          `The data folder ${dataDir} is in use by another running copy of the app (process ${pid}). Close it first.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new AppError('STORAGE', `Could not lock the data folder ${dataDir}.`);
}
