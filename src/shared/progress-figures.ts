import type { SessionProgress } from './contract/study';

/** A fraction (0-1, clamped) as the whole percent a progress bar shows. */
export const percentOf = (value: number) => Math.round(Math.max(0, Math.min(1, value)) * 100);

/**
 * What "已观看 42 / 58 分钟" says for a session's recordings (the union of what was played, not time
 * spent), or null for a session without recordings.
 */
export function watchedFigures(
  watching: SessionProgress['watching'],
): { key: 'watched.seconds' | 'watched.minutes'; watched: number; total: number } | null {
  if (!(watching.totalSeconds > 0)) return null;
  // Under two minutes (short clips) minutes would read "0 / 1": seconds say it better.
  const short = watching.totalSeconds < 120;
  const unit = short ? 1 : 60;
  return {
    key: short ? 'watched.seconds' : 'watched.minutes',
    watched: Math.floor(Math.min(watching.coveredSeconds, watching.totalSeconds) / unit),
    total: Math.round(watching.totalSeconds / unit),
  };
}
