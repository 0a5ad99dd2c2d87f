import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../../shared/contract/library';
import type { Interval } from '../../../../../shared/watch/intervals';
import { formatTime } from './formatTime';

interface Props {
  currentTime: number;
  duration: number;
  watched: readonly Interval[];
  chapters: MediaEntry['chapters'];
  onSeek: (t: number) => void;
}

const percent = (t: number, duration: number) => `${Math.max(0, Math.min(100, (t / duration) * 100))}%`;

/**
 * The seek bar: a native range input (keyboard and screen readers work as they know it) over a
 * track that shows the parts already watched and where each chapter begins.
 */
export function Timeline({ currentTime, duration, watched, chapters, onSeek }: Props) {
  const { t } = useTranslation();
  const total = duration > 0 ? duration : 1;
  return (
    <div className="timeline">
      <div className="timeline-track" aria-hidden="true">
        {watched.map(([s, e]) => (
          <span
            key={`${s}-${e}`}
            className="timeline-watched"
            style={{ left: percent(s, total), width: percent(e - s, total) }}
          />
        ))}
        <span className="timeline-played" style={{ width: percent(currentTime, total) }} />
        {chapters
          .filter((c) => c.start > 0)
          .map((c) => (
            <span key={c.start} className="timeline-chapter" style={{ left: percent(c.start, total) }} />
          ))}
      </div>
      <input
        type="range"
        className="timeline-input"
        data-player-keys
        min={0}
        max={total}
        step="any"
        value={Math.min(currentTime, total)}
        aria-label={t('player.seek')}
        aria-valuetext={t('player.time', { current: formatTime(currentTime), total: formatTime(duration) })}
        onChange={(e) => onSeek(Number(e.target.value))}
      />
    </div>
  );
}
