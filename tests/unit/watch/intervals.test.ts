import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clipIntervals,
  coveredSeconds,
  mergeIntervals,
  unionIntervals,
  type Interval,
} from '../../../src/shared/watch/intervals';

const interval = fc
  .tuple(fc.double({ min: 0, max: 600, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }))
  .map(([s, len]): Interval => [s, s + len]);
const intervals = fc.array(interval, { maxLength: 40 });

/** Covered seconds measured the slow, obvious way: sample the timeline at fine steps. */
function sampled(list: readonly Interval[], step = 0.25): number {
  let n = 0;
  for (let t = step / 2; t < 800; t += step) if (list.some(([s, e]) => t >= s && t < e)) n++;
  return n * step;
}

describe('watch intervals', () => {
  it('joins overlapping and touching stretches, drops empty and inverted ones, and sorts', () => {
    expect(
      mergeIntervals([
        [10, 20],
        [0, 5],
        [5, 7],
        [15, 25],
        [30, 30],
        [40, 35],
        [-3, 1],
      ]),
    ).toEqual([
      [0, 7],
      [10, 25],
    ]);
  });

  it('counts a stretch watched twice (seek back) once', () => {
    expect(
      coveredSeconds([
        [0, 60],
        [30, 90],
      ]),
    ).toBe(90);
  });

  it('earns nothing for a seek ahead: the skipped part is not covered', () => {
    // played 0-10, jumped to 50, played 50-55
    expect(
      coveredSeconds([
        [0, 10],
        [50, 55],
      ]),
    ).toBe(15);
  });

  it('at 2x speed covers media time, not wall-clock time', () => {
    // 10 wall-clock seconds at 2x play 20 media seconds: coverage is media time.
    expect(coveredSeconds([[100, 120]])).toBe(20);
  });

  it('clips what lies past the end of the recording', () => {
    expect(
      clipIntervals(
        [
          [50, 70],
          [80, 90],
        ],
        60,
      ),
    ).toEqual([[50, 60]]);
  });

  it('merged lists are sorted, disjoint and cover the same time (property)', () => {
    fc.assert(
      fc.property(intervals, (list) => {
        const m = mergeIntervals(list);
        for (let i = 1; i < m.length; i++) expect(m[i]![0]).toBeGreaterThan(m[i - 1]![1]);
        for (const [s, e] of m) expect(e).toBeGreaterThan(s);
        expect(Math.abs(coveredSeconds(m) - sampled(list))).toBeLessThanOrEqual(0.25 * (2 * list.length + 1));
      }),
    );
  });

  it('union is commutative, idempotent and never less than either side (property)', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        expect(unionIntervals(a, b)).toEqual(unionIntervals(b, a));
        expect(unionIntervals(a, a)).toEqual(mergeIntervals(a));
        const u = coveredSeconds(unionIntervals(a, b));
        expect(u + 1e-9).toBeGreaterThanOrEqual(Math.max(coveredSeconds(a), coveredSeconds(b)));
        expect(u).toBeLessThanOrEqual(coveredSeconds(a) + coveredSeconds(b) + 1e-9);
      }),
    );
  });

  it('saving in pieces gives the same coverage as saving at once (property)', () => {
    fc.assert(
      fc.property(intervals, fc.nat({ max: 40 }), (list, cut) => {
        const once = mergeIntervals(list);
        const pieces = unionIntervals(mergeIntervals(list.slice(0, cut)), list.slice(cut));
        expect(pieces).toEqual(once);
      }),
    );
  });

  it('clipped coverage never exceeds the duration (property)', () => {
    fc.assert(
      fc.property(intervals, fc.double({ min: 1, max: 700, noNaN: true }), (list, duration) => {
        expect(coveredSeconds(clipIntervals(list, duration))).toBeLessThanOrEqual(duration + 1e-9);
      }),
    );
  });
});
