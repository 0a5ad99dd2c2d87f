import { useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

/**
 * Saves a text value shortly after typing stops, and immediately when the screen closes or the
 * window is hidden, so a note is never lost by switching screens or closing the app.
 */
export function useAutosave(value: string, initial: string, save: (v: string) => Promise<unknown>, delayMs = 600) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const last = useRef(initial);
  const pending = useRef(value);
  const saveRef = useRef(save);
  saveRef.current = save;
  pending.current = value;

  const flush = useRef(() => {
    const v = pending.current;
    if (v === last.current) return;
    last.current = v;
    setState({ kind: 'saving' });
    saveRef.current(v).then(
      () => setState({ kind: 'saved' }),
      (e: unknown) => {
        last.current = '\u0000unsaved';
        setState({ kind: 'failed', error: e });
      },
    );
  });

  useEffect(() => {
    if (value === last.current) return;
    const timer = window.setTimeout(flush.current, delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);

  useEffect(() => {
    const f = flush.current;
    const onHide = () => document.visibilityState === 'hidden' && f();
    window.addEventListener('pagehide', f);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', f);
      document.removeEventListener('visibilitychange', onHide);
      f();
    };
  }, []);

  return state;
}
