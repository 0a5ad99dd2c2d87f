import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from './useCues';
import { formatTime } from './formatTime';

interface Props {
  cues: readonly Cue[];
  current: number;
  language: string | null;
  /** Follows playback (the current cue kept in view) only while playing: paused, the participant reads freely. */
  follow: boolean;
  onSeek: (t: number) => void;
}

/** Every cue of the chosen caption track as a line that seeks there; the one playing is marked. */
export function Transcript({ cues, current, language, follow, onSeek }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const box = list.current;
    const item = box?.children[current] as HTMLElement | undefined;
    if (!box || !item || !follow) return;
    // Only the panel scrolls: the page stays where the participant put it.
    const top = item.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [current, follow]);
  return (
    <section className="transcript" aria-label={t('player.transcript')}>
      <h3 aria-hidden="true">{t('player.transcript')}</h3>
      {cues.length === 0 ? (
        <p className="small">{t('player.noTranscript')}</p>
      ) : (
        <ol ref={list} lang={language ?? undefined}>
          {cues.map((c, i) => (
            <li key={`${c.start}-${i}`}>
              <button
                type="button"
                className={i === current ? 'cue current' : 'cue'}
                aria-current={i === current ? 'true' : undefined}
                onClick={() => onSeek(c.start)}
              >
                <span className="cue-time">{formatTime(c.start)}</span> <span>{c.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
