import { describe, expect, it } from 'vitest';
import { inOrder } from '../../../src/core/packs/inOrder';

/** The bounded, ordered map the verifier hashes media with (docs/testing.md, mutation testing). */

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('inOrder', () => {
  it('keeps results in the order of the items, whatever order the calls finish in', async () => {
    const r = await inOrder([3, 1, 2, 0], 4, async (n) => {
      for (let i = 0; i < n; i++) await tick();
      return n * 10;
    });
    expect(r).toEqual([30, 10, 20, 0]);
    expect(await inOrder([], 3, async () => 1)).toEqual([]);
  });

  it('has at most `limit` calls in flight, and starts them in order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await inOrder([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      most = Math.max(most, ++inFlight);
      await tick();
      await tick();
      inFlight--;
    });
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('starts no new call after a failure', async () => {
    const started: number[] = [];
    await expect(
      inOrder([0, 1, 2, 3], 1, async (n) => {
        started.push(n);
        if (n === 1) throw new Error('one');
      }),
    ).rejects.toThrow('one');
    expect(started).toEqual([0, 1]);
  });

  it('throws the error of the earliest failing item, not of the first to fail', async () => {
    const run = inOrder([0, 1, 2], 3, async (n) => {
      if (n === 0) {
        for (let i = 0; i < 5; i++) await tick();
        throw new Error('zero');
      }
      if (n === 2) throw new Error('two');
      return n;
    });
    await expect(run).rejects.toThrow('zero');
  });
});
