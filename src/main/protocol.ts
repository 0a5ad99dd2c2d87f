import { protocol } from 'electron';
import { readStatic } from '../host-common/static-files';
import { securityHeaders } from '../shared/csp';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must run before `app.ready`: app:// behaves like https (secure context, same-origin rules). */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://study/ instead of file:// (which would grant the page
 * access to the whole disk), with the browser host's own path-traversal check (safeJoin), regular
 * files only (no directory listings), and the shared CSP on every response. Nothing is fetched
 * through file:// at all, so the GrantFileProtocolExtraPrivileges fuse can stay off.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST && request.method === 'GET' ? await readStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': file.type },
    });
  });
}
