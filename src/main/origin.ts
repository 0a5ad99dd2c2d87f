/**
 * Which origins and URLs the Electron shell lets through. Pure functions (no `electron` import),
 * so tests/unit/hardening checks them in plain Node; window.ts and ipc.ts apply them.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'study';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The origin of a URL, or null for an opaque or unparsable one (never throws: callers run in
 * event handlers). Node's URL gives every non-special scheme the opaque origin "null", while
 * Chromium, where app:// is registered as a standard scheme, gives it `app://host`: that case is
 * computed here, or app://study would never match itself.
 */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === `${APP_SCHEME}:`) return u.host ? `${u.protocol}//${u.host}` : null;
  return u.origin === 'null' ? null : u.origin;
}

/**
 * The app's own page: app://study, or the electron-vite dev server while developing (the caller
 * passes `devUrl` only when the app is not packaged). Compared as whole origins, never as string
 * prefixes (`http://localhost:5173` must not admit `http://localhost:51730` or `...@evil`).
 */
export function isAppOrigin(origin: string | null | undefined, devUrl: string | undefined): boolean {
  if (!origin || origin === 'null') return false;
  if (origin === APP_ORIGIN) return true;
  return devUrl !== undefined && origin === originOf(devUrl);
}

/** Navigation and redirects stay on the app's own origin. */
export const isAppUrl = (url: string, devUrl: string | undefined): boolean => isAppOrigin(originOf(url), devUrl);

/**
 * Offline by design: the only requests the session lets out are to the app itself, DevTools, and
 * inline data: URLs (icons). Everything else (http, https, ws, file, ftp, ...) is cancelled.
 * (While developing, the electron-vite dev server and its hot-reload socket count as the app.)
 */
export function isAllowedRequest(url: string, devUrl: string | undefined): boolean {
  if (url.startsWith('data:') || url.startsWith('devtools://')) return true;
  if (isAppUrl(url, devUrl)) return true;
  // In development only: the dev server's hot-reload socket (ws:// on the dev server's host).
  const dev = devUrl === undefined ? null : originOf(devUrl);
  return dev !== null && originOf(url) === dev.replace(/^http/, 'ws');
}
