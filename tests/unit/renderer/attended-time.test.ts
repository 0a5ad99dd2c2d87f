import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendedMs, MAX_STEP_MS, READING_IDLE_MS } from '../../../src/renderer/src/hooks/attendedTime';

describe('reading time that counts', () => {
  it('counts a normal step in full while the participant is there', () => {
    expect(attendedMs(0, 2000, 1000)).toBe(2000);
  });

  it('stops counting five minutes after the last input (a page left open overnight)', () => {
    const last = 1_000_000;
    expect(attendedMs(last + READING_IDLE_MS - 1000, last + READING_IDLE_MS + 1000, last)).toBe(1000);
    expect(attendedMs(last + READING_IDLE_MS + 1000, last + READING_IDLE_MS + 3000, last)).toBe(0);
  });

  it('counts nothing beyond one step after a sleep or a throttled timer', () => {
    expect(attendedMs(0, 16 * 60_000, 16 * 60_000)).toBe(MAX_STEP_MS);
  });

  it('never counts more than the time that passed, nor less than nothing (property)', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e7), fc.integer({ min: -1e7, max: 1e7 }), (tick, step, input) => {
        const got = attendedMs(tick, tick + step, tick + input);
        expect(got).toBeGreaterThanOrEqual(0);
        expect(got).toBeLessThanOrEqual(Math.min(step, MAX_STEP_MS));
      }),
    );
  });
});
