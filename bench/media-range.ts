import { randomFillSync } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { inProcessLink } from '../src/browser-host/in-process-core';
import { startHost } from '../src/browser-host/server';
import { Core } from '../src/core/core';
import { repoRoot, type BenchContext } from './lib/app';
import { bytes, mbPerSecond, ms, ratio, type FigureResult } from './lib/format';
import { percentile } from './lib/stats';

/**
 * Figure 9 (issue #11): serving media with byte ranges through the browser host (the module both
 * hosts use, src/host-common/media-range.ts). A 1 GB stored file; 100 `Range` requests of 64 KiB at
 * random offsets in its middle half, time to first body byte, p95, beside `fs.read` of the same
 * 64 KiB at the same offsets; and the whole file streamed over HTTP beside `fs.createReadStream`.
 * The file was just written, so both read from the page cache: this measures the server's own cost.
 */

const SIZE = 1_000_000_000;
const SPAN = 65_536;

export async function mediaRange(ctx: BenchContext): Promise<FigureResult> {
  const size = ctx.quick ? SIZE / 10 : SIZE;
  const dataDir = ctx.dir('media-range');
  const core = await Core.open({ dataDir, appName: 'Study Companion', appVersion: 'bench' });
  const sha = 'ef'.repeat(32);
  const file = join(dataDir, 'media', sha);
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  for (let left = size; left > 0; left -= chunk.length)
    writeSync(fd, randomFillSync(chunk), 0, Math.min(left, chunk.length));
  closeSync(fd);
  const host = await startHost({
    link: await inProcessLink(core),
    dataDir,
    rendererDir: join(repoRoot, 'out', 'renderer'),
  });
  const port = Number(new URL(host.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (range: string | null, onFirst: () => void): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/media/${sha}.mp4`,
          agent,
          headers: { Host: `127.0.0.1:${port}`, ...(range ? { Range: range } : {}) },
        },
        (res) => {
          let n = 0;
          let first = true;
          res.on('data', (c: Buffer) => {
            if (first) onFirst();
            first = false;
            n += c.length;
          });
          res.on('end', () => resolve(n));
        },
      );
      req.on('error', reject);
      req.end();
    });
  try {
    const offsets = Array.from({ length: 100 }, (_, i) => Math.floor(size / 4 + ((i * 7919 * SPAN) % (size / 2))));
    const ttfb: number[] = [];
    for (const at of offsets) {
      const t0 = performance.now();
      let t1 = 0;
      await get(`bytes=${at}-${at + SPAN - 1}`, () => (t1 = performance.now()));
      ttfb.push(t1 - t0);
    }
    const readFd = openSync(file, 'r');
    const buf = Buffer.alloc(SPAN);
    const direct = offsets.map((at) => {
      const t0 = performance.now();
      readSync(readFd, buf, 0, SPAN, at);
      return performance.now() - t0;
    });
    closeSync(readFd);

    const t0 = performance.now();
    const got = await get(null, () => {});
    const httpMs = performance.now() - t0;
    const t1 = performance.now();
    let n = 0;
    for await (const c of createReadStream(file, { highWaterMark: 256 * 1024 })) n += (c as Buffer).length;
    const fsMs = performance.now() - t1;
    if (got !== size || n !== size) throw new Error(`read ${got} / ${n} of ${size} bytes`);
    return {
      rows: [
        {
          figure: `media range: TTFB of a 64 KiB range in the middle of a ${bytes(size)} file, p95 of 100`,
          measured: ms(percentile(ttfb, 95)),
          baseline: `fs.read of the same bytes p95 ${ms(percentile(direct, 95))}`,
          ratio: ratio(percentile(ttfb, 95), percentile(direct, 95)),
        },
        {
          figure: `media range: sequential streaming of ${bytes(size)} over HTTP`,
          measured: mbPerSecond(size, httpMs),
          baseline: `fs.createReadStream ${mbPerSecond(size, fsMs)}`,
          ratio: ratio(fsMs, httpMs),
        },
      ],
      notes: [
        `media range: TTFB median ${ms(percentile(ttfb, 50))}, max ${ms(Math.max(...ttfb))}; target p95 <= 20 ms, streaming >= 200 MB/s`,
      ],
    };
  } finally {
    agent.destroy();
    await host.close();
    core.close();
  }
}
