import { BRIDGE_KEY, type StudyBridge } from '../../../shared/bridge';
import type { Reply } from '../../../shared/errors';

export type Transport = (name: string, input: unknown) => Promise<Reply<unknown>>;

export const bridge = (): StudyBridge | undefined =>
  (window as unknown as Record<string, StudyBridge | undefined>)[BRIDGE_KEY];

const SESSION_KEY = 'studySession';

/**
 * This tab's session with the browser host: the profile it unlocks belongs to this tab only.
 * Kept in sessionStorage (per tab, survives a reload, gone with the tab), never in a cookie that
 * every tab would share. The page makes the token itself (32 random bytes, the same form the
 * host's `POST /session` mints, and all the host checks), so the first calls of a new tab need
 * no round trip before them.
 */
function sessionToken(): string {
  const kept = sessionStorage.getItem(SESSION_KEY);
  if (kept) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  sessionStorage.setItem(SESSION_KEY, token);
  return token;
}

/** Whether this tab already has a session (a reload): it may differ from a new tab's. */
export const hasSessionToken = () => sessionStorage.getItem(SESSION_KEY) !== null;

/**
 * Small calls outlive the page: a save sent on pagehide (reading position, watched stretch, note)
 * still reaches the host when the tab reloads or closes. The browser allows 64 KiB of such
 * requests in flight, so large bodies (upload chunks) go without it.
 */
const KEEPALIVE_MAX = 16 * 1024;

const httpTransport: Transport = async (name, input) => {
  try {
    const body = JSON.stringify(input ?? {});
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Study-Session': sessionToken() },
      body,
      keepalive: body.length <= KEEPALIVE_MAX,
    });
    return (await res.json()) as Reply<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The app is not responding. Is the host still running?',
        detail: { reason: 'call.noHost' },
      },
    };
  }
};

/** Chosen once at start-up: the preload bridge in Electron, HTTP to the browser host otherwise. */
export function pickTransport(): Transport {
  const b = bridge();
  return b ? (name, input) => b.invoke(name, input) as Promise<Reply<unknown>> : httpTransport;
}
