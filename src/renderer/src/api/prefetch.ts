import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { call } from './client';

/**
 * Start-up asks for the first screen's data while the app is still starting (in parallel with
 * settings and strings), instead of after the first render; the screen takes the answer once.
 */
const pending = new Map<string, Promise<unknown>>();
const keyOf = (name: string, input: unknown) => `${name}\u0000${JSON.stringify(input)}`;

export function prefetch<N extends CallName>(name: N, input: CallInput<N>): void {
  const p = call(name, input);
  p.catch(() => {}); // the screen that takes it handles the error
  pending.set(keyOf(name, input), p);
}

/** The prefetched answer, once; later loads call again (the data may have changed). */
export function takePrefetched<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> | null {
  const key = keyOf(name, input);
  const p = pending.get(key);
  pending.delete(key);
  return (p as Promise<CallOutput<N>> | undefined) ?? null;
}
