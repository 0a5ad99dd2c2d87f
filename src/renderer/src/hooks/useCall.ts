import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { call } from '../api/client';
import { arrivedPrefetch, takePrefetched } from '../api/prefetch';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads one call's result for a screen, re-running when the input (by value) changes. */
export function useCall<N extends CallName>(name: N, input: CallInput<N>): Loaded<CallOutput<N>> {
  const key = JSON.stringify(input);
  // An answer prefetched at start-up that has already arrived is shown by the first render, so
  // the first screen is not rendered empty and then again (see main.tsx).
  const [state, setState] = useState<{ data?: CallOutput<N>; error?: Error; loading: boolean }>(() => {
    const early = arrivedPrefetch(name, JSON.parse(key) as CallInput<N>);
    return early ? { ...early, loading: false } : { loading: true };
  });
  const shownEarly = useRef(!state.loading);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const input = JSON.parse(key) as CallInput<N>;
    const prefetched = takePrefetched(name, input);
    if (shownEarly.current) {
      shownEarly.current = false;
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    (prefetched ?? call(name, input)).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [name, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
