import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * A session belongs to one page (one tab), not to the browser or the machine: the page asks for
 * a token once (POST /session), keeps it in sessionStorage (per tab, gone with the tab) and sends
 * it with every call. A cookie would be shared by every tab of the browser, and anything on the
 * machine can reach 127.0.0.1, so neither the browser nor the port can stand for the participant.
 * The core only sees an id derived from the token, never the token itself.
 */
export const SESSION_HEADER = 'x-study-session';
export const SESSION_PATH = '/session';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const mintSessionToken = (): string => randomBytes(32).toString('base64url');

/**
 * The calling client: its token's digest, or a fresh id for a request without a token (such a
 * caller gets no profile that needs a PIN beyond its own single request).
 */
export function clientIdOf(req: IncomingMessage): string {
  const token = req.headers[SESSION_HEADER];
  if (typeof token === 'string' && TOKEN.test(token)) {
    return `tab:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
  }
  return `anonymous:${randomUUID()}`;
}
