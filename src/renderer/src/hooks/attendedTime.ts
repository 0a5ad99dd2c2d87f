/**
 * Reading time that counts: the part of a step while the participant was there. A step longer
 * than MAX_STEP_MS is a laptop waking from sleep or a throttled background timer, not reading,
 * and counts nothing beyond it; nothing counts IDLE_MS after the last input (scroll, key, pointer,
 * touch), so a page left open overnight adds no study time. The player asks "still there?"
 * instead (watching needs no input); reading has no such question, so it stops quietly.
 */
export const READING_IDLE_MS = 5 * 60_000;
export const MAX_STEP_MS = 10_000;

export function attendedMs(lastTick: number, now: number, lastInput: number, idleMs = READING_IDLE_MS): number {
  const end = Math.min(now, lastInput + idleMs);
  return Math.max(0, Math.min(end - lastTick, MAX_STEP_MS));
}
