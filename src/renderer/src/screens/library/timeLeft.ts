/** Seconds left at the rate so far; null until there is a rate to go by (half a second of it). */
export function secondsLeft(p: { bytesDone: number; bytesTotal: number; elapsedMs: number }): number | null {
  if (p.bytesDone <= 0 || p.elapsedMs < 500) return null;
  return Math.ceil(((p.bytesTotal - p.bytesDone) * (p.elapsedMs / 1000)) / p.bytesDone);
}
