import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { openCore } from '../support/core';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

describe('the API contract at the dispatcher', () => {
  it('answers invalid input with a typed INVALID_INPUT error, not a crash', async () => {
    const { core, dispatch } = await openCore();
    open.push(core);
    const reply = await dispatch('profiles.create', { name: 42, unit: '' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INVALID_INPUT');
      expect(reply.error.message).toMatch(/name/);
    }
  });

  it('treats a setting sent as undefined (structured clone keeps it) as not sent', async () => {
    const { core, dispatch } = await openCore();
    open.push(core);
    expect(await dispatch('settings.set', { textScale: 1.5 })).toMatchObject({ ok: true });
    // Found by the dispatch fuzz test: the spread let undefined replace the stored value, then the
    // output schema refused it and the reply was INTERNAL.
    expect(await dispatch('settings.set', { language: undefined })).toEqual({
      ok: true,
      value: { language: null, textScale: 1.5, contentLanguage: null, sideBySide: false },
    });
    expect(await dispatch('settings.set', { language: 'en', textScale: undefined })).toEqual({
      ok: true,
      value: { language: 'en', textScale: 1.5, contentLanguage: null, sideBySide: false },
    });
    expect(await dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { language: 'en', textScale: 1.5, contentLanguage: null, sideBySide: false },
    });
  });

  it('refuses an unknown call name', async () => {
    const { core, dispatch } = await openCore();
    open.push(core);
    const reply = await dispatch('__proto__', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('requires a profile for per-participant calls', async () => {
    const { core, dispatch } = await openCore();
    open.push(core);
    expect(await dispatch('course.overview', {})).toMatchObject({ ok: false, error: { code: 'NO_PROFILE' } });
  });

  it('serves the six sessions of the built-in pack once a profile exists', async () => {
    const { core, call } = await openCore();
    open.push(core);
    await call('profiles.create', { name: '张三', unit: '省委组织部' });
    const overview = await call('course.overview', {});
    expect(overview.sessions).toHaveLength(6);
    expect(overview.sessions.every((s) => s.status === 'not-started')).toBe(true);
    expect(overview.pack.publisher.builtin).toBe(true);
  });
});
