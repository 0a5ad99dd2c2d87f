import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../../shared/contract/library';
import type { MediaProgress } from '../../../../../shared/contract/watch';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useWatchTracker } from '../../../hooks/useWatchTracker';
import { Chapters } from './Chapters';
import { Controls } from './Controls';
import type { PlayerLinks } from './playerLinks';
import { playerKey } from './playerKeys';
import { StillThere } from './StillThere';
import { Transcript } from './Transcript';
import { cueAt, useCues } from './useCues';
import { useMediaState } from './useMediaState';
import './player.css';

/*
 * The native <video>/<audio> element with controls of our own, not media-chrome or Vidstack:
 * media-chrome 4.19 builds every control's shadow root from a template that starts with an inline
 * <style> element (getTemplateHTML in dist/media-chrome-button.js and the others, set with
 * setHTMLUnsafe/innerHTML), and our CSP (src/shared/csp.ts: style-src 'self', no 'unsafe-inline')
 * blocks those, so its controls would render unstyled. Vidstack 1.15 does not inject styles (its
 * themes are CSS files), but it is 0.9 MB of script and still leaves the parts this app needs to
 * us: the watched parts on the timeline, the transcript, the chapter links from key points, the
 * honest-progress tracking and the "still there?" question, all in Chinese and English.
 */

const SKIP_SECONDS = 5;

/** The caption language to start with: the UI's language, else the pack's first caption track. */
function firstCaption(entry: MediaEntry, uiLanguage: string): string | null {
  const exact = entry.captions.find((c) => c.language === uiLanguage);
  const base = entry.captions.find((c) => c.language.split('-')[0] === uiLanguage.split('-')[0]);
  return (exact ?? base ?? entry.captions[0])?.language ?? null;
}

interface Props {
  sessionId: string;
  entry: MediaEntry;
  links?: PlayerLinks;
  onSaved?: (progress: MediaProgress, sessionComplete: boolean) => void;
}

export function MediaPlayer({ sessionId, entry, links, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const media = useRef<HTMLMediaElement | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const region = useRef<HTMLElement>(null);
  const helpId = useId();
  const state = useMediaState(media, entry.duration);
  const tracker = useWatchTracker(media, { sessionId, path: entry.path, initial: entry.progress, onSaved });
  const [captionLanguage, setCaptionLanguage] = useState(() => firstCaption(entry, i18n.language));
  const [captionsOn, setCaptionsOn] = useState(true);
  const [fullscreen, setFullscreen] = useState(false);
  const cues = useCues(media, captionLanguage);
  const current = cueAt(cues, state.currentTime);

  const seek = useCallback((to: number) => {
    const el = media.current;
    if (!el) return;
    const end = Number.isFinite(el.duration) ? el.duration : Infinity;
    el.currentTime = Math.max(0, Math.min(to, end));
  }, []);
  const toggle = useCallback(() => {
    const el = media.current;
    if (!el) return;
    if (el.paused) void el.play().catch(() => undefined);
    else el.pause();
  }, []);
  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stage.current?.requestFullscreen().catch(() => undefined);
  }, []);

  // Resume where the participant left off (once, when the recording's length is known).
  const resumeAt = useRef(entry.progress?.position ?? 0);
  useEffect(() => {
    const el = media.current;
    if (!el) return;
    const resume = () => {
      const at = resumeAt.current;
      resumeAt.current = 0;
      if (at > 1 && (!Number.isFinite(el.duration) || at < el.duration - 1)) el.currentTime = at;
    };
    if (el.readyState >= 1) resume();
    else el.addEventListener('loadedmetadata', resume, { once: true });
    return () => el.removeEventListener('loadedmetadata', resume);
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === stage.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // "Watch this part" from a key point: seek, bring the player into view, give it focus.
  useEffect(
    () =>
      links?.register(entry.path, (to) => {
        seek(to);
        region.current?.scrollIntoView({ block: 'start' });
        stage.current?.focus({ preventScroll: true });
      }),
    [links, entry.path, seek],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    const action = playerKey(e);
    if (!action) return;
    e.preventDefault();
    const el = media.current;
    if (!el) return;
    if (action === 'toggle') toggle();
    else if (action === 'back') seek(el.currentTime - SKIP_SECONDS);
    else if (action === 'forward') seek(el.currentTime + SKIP_SECONDS);
    else if (action === 'captions') {
      if (captionsOn) setCaptionsOn(false);
      else {
        setCaptionsOn(true);
        setCaptionLanguage((l) => l ?? firstCaption(entry, i18n.language));
      }
    } else if (action === 'fullscreen' && entry.kind === 'video') toggleFullscreen();
  };

  const tracks = entry.captions.map((c) => (
    <track key={c.url} kind="captions" src={c.url} srcLang={c.language} label={c.label ?? c.language} />
  ));
  const caption = captionsOn && current >= 0 ? cues[current] : undefined;
  const progress = tracker.progress;

  return (
    <figure ref={region} className={`player player-${entry.kind}`} onKeyDown={onKeyDown} data-testid="player">
      <figcaption>{entry.title}</figcaption>
      <div className="player-main">
        <div
          ref={stage}
          className="player-stage"
          tabIndex={0}
          role="group"
          aria-label={t('player.region', { title: entry.title })}
          aria-describedby={helpId}
        >
          <div className="player-screen">
            {entry.kind === 'video' ? (
              <video
                ref={(el) => {
                  media.current = el;
                }}
                src={entry.url}
                preload="metadata"
                playsInline
                data-testid="session-video"
                onClick={toggle}
              >
                {tracks}
              </video>
            ) : (
              <audio
                ref={(el) => {
                  media.current = el;
                }}
                src={entry.url}
                preload="metadata"
                data-testid="session-audio"
              >
                {tracks}
              </audio>
            )}
            {caption && (
              <div className="player-caption" lang={captionLanguage ?? undefined} aria-hidden="true">
                <span>{caption.text}</span>
              </div>
            )}
          </div>
          <Controls
            state={state}
            entry={entry}
            watched={tracker.watched()}
            captionLanguage={captionLanguage}
            captionsOn={captionsOn}
            fullscreen={fullscreen}
            onToggle={toggle}
            onSeek={seek}
            onRate={(r) => {
              if (media.current) media.current.playbackRate = r;
            }}
            onVolume={(v) => {
              const el = media.current;
              if (!el) return;
              el.volume = v;
              el.muted = v === 0;
            }}
            onMute={() => {
              if (media.current) media.current.muted = !media.current.muted;
            }}
            onCaptions={(l) => {
              setCaptionsOn(l !== null);
              if (l) setCaptionLanguage(l);
            }}
            onFullscreen={toggleFullscreen}
          />
        </div>
        {entry.captions.length > 0 && (
          <Transcript cues={cues} current={current} language={captionLanguage} follow={!state.paused} onSeek={seek} />
        )}
      </div>
      <p id={helpId} className="small player-help">
        {t(entry.kind === 'video' ? 'player.keys' : 'player.keysAudio')}
      </p>
      <Chapters chapters={entry.chapters} currentTime={state.currentTime} onSeek={seek} />
      {progress && (
        <p className="player-progress" data-testid="media-progress">
          {t('player.watchedPercent', { percent: Math.floor(progress.fraction * 100) })}
          {progress.required !== null && ` ${t('player.required', { percent: Math.round(progress.required * 100) })}`}
        </p>
      )}
      {tracker.error && <ErrorMessage error={tracker.error} />}
      <StillThere open={tracker.askingStillThere} onAnswer={tracker.answerStillThere} />
    </figure>
  );
}
