import { protocol } from 'electron';
import { isMediaPath } from '../host-common/media-range';
import { mediaResponse } from '../host-common/media-response';
import { readStatic } from '../host-common/static-files';
import { securityHeaders } from '../shared/csp';
import type { FirstScreenAnswers } from '../shared/first-screen/answers';
import { pageWithFirstScreen } from '../shared/first-screen/page';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must run before `app.ready`: app:// behaves like https (secure context, same-origin rules). */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // stream: a <video> reads the media body as it arrives, with byte ranges (see mediaResponse).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer from app://study/ instead of file:// (which would grant the page
 * access to the whole disk), with the browser host's own path-traversal check (safeJoin), regular
 * files only (no directory listings), and the shared CSP on every response. Nothing is fetched
 * through file:// at all, so the GrantFileProtocolExtraPrivileges fuse can stay off.
 */
export function serveRenderer(
  rendererDir: string,
  dataDir: string,
  answers: (acceptLanguage: string | null) => Promise<FirstScreenAnswers | null>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    // Stored media (format-2 packs), with byte ranges: Electron's net.fetch(file://) ignores Range.
    if (url.host === APP_HOST && isMediaPath(url.pathname)) return mediaResponse(request, dataDir, securityHeaders);
    const file = url.host === APP_HOST && request.method === 'GET' ? await readStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
    const headers = { ...securityHeaders, 'Content-Type': file.type };
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // Home drawn from the core's answers, as the browser host serves it (src/shared/first-screen).
      const page = pageWithFirstScreen(
        file.body.toString('utf8'),
        await answers(request.headers.get('accept-language')),
      );
      return new Response(page, { status: 200, headers: { ...headers, 'Cache-Control': 'no-store' } });
    }
    return new Response(new Uint8Array(file.body), { status: 200, headers });
  });
}
