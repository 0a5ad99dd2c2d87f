import { useEffect, useRef, type RefObject } from 'react';
import { call } from '../api/client';
import { attendedMs } from './attendedTime';

const SAVE_EVERY_MS = 2000;

/**
 * Restores the reading position in the material, then records how far the participant scrolled,
 * whether they reached the end, and time spent while the page is visible. Saves are throttled and
 * flushed when the screen closes, so switching screens never loses the position.
 */
export function useReadingTracker(
  ref: RefObject<HTMLElement | null>,
  sessionId: string,
  initial: { position: number } | undefined,
  onReachedEnd: () => void,
) {
  const state = useRef({
    position: 0,
    reachedEnd: false,
    dirty: false,
    seconds: 0,
    lastTick: Date.now(),
    lastInput: Date.now(),
  });
  const endCb = useRef(onReachedEnd);
  endCb.current = onReachedEnd;

  useEffect(() => {
    const el = ref.current;
    if (!el || !initial) return;
    const s = state.current;
    s.position = initial.position;
    const top = el.getBoundingClientRect().top + window.scrollY;
    if (initial.position > 0) window.scrollTo({ top: top + initial.position * el.offsetHeight - 80 });

    const measure = () => {
      const rect = el.getBoundingClientRect();
      const seen = window.innerHeight - rect.top;
      const fraction = rect.height > 0 ? Math.max(0, Math.min(1, seen / rect.height)) : 1;
      const startOfView = Math.max(0, Math.min(1, -rect.top / Math.max(1, rect.height)));
      s.position = startOfView;
      s.dirty = true;
      if (fraction >= 0.999 && !s.reachedEnd) {
        s.reachedEnd = true;
        // Told only once the end is saved, so whatever the screen reloads then already counts it.
        void flush().then(() => endCb.current());
      }
    };
    const tick = () => {
      const now = Date.now();
      if (document.visibilityState === 'visible') s.seconds += attendedMs(s.lastTick, now, s.lastInput) / 1000;
      s.lastTick = now;
    };
    const flush = async (): Promise<void> => {
      tick();
      const secondsDelta = Math.min(3600, Math.floor(s.seconds));
      if (!s.dirty && secondsDelta === 0) return;
      s.seconds -= secondsDelta;
      s.dirty = false;
      await call('reading.save', { sessionId, position: s.position, reachedEnd: s.reachedEnd, secondsDelta }).catch(
        () => {
          s.dirty = true;
        },
      );
    };
    const flushNow = () => void flush();
    const attended = () => {
      tick(); // the time before this input is judged by the input before it
      s.lastInput = Date.now();
    };
    const inputs = ['scroll', 'keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
    measure();
    const timer = window.setInterval(flushNow, SAVE_EVERY_MS);
    window.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    window.addEventListener('pagehide', flushNow);
    for (const e of inputs) window.addEventListener(e, attended, { passive: true });
    return () => {
      for (const e of inputs) window.removeEventListener(e, attended);
      window.clearInterval(timer);
      window.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
      window.removeEventListener('pagehide', flushNow);
      flushNow();
    };
  }, [ref, sessionId, initial]);
}
