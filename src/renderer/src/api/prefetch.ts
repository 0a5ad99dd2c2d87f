import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { call } from './client';

/**
 * Start-up asks for the first screen's data while the app is still starting (in parallel with
 * settings and strings), instead of after the first render; the screen takes the answer once.
 */
type Settled = { data: unknown } | { error: Error };
interface Pending {
  promise: Promise<unknown>;
  /** Set once the answer is here, so a screen's first render can show it. */
  settled?: Settled;
}
const pending = new Map<string, Pending>();
const keyOf = (name: string, input: unknown) => `${name}\u0000${JSON.stringify(input)}`;

/** Sends the call now, unless its answer is already here or on its way (taken once). */
export function prefetch<N extends CallName>(name: N, input: CallInput<N>): void {
  if (pending.has(keyOf(name, input))) return;
  const entry: Pending = { promise: call(name, input) };
  // The screen that takes the answer handles an error.
  entry.promise.then(
    (data) => (entry.settled = { data }),
    (error: Error) => (entry.settled = { error }),
  );
  pending.set(keyOf(name, input), entry);
}

/** An answer that came with the page (api/host-answers.ts), taken like a prefetched one. */
export function seedPrefetch<N extends CallName>(name: N, input: CallInput<N>, value: CallOutput<N>): void {
  pending.set(keyOf(name, input), { promise: Promise.resolve(value), settled: { data: value } });
}

/** The prefetched answer, once; later loads call again (the data may have changed). */
export function takePrefetched<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> | null {
  const key = keyOf(name, input);
  const p = pending.get(key);
  pending.delete(key);
  return (p?.promise as Promise<CallOutput<N>> | undefined) ?? null;
}

/** The prefetched answer's promise, left in place for `takePrefetched` (the first paint reads it too). */
export function peekPrefetched<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> | null {
  return (pending.get(keyOf(name, input))?.promise as Promise<CallOutput<N>> | undefined) ?? null;
}

/** The prefetched answer if it has already arrived (left in place for `takePrefetched`). */
export function arrivedPrefetch<N extends CallName>(
  name: N,
  input: CallInput<N>,
): { data: CallOutput<N> } | { error: Error } | undefined {
  return pending.get(keyOf(name, input))?.settled as { data: CallOutput<N> } | { error: Error } | undefined;
}

/** Resolves (never rejects) once a prefetched call has answered; at once if there is none. */
export async function prefetchArrived<N extends CallName>(name: N, input: CallInput<N>): Promise<void> {
  await pending.get(keyOf(name, input))?.promise.catch(() => undefined);
}
