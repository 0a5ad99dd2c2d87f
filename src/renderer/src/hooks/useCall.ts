import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { call } from '../api/client';
import { takePrefetched } from '../api/prefetch';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads one call's result for a screen, re-running when the input (by value) changes. */
export function useCall<N extends CallName>(name: N, input: CallInput<N>): Loaded<CallOutput<N>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data?: CallOutput<N>; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const input = JSON.parse(key) as CallInput<N>;
    (takePrefetched(name, input) ?? call(name, input)).then(
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
