import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../../shared/contract/library';
import { formatTime } from './formatTime';

/** The recording's chapters as a list: each one seeks to its start. */
export function Chapters({
  chapters,
  currentTime,
  onSeek,
}: {
  chapters: MediaEntry['chapters'];
  currentTime: number;
  onSeek: (t: number) => void;
}) {
  const { t } = useTranslation();
  if (chapters.length === 0) return null;
  const current = chapters.reduce((at, c, i) => (currentTime >= c.start ? i : at), -1);
  return (
    <nav className="chapters" aria-label={t('player.chapters')}>
      <h3 aria-hidden="true">{t('player.chapters')}</h3>
      <ol>
        {chapters.map((c, i) => (
          <li key={`${c.start}-${i}`}>
            <button
              type="button"
              className={i === current ? 'chapter current' : 'chapter'}
              aria-current={i === current ? 'true' : undefined}
              onClick={() => onSeek(c.start)}
            >
              <span className="cue-time">{formatTime(c.start)}</span> <span>{c.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
