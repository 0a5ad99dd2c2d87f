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

const lockOwner = (file: string): number => {
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch {
    return 0; // gone in the meantime (its owner quit): try again
  }
};

/**
 * One process per data folder: a second browser host on the same folder gets a clear error
 * instead of two writers racing. (Electron uses its single-instance lock for the same purpose.)
 * A lock left by a crashed process is taken over. A folder that cannot be written at all
 * (read-only, no permission) is a STORAGE error naming the folder, not a bare errno.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'host.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeFileSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return () => rmSync(file, { force: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        try {
          rmSync(file, { force: true }); // a lock file created before a failed write
        } catch {
          // nothing to clean up, or nothing we could
        }
        throw new AppError(
          'STORAGE',
          `Cannot use the data folder ${dataDir}: it cannot be written to (${code ?? (e as Error).message}). ` +
            'Choose a folder you can write to (--data DIR).',
          { reason: 'storage.folderNotWritable', dir: dataDir },
        );
      }
      const pid = lockOwner(file);
      if (pid && pid !== process.pid && alive(pid)) {
        throw new AppError(
          'STORAGE',
          `The data folder ${dataDir} is in use by another running copy of the app (process ${pid}). Close it first.`,
          { reason: 'storage.inUse', dir: dataDir, pid },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new AppError('STORAGE', `Could not lock the data folder ${dataDir}.`, {
    reason: 'storage.lockFailed',
    dir: dataDir,
  });
}
