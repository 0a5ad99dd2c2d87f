import { useTranslation } from 'react-i18next';
import { languageName } from '../../../components/languageName';
import type { MediaEntry } from '../../../../../shared/contract/library';
import type { Interval } from '../../../../../shared/watch/intervals';
import { formatTime } from './formatTime';
import { Timeline } from './Timeline';
import type { MediaState } from './useMediaState';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

interface Props {
  state: MediaState;
  entry: MediaEntry;
  watched: readonly Interval[];
  captionLanguage: string | null;
  captionsOn: boolean;
  fullscreen: boolean;
  onToggle: () => void;
  onSeek: (t: number) => void;
  onRate: (rate: number) => void;
  onVolume: (volume: number) => void;
  onMute: () => void;
  onCaptions: (language: string | null) => void;
  onFullscreen: () => void;
}

/** The player's own controls: text labels beside the symbols, large enough to read and hit. */
export function Controls(p: Props) {
  const { t, i18n } = useTranslation();
  const { state, entry } = p;
  return (
    <div className="player-controls">
      <Timeline
        currentTime={state.currentTime}
        duration={state.duration}
        watched={p.watched}
        chapters={entry.chapters}
        onSeek={p.onSeek}
      />
      <div className="player-buttons">
        <button type="button" className="player-play" onClick={p.onToggle} aria-keyshortcuts="Space">
          <span aria-hidden="true">{state.paused ? '▶' : '❚❚'}</span>{' '}
          {state.paused ? t('player.play') : t('player.pause')}
        </button>
        <span className="player-time" data-testid="player-time">
          {t('player.time', { current: formatTime(state.currentTime), total: formatTime(state.duration) })}
        </span>
        <label className="player-field">
          <span>{t('player.speed')}</span>
          <select value={String(state.rate)} onChange={(e) => p.onRate(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {t('player.speedValue', { rate: s })}
              </option>
            ))}
          </select>
        </label>
        {entry.captions.length > 0 && (
          <label className="player-field">
            <span>{t('player.captions')}</span>
            <select
              value={p.captionsOn && p.captionLanguage ? p.captionLanguage : ''}
              aria-keyshortcuts="C"
              onChange={(e) => p.onCaptions(e.target.value || null)}
            >
              <option value="">{t('player.captionsOff')}</option>
              {entry.captions.map((c) => (
                <option key={c.url} value={c.language}>
                  {c.label ?? languageName(c.language, t, i18n.language)}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="player-volume">
          <button type="button" onClick={p.onMute} aria-pressed={state.muted}>
            {t('player.mute')}
          </button>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={state.muted ? 0 : state.volume}
            aria-label={t('player.volume')}
            aria-valuetext={`${Math.round((state.muted ? 0 : state.volume) * 100)}%`}
            onChange={(e) => p.onVolume(Number(e.target.value))}
          />
        </span>
        {entry.kind === 'video' && (
          <button type="button" onClick={p.onFullscreen} aria-pressed={p.fullscreen} aria-keyshortcuts="F">
            {p.fullscreen ? t('player.exitFullscreen') : t('player.fullscreen')}
          </button>
        )}
      </div>
    </div>
  );
}
