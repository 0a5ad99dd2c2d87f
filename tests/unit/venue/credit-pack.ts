import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatch } from '../../../src/core/api/dispatch';
import { Core } from '../../../src/core/core';
import { generateKeyPair } from '../../../src/core/packs/keys';
import type { CallName, CallOutput } from '../../../src/shared/contract';
import { makeVideo } from '../../fixtures/media/make';
import { studySession, answerAll } from '../quiz/support';
import { variant } from '../support/pack-variant';
import { tempDir } from '../support/temp';

export const VIDEO = 'media/s1.mp4';
/** The recording's length as the pack declares it (the builder checks it against the file). */
export const VIDEO_SECONDS = 6;

let cached: { bytes: Buffer; publicKey: string } | undefined;

/**
 * The built-in pack (English, with its Chinese translation) with credit rules: session 1 has a
 * recording that must be watched to 90 % and grants credit by the band rule (under 15 minutes:
 * 0.25, plus 0.5 for a passed quiz); session 2 grants a fixed 2 学时 by the format-1 rule; the
 * course certificate needs sessions 1 and 2.
 */
export async function creditPack() {
  if (cached) return cached;
  const keys = generateKeyPair();
  const bytes = await variant(keys.privateKeyPem, (folder) => {
    mkdirSync(join(folder, 'media'), { recursive: true });
    makeVideo(join(folder, VIDEO), 'mp4', VIDEO_SECONDS);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    manifest.sessions[0].media = [{ path: VIDEO, kind: 'video', title: 'Session one recording', duration: 6 }];
    manifest.sessions[0].completion = { media: [{ path: VIDEO, fraction: 0.9 }] };
    manifest.sessions[0].credit = { kind: 'bands', quizBonus: 0.5 };
    manifest.sessions[1].credit = { kind: 'fixed', hours: 2 };
    manifest.course = { sessions: ['s1', 's2'] };
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  });
  cached = { bytes, publicKey: keys.publicKey };
  return cached;
}

/** A clock the test moves, so watching and reading time fit in the span from profile to export. */
export function testClock(start = '2026-11-20T01:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
}

/** A real Core whose built-in pack is the credit pack, called through the hosts' dispatcher. */
export async function openCreditCore(track: Core[]) {
  const pack = await creditPack();
  const packFile = join(tempDir('credit-pack-'), 'credit.studypack');
  writeFileSync(packFile, pack.bytes);
  const clock = testClock();
  const dataDir = tempDir();
  const core = await Core.open({
    dataDir,
    appName: 'Study Companion',
    appVersion: 'test',
    builtin: { packFile, publicKey: pack.publicKey, publisherName: 'Test organisers' },
    clock,
    idleSignOutMs: 7 * 24 * 3600_000,
  });
  track.push(core);
  const dispatch = createDispatch(core, () => {});
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as CallOutput<N>;
  };
  return { core, dispatch, call, clock, dataDir };
}

export type CreditCore = Awaited<ReturnType<typeof openCreditCore>>;

/**
 * A participant who watched session 1's recording through (in two stretches, with a pause), read
 * it, reviewed its key points and passed its quiz; and did the same for session 2 (no recording).
 * Every step through the app's own calls, with the clock moved as a person would take the time.
 */
export async function watcher(track: Core[], name = '张三', unit = '省委组织部'): Promise<CreditCore> {
  const opened = await openCreditCore(track);
  const { call, clock } = opened;
  await call('profiles.create', { name, unit, venue: '武汉分会场' });
  clock.advance(60);
  await call('reading.save', { sessionId: 's1', position: 0.5, secondsDelta: 60 });
  clock.advance(4);
  await call('watch.save', { sessionId: 's1', path: VIDEO, played: [[0, 4]], secondsDelta: 4, position: 4 });
  clock.advance(30);
  clock.advance(3);
  await call('watch.save', { sessionId: 's1', path: VIDEO, played: [[3.5, 6]], secondsDelta: 3, position: 6 });
  await passSession(opened, 's1');
  await passSession(opened, 's2');
  clock.advance(60);
  return opened;
}

/** Reads to the end, reviews every key point and passes the quiz, a minute each. */
export async function passSession(opened: CreditCore, sessionId: string): Promise<void> {
  opened.clock.advance(60);
  await studySession(opened, sessionId);
  opened.clock.advance(60);
  const attempt = await opened.call('quiz.start', { sessionId });
  await answerAll(opened, attempt, () => true);
  opened.clock.advance(60);
  await opened.call('quiz.submit', { attemptId: attempt.attemptId });
}
