import type { IncomingMessage } from 'node:http';

/**
 * HTTP edges the host refuses before any routing. Node's parser keeps only the first of two
 * `Host` headers and accepts absolute-form targets (`GET http://other/...`), so a request could
 * pass the Host check with one name while naming another; both are refused outright.
 */
export function requestProblem(req: IncomingMessage, port: number): string | null {
  const hosts = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'host');
  if (hosts.length !== 1) return 'exactly one Host header is required';
  const target = req.url ?? '/';
  if (!target.startsWith('/')) {
    // Absolute form is legal HTTP/1.1, but only for our own origin; anything else is a proxy request.
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return 'the request target is not a path';
    }
    const own = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (url.protocol !== 'http:' || !own.includes(url.host) || url.host !== req.headers.host) {
      return 'the request target names another host';
    }
  }
  return null;
}

/**
 * Exactly `application/json`, optionally with parameters (`; charset=utf-8`): a prefix test
 * would let `application/jsonp` or `application/json-seq` through, and neither is what we parse.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const mediaType = header.split(';', 1)[0]!.trim().toLowerCase();
  return mediaType === 'application/json';
}
