import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

interface Upload {
  fileName: string;
  size: number;
  path: string;
  /** Ours to delete when discarded; a file the participant picked by path is never touched. */
  owned: boolean;
}

/**
 * Pack files arrive in chunks (the renderer shows a progress bar) into a staging folder that is
 * separate from the library; nothing is installed until the whole file has been verified.
 */
export class Uploads {
  private readonly open = new Map<string, Upload>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'uploads');
    mkdirSync(this.dir, { recursive: true });
    for (const f of readdirSync(this.dir)) rmSync(join(this.dir, f), { force: true }); // leftovers of a crash
  }

  begin(fileName: string, size: number): string {
    const id = randomUUID();
    const path = join(this.dir, `${id}.part`);
    closeSync(openSync(path, 'w'));
    this.open.set(id, { fileName, size, path, owned: true });
    return id;
  }

  /**
   * A whole file already on disk, taken as an upload without copying it: a pack the participant
   * chose in Electron's open dialog (read where it is, never deleted), or one the browser host
   * streamed into this folder (`owned`: deleted when discarded). Only hosts call this, never the page.
   */
  adopt(path: string, fileName: string, owned: boolean): { uploadId: string; fileName: string; size: number } {
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      throw new AppError('NOT_FOUND', `The file ${fileName} cannot be read.`, {
        reason: 'upload.unreadable',
        fileName,
      });
    }
    const id = randomUUID();
    this.open.set(id, { fileName, size, path, owned });
    return { uploadId: id, fileName, size };
  }

  append(id: string, offset: number, data: Buffer): number {
    const u = this.get(id);
    const have = statSync(u.path).size;
    if (offset !== have)
      throw new AppError('INVALID_INPUT', `Chunk at offset ${offset}, expected ${have}.`, {
        reason: 'upload.outOfOrder',
        offset,
        expected: have,
      });
    if (have + data.length > u.size)
      throw new AppError('INVALID_INPUT', 'More data than the announced size.', {
        reason: 'upload.tooMuchData',
        size: u.size,
      });
    const fd = openSync(u.path, 'a');
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    return have + data.length;
  }

  /**
   * The complete file, by path: the importer streams it from disk (never into memory). Kept until
   * discarded so a "trust this publisher?" answer needs no re-upload.
   */
  file(id: string): { fileName: string; path: string; size: number } {
    const u = this.get(id);
    const have = statSync(u.path).size;
    if (have !== u.size) {
      throw new AppError('INVALID_INPUT', `Upload incomplete: ${have} of ${u.size} bytes received.`, {
        reason: 'library.upload.incomplete',
        received: have,
        size: u.size,
      });
    }
    return { fileName: u.fileName, path: u.path, size: u.size };
  }

  discard(id: string): boolean {
    const u = this.open.get(id);
    this.open.delete(id);
    if (u?.owned && existsSync(u.path)) rmSync(u.path, { force: true });
    return u !== undefined;
  }

  private get(id: string): Upload {
    const u = this.open.get(id);
    if (!u)
      throw new AppError('NOT_FOUND', 'Unknown or expired upload; choose the file again.', {
        reason: 'upload.expired',
      });
    return u;
  }
}
