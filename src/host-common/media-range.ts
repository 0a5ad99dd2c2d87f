import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MEDIA_TYPES } from '../shared/pack/media';

/**
 * Serving stored media with HTTP byte ranges, for both hosts: a <video> seeks by asking for a
 * range, and without a 206 it restarts from the beginning (Kolibri #1655; Electron's
 * `net.fetch(file://)` ignores ranges, electron/electron#38749). Pure Node: the browser host calls
 * `serveMedia`; the Electron protocol handler uses `locateMedia` + `planRange` and streams the
 * same byte span into its Response.
 */

const NAME = /^([0-9a-f]{64})\.([a-z0-9]{1,5})$/;
const TYPES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(MEDIA_TYPES).map(([ext, t]) => [ext, t.mime])),
  vtt: 'text/vtt; charset=utf-8',
};

/** `<sha256>.<ext>` inside the store, or null for any other name (no paths, no unknown types). */
export function locateMedia(storeDir: string, name: string): { path: string; type: string } | null {
  const m = NAME.exec(name);
  const type = m && TYPES[m[2]!];
  return m && type ? { path: join(storeDir, m[1]!), type } : null;
}

export type RangePlan =
  { status: 200; start: number; end: number } | { status: 206; start: number; end: number } | { status: 416 };

/**
 * What to answer for a `Range` header and a file of `size` bytes (RFC 9110 §14). One range only:
 * a malformed header or a list of ranges is ignored and the whole file sent (which the RFC allows,
 * and which no player needs otherwise); a reversed range or one starting past the end is 416.
 * `end` is inclusive; for an empty file it is -1.
 */
export function planRange(header: string | undefined, size: number): RangePlan {
  const whole = { status: 200 as const, start: 0, end: size - 1 };
  if (header === undefined) return whole;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return whole;
  const [first, last] = [m[1]!, m[2]!];
  if (first.length > 15 || last.length > 15) return { status: 416 };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { status: 416 };
    return { status: 206, start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (start >= size || end < start) return { status: 416 };
  return { status: 206, start, end: Math.min(end, size - 1) };
}

/** Headers of the answer (Content-Type, Content-Length, Accept-Ranges, Content-Range). */
export function rangeHeaders(plan: RangePlan, size: number, type: string): Record<string, string> {
  const base = { 'Accept-Ranges': 'bytes', 'Content-Type': type };
  if (plan.status === 416) return { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' };
  const length = plan.end - plan.start + 1;
  return {
    ...base,
    'Content-Length': String(length),
    ...(plan.status === 206 ? { 'Content-Range': `bytes ${plan.start}-${plan.end}/${size}` } : {}),
  };
}

export const MEDIA_PREFIX = '/media/';
export const isMediaPath = (pathname: string): boolean => pathname.startsWith(MEDIA_PREFIX);

/**
 * Answers GET/HEAD for `/media/<sha256>.<ext>` from the store in `<dataDir>/media`: 404 for
 * anything not in it, then 200, 206 or 416, the bytes streamed from disk (never buffered; a closed
 * connection stops the read).
 */
export async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  dataDir: string,
  pathname: string,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const found = locateMedia(join(dataDir, 'media'), pathname.slice(MEDIA_PREFIX.length));
  const info = found && (await stat(found.path).catch(() => null));
  if (!found || !info?.isFile()) {
    res.writeHead(404, { ...extraHeaders, 'Content-Type': 'text/plain' });
    res.end('Not found');
    return;
  }
  const plan = planRange(req.headers.range, info.size);
  // Content-addressed: the bytes at this URL never change.
  res.writeHead(plan.status, {
    ...extraHeaders,
    'Cache-Control': 'private, max-age=31536000, immutable',
    ...rangeHeaders(plan, info.size, found.type),
  });
  if (plan.status === 416 || req.method === 'HEAD' || plan.end < plan.start) {
    res.end();
    return;
  }
  const stream = createReadStream(found.path, { start: plan.start, end: plan.end, highWaterMark: 256 * 1024 });
  try {
    await pipeline(stream, res);
  } catch {
    // The player closed the connection (it seeks by opening a new range): nothing to answer.
    stream.destroy();
  }
}
