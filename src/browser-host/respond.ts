import type { ServerResponse } from 'node:http';
import { securityHeaders } from '../shared/csp';
import type { Reply } from '../shared/errors';

/** Every answer carries the shared CSP and security headers, and is never cached. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export const sendReply = (res: ServerResponse, status: number, reply: Reply<unknown>) =>
  send(res, status, JSON.stringify(reply), 'application/json; charset=utf-8');
