import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { buildPack } from '../src/core/packs/build';
import type { Attempt } from '../src/shared/contract/quiz';
import { builtinResources, repoRoot, startHostProcess, type BenchContext, type HostProcess } from './lib/app';
import { bytes, ms, ratio, type FigureResult } from './lib/format';
import { largePack } from './pack-import';
import { seededKeyPair, writePackFolder } from './lib/synthetic';
import { now, percentile } from './lib/stats';

/**
 * Figure: does a long job block other calls? `quiz.answer` latency, as the renderer sees it over
 * HTTP, while a ~100 MB pack is streamed to the browser host and imported, beside the same call on
 * the idle host in the same run. The core runs in a worker thread (Electron: a utility process),
 * so the HTTP server keeps answering; how long a call waits inside the core depends on how finely
 * the import yields.
 */
const FULL_SIZE = 100_000_000;

function upload(origin: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const u = new URL('/upload', origin);
    const req = request(
      u,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': statSync(file).size,
          'X-File-Name': 'bench.studypack',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          const reply = JSON.parse(body) as { ok: boolean; value?: { uploadId: string }; error?: unknown };
          if (reply.ok) resolve(reply.value!.uploadId);
          else reject(new Error(`upload refused: ${JSON.stringify(reply.error)}`));
        });
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

/** quiz.answer round trips, one after another with a short pause, until `until` says stop. */
async function answerLoop(host: HostProcess, attempt: Attempt, until: () => boolean, max: number) {
  const q = attempt.questions.find((x) => x.type === 'truefalse') ?? attempt.questions[0]!;
  const response =
    q.type === 'truefalse'
      ? { type: 'truefalse', value: true }
      : q.type === 'fill'
        ? { type: 'fill', text: 'x' }
        : q.type === 'multiple'
          ? { type: 'multiple', options: [q.options[0]!.id] }
          : { type: 'single', option: q.options[0]!.id };
  const samples: number[] = [];
  while (!until() && samples.length < max) {
    const t0 = now();
    await host.call('quiz.answer', { attemptId: attempt.attemptId, questionId: q.id, response });
    samples.push(now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  return samples;
}

export async function responsiveness(ctx: BenchContext): Promise<FigureResult> {
  const target = ctx.quick ? FULL_SIZE / 10 : FULL_SIZE;
  const folder = ctx.dir('responsive-pack');
  writePackFolder(folder, {
    id: 'bench-responsive',
    version: '1.0.0',
    title: 'Responsiveness',
    description: 'Seeded noise.',
    ...largePack(target),
  });
  const packFile = join(ctx.dir('responsive-file'), 'bench.studypack');
  writeFileSync(packFile, await buildPack(folder, seededKeyPair(6).privateKeyPem));
  const size = statSync(packFile).size;

  const host = await startHostProcess({
    dataDir: ctx.dir('responsive-data'),
    rendererDir: join(repoRoot, 'out', 'renderer'),
    resourcesDir: await builtinResources(ctx),
  });
  try {
    const profile = await host.call<{ id: number }>('profiles.create', { name: 'Bench', unit: 'Bench unit' });
    await host.call('profiles.select', { id: profile.id });
    const attempt = await host.call<Attempt>('quiz.start', { sessionId: 's1' });

    const idle = await answerLoop(host, attempt, () => false, 300);

    let done = false;
    let importMs = 0;
    const t0 = now();
    const job = upload(host.origin, packFile)
      .then((uploadId) => host.call('library.import', { uploadId, trustPublisher: true }))
      .finally(() => {
        importMs = now() - t0;
        done = true;
      });
    const busy = await answerLoop(host, attempt, () => done, 100_000);
    await job;

    const p = (s: number[], q: number) => percentile(s, q);
    return {
      rows: [
        {
          figure: `responsiveness: quiz.answer p99 while a ${bytes(size)} pack uploads and imports`,
          measured: `p99 ${ms(p(busy, 99))}, p50 ${ms(p(busy, 50))}, max ${ms(Math.max(...busy))} (${busy.length} calls)`,
          baseline: `idle host: p99 ${ms(p(idle, 99))}, p50 ${ms(p(idle, 50))} (${idle.length} calls)`,
          ratio: ratio(p(busy, 99), p(idle, 99)),
        },
      ],
      notes: [
        `responsiveness: target p99 ≤ 50 ms during the import. The upload (POST /upload, streamed to disk) and ` +
          `library.import took ${ms(importMs)} together; quiz.answer was called back to back (10 ms apart) ` +
          `over HTTP the whole time. Ratio = busy p99 / idle p99.`,
      ],
    };
  } finally {
    await host.stop();
  }
}
