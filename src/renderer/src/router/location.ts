import { useSyncExternalStore } from 'react';

/**
 * The app's address lives in the URL hash (`#/session/s1?x=1`): the renderer is served from a
 * file-like origin (app:// in Electron, a static host in the browser), so the path cannot change.
 */
export interface HashLocation {
  pathname: string;
  search: string;
  /** What `navigate(to, { state })` handed to the next screen (e.g. a review just computed). */
  state: unknown;
}

const states = new Map<string, unknown>();

function read(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : `/${hash}`;
}

let current = read();
let snapshot = parse(current);

function parse(address: string): HashLocation {
  const q = address.indexOf('?');
  return {
    pathname: q < 0 ? address : address.slice(0, q),
    search: q < 0 ? '' : address.slice(q),
    state: states.get(address),
  };
}

/**
 * Read from the address on every call (cached while it is unchanged): a hash change while no
 * screen was listening, e.g. during start-up, must still be seen.
 */
function getSnapshot(): HashLocation {
  const next = read();
  if (next !== current) {
    current = next;
    snapshot = parse(next);
  }
  return snapshot;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export const useHashLocation = (): HashLocation => useSyncExternalStore(subscribe, getSnapshot);

export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (options.state !== undefined) states.set(to, options.state);
  if (options.replace) window.location.replace(`#${to}`);
  else window.location.hash = to;
}
