import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';

let cores: Core[] = [];
afterEach(() => {
  cores.forEach((c) => c.close());
  cores = [];
});

async function open(dir?: string) {
  const env = await openCore(dir);
  cores.push(env.core);
  return env;
}

describe('profiles', () => {
  it('stores a PIN only as a salted slow hash and checks it', async () => {
    const { core, call } = await open();
    const p = await call('profiles.create', { name: '吴十', unit: '省财政厅', pin: '2468' });
    const row = core.db.prepare('SELECT pin_hash FROM profiles WHERE id = ?').get(p.id) as { pin_hash: string };
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(row.pin_hash).not.toContain('2468');
    await call('profiles.signOut', {});
    await expect(call('profiles.select', { id: p.id })).rejects.toMatchObject({ code: 'PIN_REQUIRED' });
    await expect(call('profiles.select', { id: p.id, pin: '1357' })).rejects.toMatchObject({ code: 'PIN_WRONG' });
    await expect(call('profiles.select', { id: p.id, pin: '2468' })).resolves.toMatchObject({ name: '吴十' });
  });

  it('a session read to the end at once is in progress, and an untouched one shows no progress', async () => {
    const { call } = await open();
    await call('profiles.create', { name: '丙', unit: '单位三' });
    const before = (await call('course.overview', {})).sessions[0]!;
    expect(before).toMatchObject({ status: 'not-started', fraction: 0 });
    // A short material fits the window: its end is reached with no scrolling and no measured second.
    await call('reading.save', { sessionId: 's1', position: 0, reachedEnd: true });
    const after = (await call('course.overview', {})).sessions[0]!;
    expect(after.status).toBe('in-progress');
    expect(after.fraction).toBeGreaterThan(0);
  });

  it('keeps each participant’s progress separate', async () => {
    const { call } = await open();
    await call('profiles.create', { name: '甲', unit: '单位一' });
    await call('keypoint.mark', { sessionId: 's2', keyPointId: 's2-kp1', reviewed: true });
    await call('profiles.create', { name: '乙', unit: '单位二' });
    const s2 = (await call('course.overview', {})).sessions[1]!;
    expect(s2.keyPoints.reviewed).toBe(0);
    expect(s2.status).toBe('not-started');
  });

  it('reopens the last profile after a restart unless it has a PIN', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.call('profiles.create', { name: '丙', unit: '单位三' });
    first.core.close();
    const second = await open(dir);
    const reopened = await second.call('profiles.list', {});
    expect(reopened.activeId).toBe(reopened.profiles.find((p) => p.name === '丙')!.id);

    // The last one now has a PIN: nobody is signed in after the next restart.
    const locked = await second.call('profiles.create', { name: '丁', unit: '单位四', pin: '1357' });
    expect((await second.call('profiles.list', {})).activeId).toBe(locked.id);
    second.core.close();
    const third = await open(dir);
    expect((await third.call('profiles.list', {})).activeId).toBeNull();
  });
});

describe('reading progress', () => {
  it('remembers the position, keeps the furthest point reached, adds up time, and records reaching the end', async () => {
    const { call } = await open();
    await call('profiles.create', { name: '丁', unit: '单位四' });
    await call('reading.save', { sessionId: 's3', position: 0.6, secondsDelta: 30 });
    await call('reading.save', { sessionId: 's3', position: 0.2, secondsDelta: 45 });
    let s3 = await call('session.get', { sessionId: 's3' });
    expect(s3.reading).toEqual({ position: 0.2, reachedEnd: false, seconds: 75 });
    expect(s3.progress.reading.fraction).toBeCloseTo(0.6);
    expect(s3.progress.status).toBe('in-progress');
    await call('reading.save', { sessionId: 's3', position: 0.9, reachedEnd: true });
    s3 = await call('session.get', { sessionId: 's3' });
    expect(s3.reading.reachedEnd).toBe(true);
    expect(s3.progress.reading.fraction).toBe(1);
  });

  it('refuses ids that are not in the pack', async () => {
    const { call } = await open();
    await call('profiles.create', { name: '戊', unit: '单位五' });
    await expect(call('reading.save', { sessionId: 'nope', position: 0.5 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      call('keypoint.mark', { sessionId: 's1', keyPointId: 's2-kp1', reviewed: true }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
