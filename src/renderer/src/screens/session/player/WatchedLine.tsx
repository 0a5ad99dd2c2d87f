import { useTranslation } from 'react-i18next';
import type { SessionProgress } from '../../../../../shared/contract/study';

/**
 * "已观看 42 / 58 分钟": media covered of the session's recordings (the union of what was played,
 * not time spent). Nothing for a session without recordings. Small files, so home (first screen)
 * can show it without loading the player.
 */
export function WatchedLine({ watching }: { watching: SessionProgress['watching'] }) {
  const { t } = useTranslation();
  if (!(watching.totalSeconds > 0)) return null;
  // Under two minutes (short clips) minutes would read "0 / 1": seconds say it better.
  const short = watching.totalSeconds < 120;
  const unit = short ? 1 : 60;
  const watched = Math.floor(Math.min(watching.coveredSeconds, watching.totalSeconds) / unit);
  const total = Math.round(watching.totalSeconds / unit);
  return (
    <span className="watched-line" data-testid="watched-line">
      {t(short ? 'watched.seconds' : 'watched.minutes', { watched, total })}
    </span>
  );
}
