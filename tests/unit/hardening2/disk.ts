import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', ['-l', dir]);
});

/**
 * A small tmpfs at `dir`, the honest way to get a full disk. Needs root and a container that
 * allows mounts (this machine does); returns false otherwise, and the caller says so.
 */
export function mountTmpfs(dir: string, size = '4m'): boolean {
  if (process.getuid?.() !== 0) return false;
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return false;
  mounted.push(dir);
  return true;
}

/** Fills the file system holding `dir` to the last byte; the filler's path (remove it to free space). */
export function fillDisk(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return filler;
}
