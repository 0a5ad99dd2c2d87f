import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { safeJoin } from '../core/fs/static-files';
import { securityHeaders } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'study';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before `app.ready`: app:// behaves like https (secure context, same-origin rules). */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://study/ instead of file:// (which would grant the page
 * access to the whole disk), with a path-traversal check and the shared CSP on every response.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host === APP_HOST ? safeJoin(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    if (!res.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(securityHeaders)) headers.set(k, v);
    return new Response(res.body, { status: res.status, headers });
  });
}
