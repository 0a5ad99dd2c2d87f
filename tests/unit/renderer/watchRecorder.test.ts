import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WatchRecorder } from '../../../src/renderer/src/hooks/watchRecorder';
import { coveredSeconds, mergeIntervals } from '../../../src/shared/watch/intervals';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Plays from `from` for `seconds` at `rate`, one reading every 250 ms (as timeupdate does). */
function play(r: WatchRecorder, clock: { now: number }, from: number, seconds: number, rate = 1): number {
  r.start(from, clock.now, rate);
  let t = from;
  for (let i = 0; i < seconds * 4; i++) {
    clock.now += 250;
    t += 0.25 * rate;
    r.read(t, clock.now, rate);
  }
  return t;
}

describe('WatchRecorder (what the player reports as watched)', () => {
  it('records what was played and nothing of a part skipped by a seek', () => {
    const r = new WatchRecorder();
    const clock = { now: 1_000_000 };
    play(r, clock, 0, 3);
    r.stop('seek');
    play(r, clock, 10, 2);
    r.stop();
    const { played, secondsDelta } = r.take();
    expect(played).toEqual([
      [0, 3],
      [10, 12],
    ]);
    expect(secondsDelta).toBeCloseTo(5, 3);
  });

  it('treats a jump of the playhead without a seek event as a seek', () => {
    const r = new WatchRecorder();
    const clock = { now: 0 };
    play(r, clock, 0, 2);
    clock.now += 250;
    r.read(40, clock.now, 1); // a script moving the playhead along
    play(r, clock, 40, 1);
    r.stop();
    expect(r.take().played).toEqual([
      [0, 2],
      [40, 41],
    ]);
  });

  it('counts nothing across a long gap (a sleeping laptop, a clock pushed forward)', () => {
    const r = new WatchRecorder();
    const clock = { now: 0 };
    play(r, clock, 0, 2);
    clock.now += 16 * 60_000;
    r.read(2.25, clock.now, 1);
    r.stop();
    const { secondsDelta } = r.take();
    expect(secondsDelta).toBeCloseTo(2, 3);
  });

  it('counts no time on task while the media does not move (starting up, decoding, a busy machine)', () => {
    const r = new WatchRecorder();
    r.start(5, 0, 1);
    for (let now = 250; now <= 2000; now += 250) r.read(5, now, 1);
    r.read(5.25, 2250, 1);
    r.stop();
    const { played, secondsDelta } = r.take();
    expect(played).toEqual([[5, 5.25]]);
    expect(secondsDelta).toBeLessThan(1.3);
  });

  it('continues one interval across a pause whose reported position lags a little', () => {
    const r = new WatchRecorder();
    const clock = { now: 0 };
    const end = play(r, clock, 0, 2);
    r.stop('pause');
    expect(r.take().played).toEqual([[0, 2]]);
    play(r, clock, end + 0.05, 1);
    r.stop();
    expect(r.take().played).toEqual([[2, 3.05]]);
  });

  it('cuts the open interval at a save so the two halves touch once the core has stored the first', () => {
    const r = new WatchRecorder();
    r.start(0.0004, 0, 1);
    r.read(0.5004, 500, 1);
    r.read(1.0004, 1000, 1);
    // The core keeps milliseconds (src/core/study/watching.ts): the first half as it is stored.
    const storedA = r.take().played.map(([s, e]): [number, number] => [round3(s), round3(e)]);
    r.read(1.5, 1500, 1);
    r.stop();
    const b = r.take();
    expect(mergeIntervals([...storedA, ...b.played])).toEqual([[0, 1.5]]);
  });

  it('a failed save is sent again with the next', () => {
    const r = new WatchRecorder();
    const clock = { now: 0 };
    play(r, clock, 0, 2);
    const lost = r.take();
    r.giveBack(lost);
    play(r, clock, 2, 1);
    r.stop();
    const { played, secondsDelta } = r.take();
    expect(played).toEqual([[0, 3]]);
    expect(secondsDelta).toBeCloseTo(3, 3);
  });

  it('never reports more media than the core accepts for the wall-clock time (2x + 2 s)', () => {
    const step = fc.record({
      kind: fc.constantFrom('play', 'seek', 'pause', 'jump', 'gap', 'take'),
      at: fc.double({ min: 0, max: 3600, noNaN: true }),
      seconds: fc.double({ min: 0, max: 20, noNaN: true }),
      rate: fc.constantFrom(0.75, 1, 1.25, 1.5, 2),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const r = new WatchRecorder();
        const clock = { now: 0 };
        const check = () => {
          const { played, secondsDelta } = r.take();
          expect(coveredSeconds(played)).toBeLessThanOrEqual(secondsDelta * 2 + 2);
        };
        for (const s of steps) {
          if (s.kind === 'play') play(r, clock, s.at, Math.round(s.seconds), s.rate);
          else if (s.kind === 'seek') r.stop('seek');
          else if (s.kind === 'pause') r.stop('pause');
          else if (s.kind === 'jump') r.read(s.at, (clock.now += 250), s.rate);
          else if (s.kind === 'gap') clock.now += s.seconds * 1000;
          else check();
        }
        r.stop();
        check();
      }),
    );
  });
});
