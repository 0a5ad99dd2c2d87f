import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntrySink } from '../packs/zip/pass';

const SHA256 = /^[0-9a-f]{64}$/;

/** fsync a folder so a rename into it survives a power cut, not only a crash of the app. */
async function syncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * Media files of installed packs, content-addressed: `media/<sha256>` under the data folder
 * (Kolibri's pattern), so a file shared by two packs or versions is stored once. Imports write
 * into `staging/<id>/` (same file system, so promotion is a rename) and never into the store
 * directly: a crash leaves at most a staging folder and unreferenced store files, both removed at
 * the next start-up, never a referenced file half written.
 */
export class MediaStore {
  readonly dir: string;
  private readonly stagingRoot: string;
  /** Test hook: runs after each file is moved into the store (the crash test kills the process here). */
  onPromoted: ((sha256: string) => void) | null = null;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'media');
    this.stagingRoot = join(dataDir, 'staging');
    mkdirSync(this.dir, { recursive: true });
    mkdirSync(this.stagingRoot, { recursive: true });
  }

  /** Start-up: every staging folder is a leftover of an import that never finished. */
  removeStaleStaging(): void {
    for (const f of readdirSync(this.stagingRoot)) rmSync(join(this.stagingRoot, f), { recursive: true, force: true });
  }

  path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.dir, sha256);
  }

  async stage(): Promise<Staging> {
    const dir = join(this.stagingRoot, randomUUID());
    await mkdir(dir);
    return new Staging(dir);
  }

  /**
   * Moves each staged file into the store unless the store has it already. Each file was fsynced
   * when it was finished, so after the folder's fsync a crash cannot leave a named, half-written
   * file. The database does not name the new files yet: until its transaction commits they are
   * unreferenced, and `collect` would free them.
   */
  async promote(staging: Staging): Promise<void> {
    for (const sha of staging.files()) {
      const target = this.path(sha);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (!exists) await rename(join(staging.dir, sha), target);
      this.onPromoted?.(sha);
    }
    await syncDir(this.dir);
  }

  /** Frees every stored file no installed pack names; returns how many bytes were freed. */
  collect(referenced: ReadonlySet<string>): number {
    let freed = 0;
    for (const name of readdirSync(this.dir)) {
      if (referenced.has(name)) continue;
      const full = join(this.dir, name);
      try {
        freed += statSync(full).size;
      } catch {
        // already gone
      }
      rmSync(full, { force: true, recursive: true });
    }
    return freed;
  }
}

/** One import's staging folder: each verified file lands as `<sha256>`, written and fsynced there. */
export class Staging {
  private readonly done = new Set<string>();

  constructor(readonly dir: string) {}

  files(): string[] {
    return [...this.done];
  }

  /** A sink for the verifier: bytes go to a `.part` file that becomes `<sha256>` once its hash matched. */
  sink = async (_name: string, sha256: string): Promise<EntrySink> => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    const part = join(this.dir, `${randomUUID()}.part`);
    const handle = await open(part, 'w');
    let closed = false;
    const close = async () => {
      if (!closed) {
        closed = true;
        await handle.close();
      }
    };
    return {
      write: async (chunk) => {
        try {
          let off = 0;
          while (off < chunk.length) off += (await handle.write(chunk, off, chunk.length - off)).bytesWritten;
        } catch (e) {
          await close();
          throw e;
        }
      },
      finish: async () => {
        await handle.datasync();
        await close();
        await rename(part, join(this.dir, sha256));
        this.done.add(sha256);
      },
      discard: async () => {
        await close();
        await rm(part, { force: true });
      },
    };
  };

  /** A verified small file (captions) held in memory. */
  async put(sha256: string, bytes: Buffer): Promise<void> {
    const sink = await this.sink('', sha256);
    await sink.write(bytes);
    await sink.finish();
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
