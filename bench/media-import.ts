import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { buildPackToFile } from '../src/core/packs/build';
import { repoRoot, type BenchContext } from './lib/app';
import { bytes, mbPerSecond, ratio, type FigureResult } from './lib/format';
import { seededKeyPair } from './lib/synthetic';

/**
 * Figure 8 (issue #11): importing a pack of recorded sessions. A generated pack of six "recordings"
 * (a real MP4 header from ffmpeg, then random bytes, so nothing compresses and the type check
 * passes) is imported by a core in its own process, from the file on disk, as both hosts do.
 * Baseline, measured on the same file in the same run: the machine's floor for any import that
 * checks and keeps the bytes — read the file once, SHA-256 over it, write it once with fsync.
 * Memory: the importing process's peak resident set (VmHWM after) minus its resident set just
 * before the import, at two pack sizes: it must not grow with the pack.
 * The file is in the page cache for both (it was just written): the figure is CPU and write bound.
 */

const MB = 1_000_000;

function mp4Head(dir: string): Buffer {
  const file = join(dir, 'head.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=64x48:rate=5',
    '-t',
    '1',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    file,
  ]);
  return readFileSync(file).subarray(0, 4096);
}

/** An authoring folder whose six recordings add up to about `total` bytes. */
function recordingsFolder(dir: string, total: number, head: Buffer): string {
  const folder = join(dir, 'pack');
  execFileSync('cp', ['-r', join(repoRoot, 'tests', 'fixtures', 'packs', 'mini'), folder]);
  mkdirSync(join(folder, 'media'));
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  manifest.format = 2;
  const each = Math.floor(total / 6);
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  for (let i = 1; i <= 6; i++) {
    const fd = openSync(join(folder, 'media', `r${i}.mp4`), 'w');
    writeSync(fd, head);
    for (let left = each - head.length; left > 0; left -= chunk.length) {
      randomFillSync(chunk);
      writeSync(fd, chunk, 0, Math.min(chunk.length, left));
    }
    closeSync(fd);
    const session = manifest.sessions[(i - 1) % manifest.sessions.length];
    (session.media ??= []).push({ path: `media/r${i}.mp4`, kind: 'video', title: `Recording ${i}`, duration: 3600 });
  }
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return folder;
}

/** Read + SHA-256 + one write with fsync of the same file: the least an import must do. */
async function floor(file: string, out: string): Promise<number> {
  const t0 = performance.now();
  const hash = createHash('sha256');
  const fd = openSync(out, 'w');
  for await (const c of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(c as Buffer);
    writeSync(fd, c as Buffer);
  }
  fsyncSync(fd);
  closeSync(fd);
  hash.digest('hex');
  const ms = performance.now() - t0;
  rmSync(out, { force: true });
  return ms;
}

interface ChildResult {
  ms: number;
  rssBeforeKb: number;
  hwmBeforeKb: number;
  hwmAfterKb: number;
}

function importInChild(dataDir: string, packFile: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'lib', 'media-import-child.ts'), dataDir, packFile],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim()) as ChildResult) : reject(new Error(err))));
  });
}

export async function mediaImport(ctx: BenchContext): Promise<FigureResult> {
  const sizes = ctx.quick ? [200 * MB] : [200 * MB, 2000 * MB];
  const keys = seededKeyPair(11);
  const rows: FigureResult['rows'] = [];
  const notes: string[] = [];
  const dir = ctx.dir('media-import');
  const head = mp4Head(dir);
  for (const size of sizes) {
    const work = ctx.dir(`media-${size / MB}mb`);
    ctx.log(`media import: generating ${bytes(size)} of recordings`);
    const folder = recordingsFolder(work, size, head);
    const packFile = join(work, 'recordings.studypack');
    await buildPackToFile(folder, keys.privateKeyPem, packFile);
    rmSync(folder, { recursive: true, force: true });
    const fileBytes = statSync(packFile).size;
    ctx.log(`media import: floor over ${bytes(fileBytes)}`);
    const floorMs = await floor(packFile, join(work, 'floor.copy'));
    ctx.log(`media import: importing ${bytes(fileBytes)}`);
    const dataDir = join(work, 'data');
    const r = await importInChild(dataDir, packFile);
    const growthKb = r.hwmAfterKb - r.rssBeforeKb;
    const label = bytes(fileBytes);
    rows.push({
      figure: `media import ${label}: throughput from disk (verify, stage, promote, install)`,
      measured: mbPerSecond(fileBytes, r.ms),
      baseline: `floor (read+SHA-256+write+fsync) ${mbPerSecond(fileBytes, floorMs)}`,
      ratio: ratio(floorMs, r.ms),
    });
    rows.push({
      figure: `media import ${label}: peak RSS growth of the importing process`,
      measured: bytes(growthKb * 1024),
      baseline: `target <= 100 MB; pack ${label}`,
      ratio: ratio(growthKb * 1024, fileBytes),
    });
    notes.push(
      `media import ${label}: ${(r.ms / 1000).toFixed(1)} s import vs ${(floorMs / 1000).toFixed(1)} s floor; RSS before ${bytes(r.rssBeforeKb * 1024)}, peak after ${bytes(r.hwmAfterKb * 1024)} (peak before the import ${bytes(r.hwmBeforeKb * 1024)})`,
    );
    rmSync(work, { recursive: true, force: true });
  }
  return { rows, notes };
}
