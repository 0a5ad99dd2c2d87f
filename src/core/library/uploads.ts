import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

interface Upload {
  fileName: string;
  size: number;
  path: string;
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
    this.open.set(id, { fileName, size, path });
    return id;
  }

  append(id: string, offset: number, data: Buffer): number {
    const u = this.get(id);
    const have = statSync(u.path).size;
    if (offset !== have) throw new AppError('INVALID_INPUT', `Chunk at offset ${offset}, expected ${have}.`);
    if (have + data.length > u.size) throw new AppError('INVALID_INPUT', 'More data than the announced size.');
    const fd = openSync(u.path, 'a');
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    return have + data.length;
  }

  /** The complete file's bytes; kept until discarded so a "trust this publisher?" answer needs no re-upload. */
  read(id: string): { fileName: string; bytes: Buffer } {
    const u = this.get(id);
    const bytes = readFileSync(u.path);
    if (bytes.length !== u.size) {
      throw new AppError('INVALID_INPUT', `Upload incomplete: ${bytes.length} of ${u.size} bytes received.`);
    }
    return { fileName: u.fileName, bytes };
  }

  discard(id: string): boolean {
    const u = this.open.get(id);
    this.open.delete(id);
    if (u && existsSync(u.path)) rmSync(u.path, { force: true });
    return u !== undefined;
  }

  private get(id: string): Upload {
    const u = this.open.get(id);
    if (!u) throw new AppError('NOT_FOUND', 'Unknown or expired upload; choose the file again.');
    return u;
  }
}
