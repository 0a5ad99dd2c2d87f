/**
 * Watch coverage as a union of half-open media-time intervals [start, end) in seconds. Shared by
 * the renderer (which records what was played) and the core (which merges, clips and re-checks
 * what it is sent) and the venue (which recomputes coverage from a record's evidence), so the
 * three cannot count differently. Written by hand: the arithmetic is a dozen lines and every
 * interval library found pulls in a tree structure this does not need.
 */
export type Interval = readonly [start: number, end: number];

/** Intervals shorter than this are noise from timeupdate jitter, not watching. */
export const MIN_INTERVAL = 0.05;

/** Sorted, non-overlapping, touching intervals joined, empty and inverted ones dropped. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .map(([s, e]): Interval => [Math.max(0, s), e])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The parts of `list` inside [0, duration). */
export function clipIntervals(list: readonly Interval[], duration: number): Interval[] {
  return mergeIntervals(list.map(([s, e]): Interval => [s, Math.min(e, duration)]));
}

/** Seconds of media covered by the union. */
export function coveredSeconds(list: readonly Interval[]): number {
  return mergeIntervals(list).reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** The union of two lists. */
export const unionIntervals = (a: readonly Interval[], b: readonly Interval[]): Interval[] =>
  mergeIntervals([...a, ...b]);
