import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { MediaProgress } from '../../../shared/contract/watch';
import { mergeIntervals, type Interval } from '../../../shared/watch/intervals';
import { ApiCallError, call } from '../api/client';
import { WatchRecorder, type Played } from './watchRecorder';

/** Saved this often while playing: a crash loses at most these seconds. */
export const SAVE_EVERY_MS = 5000;
/** After this long without any pointer, key, wheel or touch input the player pauses and asks "still there?". */
export const IDLE_MS = 15 * 60 * 1000;
const TICK_MS = 1000;
const INPUTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface WatchTracker {
  /** Intervals watched, saved and not yet saved, merged (for the timeline). */
  watched: () => Interval[];
  /** The latest progress the core answered with (or the one the screen loaded). */
  progress: MediaProgress | null;
  /** The player paused itself for lack of input and asks whether the participant is still there. */
  askingStillThere: boolean;
  /** The participant answered: counting may start again (and `play` resumes playback). */
  answerStillThere: (play: boolean) => void;
  /** The last save failed (kept for the next one unless the core refused it). */
  error: Error | undefined;
}

interface Options {
  sessionId: string;
  path: string;
  initial: MediaProgress | null;
  /** Called after each save the core accepted. */
  onSaved?: (progress: MediaProgress, sessionComplete: boolean) => void;
  idleMs?: number;
}

/**
 * Honest watch progress for one recording: the media intervals actually played while the page is
 * visible and the participant attended, and the wall-clock seconds spent playing them. Not counted:
 * paused, seeking, buffering, a hidden page (the player pauses then), and after `idleMs` without
 * input (the player pauses and asks; the time the question waits is not counted). Saved every
 * SAVE_EVERY_MS while playing, and on pause, end, hiding, pagehide and unmount.
 */
export function useWatchTracker(mediaRef: RefObject<HTMLMediaElement | null>, opts: Options): WatchTracker {
  const { sessionId, path, initial, idleMs = IDLE_MS } = opts;
  const recorder = useRef(new WatchRecorder());
  const [progress, setProgress] = useState(initial);
  const saved = useRef<Interval[]>(initial?.intervals ?? []);
  const [asking, setAsking] = useState(false);
  const askingRef = useRef(false);
  const lastInput = useRef(Date.now());
  const [error, setError] = useState<Error>();
  const onSaved = useRef(opts.onSaved);
  onSaved.current = opts.onSaved;

  useEffect(() => {
    const el = mediaRef.current;
    if (!el) return;
    const r = recorder.current;
    let chain = Promise.resolve();
    let lastSave = Date.now();
    let savedPosition = initial?.position ?? 0;
    let live = true;

    const visible = () => document.visibilityState === 'visible';
    const canCount = () => !el.paused && !el.seeking && !el.ended && visible() && !askingRef.current;
    const read = () => r.read(el.currentTime, Date.now(), el.playbackRate);
    const startIfCan = () => {
      if (canCount()) r.start(el.currentTime, Date.now(), el.playbackRate);
    };
    const send = async (p: Played, position: number) => {
      try {
        const played = p.played.map(([a, b]): [number, number] => [a, b]);
        const res = await call('watch.save', { sessionId, path, played, secondsDelta: p.secondsDelta, position });
        savedPosition = position;
        saved.current = res.progress.intervals;
        if (!live) return;
        setError(undefined);
        setProgress(res.progress);
        onSaved.current?.(res.progress, res.sessionComplete);
      } catch (e) {
        // A refused report would be refused again: it is dropped. Anything else is sent again.
        const refused = e instanceof ApiCallError && e.error.detail?.reason === 'watch.implausible';
        if (!refused) r.giveBack(p);
        if (live) setError(e as Error);
      }
    };
    const save = () => {
      lastSave = Date.now();
      const p = r.take();
      const position = el.currentTime;
      if (p.played.length === 0 && p.secondsDelta === 0 && Math.abs(position - savedPosition) < 0.5) return;
      chain = chain.then(() => send(p, position));
    };
    const stopAndSave = (withReading: boolean) => {
      if (withReading) read();
      r.stop();
      save();
    };

    const onPlaying = () => startIfCan();
    const onTime = () => {
      if (r.counting) read();
      else startIfCan();
    };
    const onPause = () => stopAndSave(true);
    // The time is already the seek's target: the interval ends at the last reading before it.
    const onSeeking = () => r.stop('seek');
    const onWaiting = () => {
      read();
      r.stop();
    };
    const onVisibility = () => {
      if (visible()) return;
      // Hidden, nothing is counted: the recording pauses so nothing is missed either.
      stopAndSave(true);
      el.pause();
    };
    const onPageHide = () => stopAndSave(true);
    const onInput = () => {
      lastInput.current = Date.now();
    };
    const tick = () => {
      if (r.counting) read();
      if (!el.paused && !askingRef.current && Date.now() - lastInput.current >= idleMs) {
        read();
        r.stop();
        askingRef.current = true;
        setAsking(true);
        el.pause();
      }
      if (Date.now() - lastSave >= SAVE_EVERY_MS && r.counting) save();
    };

    const media: Array<[string, () => void]> = [
      // From 'play' (the time is still where it paused), not only 'playing' (already a little on).
      ['play', onPlaying],
      ['playing', onPlaying],
      ['timeupdate', onTime],
      ['pause', onPause],
      ['ended', onPause],
      ['seeking', onSeeking],
      ['seeked', startIfCan],
      ['waiting', onWaiting],
    ];
    for (const [name, fn] of media) el.addEventListener(name, fn);
    for (const name of INPUTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    const timer = window.setInterval(tick, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const [name, fn] of media) el.removeEventListener(name, fn);
      for (const name of INPUTS) window.removeEventListener(name, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      stopAndSave(true);
      live = false;
    };
    // `initial` is what the screen loaded; later progress comes from the saves themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mediaRef, sessionId, path, idleMs]);

  const answerStillThere = useCallback(
    (play: boolean) => {
      askingRef.current = false;
      lastInput.current = Date.now();
      setAsking(false);
      if (play) void mediaRef.current?.play().catch(() => undefined);
    },
    [mediaRef],
  );

  const watched = useCallback(() => mergeIntervals([...saved.current, ...recorder.current.unsaved()]), []);
  return { watched, progress, askingStillThere: asking, answerStillThere, error };
}
