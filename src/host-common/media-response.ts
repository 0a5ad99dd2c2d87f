import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { locateMedia, MEDIA_PREFIX, planRange, rangeHeaders } from './media-range';

/**
 * The same answers as `serveMedia`, as a fetch `Response`: what Electron's `protocol.handle`
 * returns for `app://study/media/<sha256>.<ext>`. Electron's own `net.fetch(file://…)` ignores
 * `Range` (electron/electron#38749), so the span is planned and streamed here. The scheme must be
 * registered with `stream: true` for a <video> to read a streamed body.
 */
export async function mediaResponse(
  request: Request,
  dataDir: string,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const { pathname } = new URL(request.url);
  const found = pathname.startsWith(MEDIA_PREFIX)
    ? locateMedia(join(dataDir, 'media'), pathname.slice(MEDIA_PREFIX.length))
    : null;
  const info = found && (await stat(found.path).catch(() => null));
  if (!found || !info?.isFile() || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return new Response('Not found', { status: 404, headers: { ...extraHeaders, 'Content-Type': 'text/plain' } });
  }
  const plan = planRange(request.headers.get('range') ?? undefined, info.size);
  const headers = {
    ...extraHeaders,
    'Cache-Control': 'private, max-age=31536000, immutable',
    ...rangeHeaders(plan, info.size, found.type),
  };
  if (plan.status === 416 || request.method === 'HEAD' || plan.end < plan.start) {
    return new Response(null, { status: plan.status, headers });
  }
  const body = Readable.toWeb(
    createReadStream(found.path, { start: plan.start, end: plan.end, highWaterMark: 256 * 1024 }),
  ) as ReadableStream<Uint8Array>;
  return new Response(body, { status: plan.status, headers });
}
