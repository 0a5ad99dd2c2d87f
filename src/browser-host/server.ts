import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreLink } from '../host-common/core-link';
import { isMediaPath, serveMedia } from '../host-common/media-range';
import { securityHeaders } from '../shared/csp';
import { readStatic } from '../host-common/static-files';
import { send, sendReply } from './respond';
import { receiveUpload } from './upload';
import { clientIdOf, mintSessionToken, SESSION_PATH } from './client-session';
import { isJsonContentType, requestProblem } from './request-guard';
import { randomUUID } from 'node:crypto';
import { firstScreenAnswers } from '../host-common/first-screen-answers';
import { sendIndexPage } from './index-page';

const MAX_BODY = 16 * 1024 * 1024;

export interface HostOptions {
  /** The core, running in its worker thread (or in-process in tests). */
  link: CoreLink;
  /** The data folder: uploads are streamed into its uploads/ folder. */
  dataDir: string;
  rendererDir: string;
  port?: number;
}

export interface RunningHost {
  server: Server;
  url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

/** The request body, refused (and the rest left unread) once it passes MAX_BODY. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > MAX_BODY) {
        refused = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * DNS-rebinding and cross-site guard: a page from another origin (or a hostile name that resolves
 * to 127.0.0.1) sends its own Host/Origin, which is not ours, and is refused.
 */
export function isOwnRequest(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, link: CoreLink) {
  if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
  // JSON content type forces a CORS preflight on any cross-origin attempt, which we never answer.
  if (!isJsonContentType(req.headers['content-type'])) {
    return sendReply(res, 415, { ok: false, error: { code: 'INVALID_INPUT', message: 'Send application/json.' } });
  }
  let input: unknown;
  try {
    input = JSON.parse(await readBody(req));
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      // Answer, then drop the connection rather than reading the rest of an oversized upload.
      res.once('finish', () => req.destroy());
      return send(
        res,
        413,
        JSON.stringify({
          ok: false,
          error: { code: 'INVALID_INPUT', message: `The request body is larger than ${MAX_BODY} bytes.` },
        }),
        'application/json; charset=utf-8',
        { Connection: 'close' },
      );
    }
    return sendReply(res, 400, {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
    });
  }
  sendReply(res, 200, await link.call(name, input, { clientId: clientIdOf(req) }));
}

/** A new per-page session token; JSON-only like the API, so another origin cannot mint one. */
function handleSession(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
  if (!isJsonContentType(req.headers['content-type'])) return send(res, 415, 'Send application/json.', 'text/plain');
  send(res, 200, JSON.stringify({ token: mintSessionToken() }), 'application/json; charset=utf-8');
}

/** The browser host: the same renderer and the same core handlers as Electron, over HTTP on loopback. */
export function startHost(opts: HostOptions): Promise<RunningHost> {
  let port = opts.port ?? 0;
  const server = createServer((req, res) => {
    void (async () => {
      if (requestProblem(req, port) || !isOwnRequest(req, port)) return send(res, 403, 'Forbidden', 'text/plain');
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      } catch {
        return send(res, 400, 'Bad request', 'text/plain');
      }
      if (url.pathname === SESSION_PATH) return handleSession(req, res);
      if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5), opts.link);
      if (url.pathname === '/upload') return receiveUpload(req, res, opts.dataDir, opts.link);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
      if (isMediaPath(url.pathname)) return serveMedia(req, res, opts.dataDir, url.pathname, securityHeaders);
      const isPage = url.pathname === '/' || url.pathname === '/index.html' || !url.pathname.includes('.');
      const file = isPage ? null : await readStatic(opts.rendererDir, url.pathname);
      if (file) return send(res, 200, file.body, file.type);
      const page = isPage ? await readStatic(opts.rendererDir, '/index.html') : null;
      if (!page) return send(res, 404, 'Not found', 'text/plain');
      // Asked as a client that has never called: what a new tab of this browser would be told.
      const context = { clientId: `anonymous:${randomUUID()}` };
      await sendIndexPage(res, page.body, () => firstScreenAnswers(opts.link, req.headers['accept-language'], context));
    })().catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    });
  });
  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveHost({
        server,
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
