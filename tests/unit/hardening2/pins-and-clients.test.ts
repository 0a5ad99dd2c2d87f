import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/core/api/dispatch';
import { Core } from '../../../src/core/core';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';

/** A clock the test moves by hand. */
const manualClock = (start = Date.parse('2026-11-25T10:00:00Z')) => {
  let now = start;
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => (now += ms) };
};

async function openWithClock(dataDir: string, clock: { now(): Date }, idleSignOutMs?: number) {
  const core = await Core.open({ dataDir, appName: 'x', appVersion: 'test', clock, idleSignOutMs });
  return { core, dispatch: createDispatch(core, () => {}) };
}

describe('item 10: the active profile belongs to the client that unlocked it', () => {
  it('another client sees no PIN profile: it cannot read or overwrite notes or export the record', async () => {
    const { core, dispatch } = await openCore();
    const tab = { clientId: 'tab:owner' };
    const other = { clientId: 'tab:intruder' };
    await dispatch('profiles.create', { name: '王五', unit: 'x', pin: '2468' }, tab);
    await dispatch('note.save', { sessionId: 's1', text: '私人笔记' }, tab);

    expect(await dispatch('profiles.list', {}, other)).toMatchObject({ ok: true, value: { activeId: null } });
    expect(await dispatch('session.get', { sessionId: 's1' }, other)).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE' },
    });
    expect(await dispatch('note.save', { sessionId: 's1', text: 'overwritten' }, other)).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE' },
    });
    expect(await dispatch('records.export', { format: 'json' }, other)).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE' },
    });
    // The owner's tab still has it, with the note untouched.
    const own = await dispatch('session.get', { sessionId: 's1' }, tab);
    expect(own).toMatchObject({ ok: true, value: { note: { text: '私人笔记' } } });
    core.close();
  });

  it('signs a PIN profile out after the configured idle time; a profile without PIN stays', async () => {
    const { clock, advance } = manualClock();
    const { core, dispatch } = await openWithClock(tempDir(), clock, 60_000);
    const tab = { clientId: 'tab:a' };
    await dispatch('profiles.create', { name: '赵六', unit: 'x', pin: '1357' }, tab);
    advance(30_000);
    expect(await dispatch('profiles.list', {}, tab)).toMatchObject({ value: { activeId: expect.any(Number) } });
    advance(61_000);
    expect(await dispatch('course.overview', {}, tab)).toMatchObject({ ok: false, error: { code: 'NO_PROFILE' } });

    const plain = { clientId: 'tab:b' };
    await dispatch('profiles.create', { name: '钱七', unit: 'x' }, plain);
    advance(10 * 60_000);
    expect(await dispatch('profiles.list', {}, plain)).toMatchObject({ value: { activeId: expect.any(Number) } });
    core.close();
  });
});

describe('item 11: PIN guesses are throttled per profile, across restarts', () => {
  it('5 free tries, then a wait of 30 s that doubles, kept after a restart; the right PIN clears it', async () => {
    const dataDir = tempDir();
    const { clock, advance } = manualClock();
    let { core, dispatch } = await openWithClock(dataDir, clock);
    const made = await dispatch('profiles.create', { name: '孙八', unit: 'x', pin: '4321' });
    const id = made.ok ? (made.value as { id: number }).id : 0;
    await dispatch('profiles.signOut', {});
    for (let i = 1; i <= 4; i++) {
      expect(await dispatch('profiles.select', { id, pin: '0000' })).toMatchObject({
        error: { code: 'PIN_WRONG', detail: { reason: 'profiles.pin.wrong', triesLeft: 5 - i } },
      });
    }
    expect(await dispatch('profiles.select', { id, pin: '0000' })).toMatchObject({
      error: { code: 'PIN_WRONG', detail: { reason: 'profiles.pin.locked', waitSeconds: 30 } },
    });
    // Even the right PIN is refused during the wait, and a restart changes nothing.
    core.close();
    ({ core, dispatch } = await openWithClock(dataDir, clock));
    advance(10_000);
    expect(await dispatch('profiles.select', { id, pin: '4321' })).toMatchObject({
      error: { detail: { reason: 'profiles.pin.locked', waitSeconds: 20 } },
    });
    advance(21_000);
    expect(await dispatch('profiles.select', { id, pin: '9999' })).toMatchObject({
      error: { detail: { reason: 'profiles.pin.locked', waitSeconds: 60 } },
    });
    advance(61_000);
    expect(await dispatch('profiles.select', { id, pin: '4321' })).toMatchObject({ ok: true });
    await dispatch('profiles.signOut', {});
    expect(await dispatch('profiles.select', { id, pin: '0000' })).toMatchObject({
      error: { detail: { reason: 'profiles.pin.wrong', triesLeft: 4 } },
    });
    core.close();
  });

  it('hashes off the thread: other calls are answered while a PIN is being checked', async () => {
    const { core, dispatch } = await openCore();
    const made = await dispatch('profiles.create', { name: '周九', unit: 'x', pin: '8642' });
    const id = made.ok ? (made.value as { id: number }).id : 0;
    const order: string[] = [];
    const guess = dispatch('profiles.select', { id, pin: '1111' }, { clientId: 'tab:g' }).then(() => order.push('pin'));
    const info = dispatch('app.info', {}).then(() => order.push('info'));
    await Promise.all([guess, info]);
    expect(order).toEqual(['info', 'pin']);
    core.close();
  });
});
