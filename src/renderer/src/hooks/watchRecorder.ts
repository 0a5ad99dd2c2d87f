import { mergeIntervals, MIN_INTERVAL, type Interval } from '../../../shared/watch/intervals';

/**
 * A gap longer than this between two readings of the clock (a frozen page, a sleeping laptop, a
 * clock pushed forward) is not playing: neither the wall-clock time nor the media time across it
 * is counted.
 */
const MAX_STEP_MS = 3000;
/** Wall-clock milliseconds per reading counted beyond what the media moved (timer jitter). */
const STALL_MS = 100;
/** The most wall-clock seconds one save may carry (the contract's limit); the rest waits for the next. */
const MAX_SECONDS_PER_SAVE = 600;

/** Seconds between a pause's reported position and where playing resumes that still count as one stretch. */
const RESUME_SLACK = 0.25;
const ms3 = (t: number) => Math.round(t * 1000) / 1000;

export interface Played {
  played: Interval[];
  secondsDelta: number;
}

/**
 * What the participant actually played, from readings of (media time, wall-clock time) taken while
 * counting (playing, page visible, participant attended). An interval stays open while media time
 * advances at about the playback rate; anything else (a seek, a jump without a seek event, a long
 * gap) closes it and opens a new one where playing resumes, so skipped media earns nothing. No DOM
 * here, so the rule can be read and tested on its own.
 */
export class WatchRecorder {
  private open: { start: number; last: number; wall: number } | null = null;
  private closed: Interval[] = [];
  private ms = 0;
  /** Where the last pause stopped: playing again from (nearly) there continues that interval. */
  private pausedAt: number | null = null;

  get counting(): boolean {
    return this.open !== null;
  }

  /** Starts counting at media time `t` (or takes a reading if already counting). */
  start(t: number, now: number, rate: number): void {
    if (this.open) return this.read(t, now, rate);
    // The browser reports the paused position a few hundredths late: no gap for that.
    const p = this.pausedAt;
    const from = p !== null && t >= p && t - p <= RESUME_SLACK ? p : t;
    this.open = { start: from, last: t, wall: now };
    this.pausedAt = null;
  }

  /** A reading while counting: media time `t` at wall-clock `now` (ms), playing at `rate`. */
  read(t: number, now: number, rate: number): void {
    const o = this.open;
    if (!o) return;
    const wallStep = now - o.wall;
    const mediaStep = t - o.last;
    const plausible =
      wallStep >= 0 &&
      wallStep <= MAX_STEP_MS &&
      mediaStep >= 0 &&
      mediaStep <= (wallStep / 1000) * Math.max(rate, 1) * 1.25 + 0.3;
    if (plausible) {
      // Time on task is time the media actually moved: a stall (starting up, decoding after a seek,
      // a busy machine) adds at most STALL_MS per reading.
      this.ms += Math.min(wallStep, (mediaStep / Math.max(rate, 0.25)) * 1000 + STALL_MS);
      o.last = t;
      o.wall = now;
      return;
    }
    this.close();
    this.open = { start: t, last: t, wall: now };
  }

  /**
   * Stops counting at the last reading. Callers take a final reading first when the media time is
   * still the played one (pause, end, hiding), and not on a seek (the time is already the target).
   */
  stop(how: 'pause' | 'seek' = 'pause'): void {
    const o = this.open;
    this.close();
    if (o) this.pausedAt = how === 'pause' ? o.last : null;
    else if (how === 'seek') this.pausedAt = null;
  }

  private close(): void {
    const o = this.open;
    if (o && o.last - o.start >= MIN_INTERVAL) this.closed.push([o.start, o.last]);
    this.open = null;
  }

  /** Played and not yet taken, the open interval included (for the timeline). */
  unsaved(): Interval[] {
    const o = this.open;
    return o && o.last > o.start ? [...this.closed, [o.start, o.last]] : [...this.closed];
  }

  /**
   * Everything played since the last take; the open interval goes on from where it was cut. Times
   * are rounded to the millisecond, as the core stores them, so the two halves of a cut interval
   * still touch once stored and merge into one.
   */
  take(): Played {
    const o = this.open;
    const played = this.closed.map(([s, e]): Interval => [ms3(s), ms3(e)]);
    if (o && o.last - o.start >= MIN_INTERVAL) {
      const cut = ms3(o.last);
      played.push([ms3(o.start), cut]);
      o.start = cut;
    }
    this.closed = [];
    const ms = Math.min(this.ms, MAX_SECONDS_PER_SAVE * 1000);
    this.ms -= ms;
    return { played: mergeIntervals(played), secondsDelta: Math.floor(ms) / 1000 };
  }

  /** A save that failed for a reason worth retrying: its content goes with the next one. */
  giveBack(p: Played): void {
    this.closed = mergeIntervals([...p.played, ...this.closed]);
    this.ms += p.secondsDelta * 1000;
  }
}
