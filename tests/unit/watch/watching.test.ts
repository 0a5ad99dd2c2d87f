import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/core/api/dispatch';
import { Core } from '../../../src/core/core';
import { buildPackToFile } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { ffprobeDuration } from '../../../src/cli/probe';
import type { CallName, CallOutput } from '../../../src/shared/contract';
import { makeMediaPackFolder } from '../../fixtures/media/make';
import { tempDir } from '../support/temp';

/**
 * Watching through the contract against a real media pack whose session 1 is completed by
 * watching 80% of its 6-second video alone, and grants credit by the band rule (under 15 minutes:
 * 0.25) plus 0.5 for a passed quiz; session 2 grants a fixed 2 hours for the usual three steps.
 */
const keys = generateKeyPair();
let packFile: string;
let work: string;

/** The pack with session 1 completed by watching `fraction` of its video. */
async function build(version: string, fraction: number, out: string) {
  const folder = makeMediaPackFolder(join(work, `pack-${version}`), { version });
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.sessions[0].completion = {
    media: [{ path: 'media/s1.mp4', fraction }],
    reading: false,
    keyPoints: false,
    quiz: false,
  };
  manifest.sessions[0].credit = { kind: 'bands', quizBonus: 0.5 };
  manifest.sessions[1].credit = { kind: 'fixed', hours: 2 };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  await buildPackToFile(folder, keys.privateKeyPem, out, { probeDuration: ffprobeDuration });
  return out;
}
let stricterPackFile: string;

beforeAll(async () => {
  // Built once for the file (tempDir folders go after each test).
  work = mkdtempSync(join(tmpdir(), 'watch-pack-'));
  packFile = await build('1.2.0', 0.8, join(work, 'watch.studypack'));
  stricterPackFile = await build('1.3.0', 1, join(work, 'watch-1.3.studypack'));
}, 120_000);

let now = Date.parse('2026-11-20T09:00:00Z');
const advance = (seconds: number) => (now += seconds * 1000);
const cores: Core[] = [];
afterAll(() => {
  cores.forEach((c) => c.close());
  rmSync(work, { recursive: true, force: true });
});

async function open() {
  const core = await Core.open({
    dataDir: tempDir('watch-data-'),
    appName: 'Study Companion',
    appVersion: 'test',
    clock: { now: () => new Date(now) },
  });
  cores.push(core);
  const dispatch = createDispatch(core, () => {});
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
    return reply.value as CallOutput<N>;
  };
  const bytes = readFileSync(packFile);
  const { uploadId } = await call('library.uploadBegin', { fileName: 'w.studypack', size: bytes.length });
  await call('library.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  await call('library.import', { uploadId, trustPublisher: true });
  await call('profiles.create', { name: '王五', unit: '省委组织部' });
  return { core, call };
}

const video = 'media/s1.mp4';

