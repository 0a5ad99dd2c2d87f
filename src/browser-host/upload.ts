import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CoreLink } from '../host-common/core-link';
import { send, sendReply } from './respond';

/** The largest pack a participant can hand the browser host (the core checks free disk space too). */
export const MAX_UPLOAD = 8 * 1024 ** 3;

const refuse = (res: ServerResponse, status: number, reason: string, message: string) =>
  sendReply(res, status, { ok: false, error: { code: 'INVALID_INPUT', message, detail: { reason } } });

/**
 * POST /upload: the pack file as the raw request body, streamed to disk in the data folder's
 * uploads/ (never held in memory, never base64), then handed to the core as an upload. The custom
 * X-File-Name header makes any cross-origin attempt need a CORS preflight, which is never answered.
 */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, dataDir: string, link: CoreLink) {
  if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
  const rawName = req.headers['x-file-name'];
  const size = Number(req.headers['content-length']);
  if (req.headers['content-type'] !== 'application/octet-stream' || typeof rawName !== 'string') {
    return refuse(res, 415, 'upload.format', 'Send the file as application/octet-stream with X-File-Name.');
  }
  if (!Number.isSafeInteger(size) || size <= 0 || size > MAX_UPLOAD) {
    res.once('finish', () => req.destroy());
    return refuse(res, 413, 'upload.size', `The file must be between 1 byte and ${MAX_UPLOAD} bytes.`);
  }
  let fileName: string;
  try {
    fileName = decodeURIComponent(rawName).slice(0, 255);
  } catch {
    return refuse(res, 400, 'upload.name', 'X-File-Name is not URI-encoded.');
  }
  const dir = join(dataDir, 'uploads');
  const path = join(dir, `${randomUUID()}.part`);
  try {
    await mkdir(dir, { recursive: true });
    let received = 0;
    await pipeline(
      req,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          received += chunk.length;
          if (received > size) throw new Error('more data than Content-Length');
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
    if (received !== size) throw new Error(`upload incomplete: ${received} of ${size} bytes`);
    const value = await link.op('uploads.adopt', { path, fileName, owned: true });
    sendReply(res, 200, { ok: true, value });
  } catch (e) {
    await rm(path, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS') {
      return sendReply(res, 507, {
        ok: false,
        error: {
          code: 'STORAGE',
          message: 'There is no room to receive this file.',
          detail: { reason: 'upload.noSpace' },
        },
      });
    }
    if (!res.headersSent && !req.destroyed) refuse(res, 400, 'upload.incomplete', 'The file did not arrive whole.');
  }
}
