import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { InputError } from './errors';

/** File access for the CLI: failures become InputErrors (exit 1) that name the file. */
function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST') return 'already exists (refusing to overwrite)';
  return e instanceof Error ? e.message : String(e);
}

export function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`${path}: ${reason(e)}`);
  }
}

/** Fails like readInput for a file that cannot be read, without reading it (packs reach gigabytes). */
export function checkReadable(path: string): void {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    closeSync(openSync(path, 'r'));
  } catch (e) {
    throw new InputError(`${path}: ${reason(e)}`);
  }
}

/** Creates a new file; never overwrites (key files must not be clobbered by accident). */
export function writeNew(path: string, data: string, mode: number): void {
  try {
    writeFileSync(path, data, { flag: 'wx', mode });
  } catch (e) {
    throw new InputError(`${path}: ${reason(e)}`);
  }
}

/** Writes via a temporary file and rename, so a failed build never leaves half a pack behind. */
export function writeReplacing(path: string, data: Buffer): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(`${path}: is a folder, not a file`);
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${path}: ${reason(e)}`);
  }
}
