import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ffprobeDuration } from '../src/cli/probe';
import { createDispatch } from '../src/core/api/dispatch';
import { Core } from '../src/core/core';
import { buildPackToFile } from '../src/core/packs/build';
import type { CallName, CallOutput } from '../src/shared/contract';
import { makeMediaPackFolder, makeVideo } from '../tests/fixtures/media/make';
import type { BenchContext } from './lib/app';
import { bytes, ms, ratio, type FigureResult } from './lib/format';
import { seededKeyPair } from './lib/synthetic';

/**
 * Figure (issue #12): what saving watch progress costs while a recording plays. The player sends
 * `watch.save` every 5 s (12 a minute); each merges the new interval into the stored union, adds
 * time on task and the day's total, and re-checks completion, in one durable transaction. Measured
 * through the dispatcher both hosts use, over 50 minutes of simulated playback of a 60-minute
 * recording (600 saves, clock advanced 5 s each): the core's CPU time and the bytes the process
 * wrote to disk (/proc/self/io write_bytes: WAL, fsync'd), per minute of playback. Baseline in the
 * same run: the reading tracker's `reading.save`, which the session page already sends while open.
 */
const SAVES = 600;
const PER_MINUTE = 12;

function writeBytes(): number {
  return Number(/^write_bytes: (\d+)/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);
}

async function openCore(ctx: BenchContext, packFile: string, clock: { t: number }) {
  const core = await Core.open({
    dataDir: ctx.dir('watch-data-'),
    appName: 'Study Companion',
    appVersion: 'bench',
    clock: { now: () => new Date(clock.t) },
  });
  const dispatch = createDispatch(core, (e) => console.error(e));
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as CallOutput<N>;
  };
  const data = readFileSync(packFile);
  const { uploadId } = await call('library.uploadBegin', { fileName: 'w.studypack', size: data.length });
  await call('library.uploadChunk', { uploadId, offset: 0, data: data.toString('base64') });
  await call('library.import', { uploadId, trustPublisher: true });
  await call('profiles.create', { name: 'Bench participant', unit: 'Bench unit' });
  return { core, call };
}

async function measure(
  ctx: BenchContext,
  packFile: string,
  save: (i: number, call: Awaited<ReturnType<typeof openCore>>['call']) => Promise<unknown>,
) {
  const clock = { t: Date.parse('2026-11-20T09:00:00Z') };
  const { core, call } = await openCore(ctx, packFile, clock);
  for (let i = 0; i < 20; i++) {
    clock.t += 5000;
    await save(i, call); // warm-up: statements prepared, pages cached
  }
  const cpu0 = process.cpuUsage();
  const w0 = writeBytes();
  const t0 = performance.now();
  for (let i = 20; i < 20 + SAVES; i++) {
    clock.t += 5000;
    await save(i, call);
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const written = writeBytes() - w0;
  core.close();
  return { cpuMs: (cpu.user + cpu.system) / 1000 / SAVES, wallMs: wall / SAVES, bytes: written / SAVES };
}

export async function watchSaves(ctx: BenchContext): Promise<FigureResult> {
  const folder = makeMediaPackFolder(join(ctx.dir('watch-pack-'), 'pack'));
  // A 60-minute "recording": the manifest's duration is what bounds the intervals; a 2 s file stands in.
  makeVideo(join(folder, 'media', 's1.mp4'), 'mp4', 2);
  const manifestFile = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.sessions[0].media[0].duration = 3600;
  delete manifest.sessions[0].media[0].chapters;
  manifest.sessions[0].completion = { media: [{ path: 'media/s1.mp4', fraction: 0.9 }] };
  manifest.sessions[0].credit = { kind: 'bands', quizBonus: 0.5 };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const packFile = join(ctx.dir('watch-out-'), 'w.studypack');
  await buildPackToFile(folder, seededKeyPair(12).privateKeyPem, packFile, { probeDuration: ffprobeDuration });

  const watch = await measure(ctx, packFile, (i, call) =>
    call('watch.save', {
      sessionId: 's1',
      path: 'media/s1.mp4',
      played: [[i * 5, i * 5 + 5]],
      secondsDelta: 5,
      position: i * 5 + 5,
    }),
  );
  const reading = await measure(ctx, packFile, (i, call) =>
    call('reading.save', { sessionId: 's1', position: Math.min(1, i / SAVES), secondsDelta: 5 }),
  );
  return {
    rows: [
      {
        figure: 'watch.save CPU per minute of playback (12 saves)',
        measured: ms(watch.cpuMs * PER_MINUTE),
        baseline: `${ms(reading.cpuMs * PER_MINUTE)} (reading.save)`,
        ratio: ratio(watch.cpuMs, reading.cpuMs),
      },
      {
        figure: 'watch.save bytes written per minute',
        measured: bytes(watch.bytes * PER_MINUTE),
        baseline: `${bytes(reading.bytes * PER_MINUTE)} (reading.save)`,
        ratio: ratio(watch.bytes, reading.bytes),
      },
    ],
    notes: [
      `${SAVES} saves each: watch.save ${ms(watch.wallMs)} wall / ${ms(watch.cpuMs)} CPU per save, ` +
        `reading.save ${ms(reading.wallMs)} / ${ms(reading.cpuMs)}; ` +
        `CPU share of one core while playing: ${((watch.cpuMs * PER_MINUTE) / 600).toFixed(3)}%`,
    ],
  };
}