describe('watching a recorded session', () => {
  it('stores the union of what was played and the time spent, and resumes at the last position', async () => {
    const { call } = await open();
    advance(3);
    let r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [[0, 2.5]],
      secondsDelta: 2.5,
      position: 2.5,
    });
    expect(r.progress).toMatchObject({ coveredSeconds: 2.5, seconds: 3, position: 2.5, required: 0.8 });
    advance(2);
    // Went back and watched 1.5-3 again: only the new half second counts as coverage.
    r = await call('watch.save', { sessionId: 's1', path: video, played: [[1.5, 3]], secondsDelta: 1.5, position: 3 });
    expect(r.progress.coveredSeconds).toBeCloseTo(3, 5);
    expect(r.progress.intervals).toEqual([[0, 3]]);
    // A stretch that starts where the stored one ended, to the microsecond: one piece, not two.
    advance(2);
    r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [[3.0004, 4.449316]],
      secondsDelta: 1.5,
      position: 4.449316,
    });
    advance(2);
    r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [[4.449316, 5]],
      secondsDelta: 1,
      position: 5,
    });
    expect(r.progress.intervals).toEqual([[0, 5]]);
    const { items } = await call('media.list', { sessionId: 's1' });
    expect(items[0]!.progress).toMatchObject({ coveredSeconds: 5, position: 5 });
    expect(items[1]!.progress).toBeNull(); // the PDF is not watched
    const home = await call('course.overview', {});
    expect(home.sessions[0]!.watching).toMatchObject({ coveredSeconds: 5, seconds: 7 });
    expect(home.sessions[0]!.watching.totalSeconds).toBeGreaterThan(5.5);
  });

  it('earns nothing for a seek ahead, and completes only when 80% of the recording is covered', async () => {
    const { call } = await open();
    advance(3);
    // Watched 0-2, jumped to the end: 2 s of a 6 s video.
    let r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [
        [0, 2],
        [5.5, 6],
      ],
      secondsDelta: 2.5,
      position: 6,
    });
    expect(r.sessionComplete).toBe(false);
    expect((await call('course.overview', {})).sessions[0]!.status).toBe('in-progress');
    advance(4);
    r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [[2, 4.5]],
      secondsDelta: 2.5,
      position: 4.5,
    });
    expect(r.progress.fraction).toBeGreaterThan(0.8);
    expect(r.sessionComplete).toBe(true);
    const ledger = await call('progress.ledger', {});
    expect(ledger.grantsCredit).toBe(true);
    // Band rule, recordings under 15 minutes: 0.25; the quiz is not passed, so no bonus.
    expect(ledger.sessions[0]).toMatchObject({
      complete: true,
      credit: 0.25,
      basis: { kind: 'bands', base: 0.25, quizBonus: 0.5 },
    });
    expect(ledger.sessions[1]).toMatchObject({ complete: false, credit: 0, basis: { kind: 'fixed', hours: 2 } });
    expect(ledger.totalCredit).toBe(0.25);
  });

  it('keeps a session complete only while its evidence meets the rule of the installed version', async () => {
    const { core, call } = await open();
    advance(10);
    await call('watch.save', { sessionId: 's1', path: video, played: [[0, 5]], secondsDelta: 5, position: 5 });
    const first = (await call('course.overview', {})).sessions[0]!;
    expect(first).toMatchObject({ status: 'complete' });
    // Version 1.3.0 asks for the whole recording: 5 of 6 seconds no longer complete the session.
    await core.library.importFile(stricterPackFile, 'w.studypack', {
      trustPublisher: false,
      allowDowngrade: false,
    });
    const reopened = (await call('course.overview', {})).sessions[0]!;
    expect(reopened).toMatchObject({ status: 'in-progress', completedAt: null });
    const archived = core.db.prepare("SELECT item_id, data FROM archived_progress WHERE kind = 'completion'").all();
    expect(archived).toEqual([{ item_id: 's1', data: JSON.stringify({ completed_at: first.completedAt }) }]);
    expect((await call('progress.ledger', {})).sessions[0]).toMatchObject({ complete: false, credit: 0 });
    advance(60);
    const r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [[4.5, 7]],
      secondsDelta: 2.5,
      position: 7,
    });
    expect(r.progress).toMatchObject({ fraction: 1 });
    expect(r.sessionComplete).toBe(true);
    const again = (await call('course.overview', {})).sessions[0]!;
    expect(again.status).toBe('complete');
    expect(again.completedAt! > first.completedAt!).toBe(true); // dated when it was met again
  });

  it('refuses more media time than the clock could have played at 2x, and counts no time twice', async () => {
    const { call } = await open();
    advance(3);
    await expect(
      call('watch.save', { sessionId: 's1', path: video, played: [[0, 6]], secondsDelta: 1, position: 6 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', detail: { reason: 'watch.implausible' } });
    // 2x speed is allowed: 4 media seconds in 2 wall-clock seconds.
    await call('watch.save', { sessionId: 's1', path: video, played: [[0, 4]], secondsDelta: 2, position: 4 });
    // The same report sent again a second later (a replayed request, a second tab): time on task
    // grows by at most the time that passed, coverage does not grow at all.
    advance(0.5);
    const r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [[0, 4]],
      secondsDelta: 2,
      position: 4,
    });
    expect(r.progress.seconds).toBe(3); // 2 + at most the 0.5 s that passed and 0.5 s of clock slack
    expect(r.progress.coveredSeconds).toBe(4);
  });

  it('refuses a path that is not a recording of the session', async () => {
    const { call } = await open();
    for (const path of ['media/slides.pdf', 'media/s2.webm', 'media/none.mp4']) {
      await expect(
        call('watch.save', { sessionId: 's1', path, played: [[0, 1]], secondsDelta: 1, position: 1 }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', detail: { reason: 'watch.mediaNotFound' } });
    }
  });

  it('clips intervals past the end and adds study time to the local day for the chart', async () => {
    const { call } = await open();
    advance(60);
    const r = await call('watch.save', {
      sessionId: 's1',
      path: video,
      played: [[5, 30]],
      secondsDelta: 20,
      position: 30,
    });
    expect(r.progress.intervals[0]![1]).toBeLessThan(6.5);
    expect(r.progress.position).toBeLessThan(6.5);
    await call('reading.save', { sessionId: 's2', position: 0.5, secondsDelta: 40 });
    const ledger = await call('progress.ledger', {});
    expect(ledger.days).toEqual([{ day: expect.stringMatching(/^2026-11-2\d$/), seconds: 60 }]);
    expect(ledger.sessions[1]!.readingSeconds).toBe(40);
    expect(ledger.totalSeconds).toBe(60);
  });
});
