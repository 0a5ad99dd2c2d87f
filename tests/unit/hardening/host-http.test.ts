import fc from 'fast-check';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLink } from '../../../src/browser-host/in-process-core';
import { startHost, type RunningHost } from '../../../src/browser-host/server';
import type { Core } from '../../../src/core/core';
import { callNames } from '../../../src/shared/contract';
import { CSP } from '../../../src/shared/csp';
import { errorCodes } from '../../../src/shared/errors';
import { openCore } from '../support/core';
import { suiteDir } from './support';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request with exactly the headers given (fetch would not let us forge Host). */
function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * A POST that sends `bytes` of body (chunked, or after a declared Content-Length) and then waits for
 * the answer without sending more. The host closes the connection after a 413; sending nothing it
 * has not read keeps that close a clean FIN, so the answer always arrives (a client still writing
 * would get a reset that may swallow the 413).
 */
function sendUntilAnswered(port: number, path: string, bytes: number, declared?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Host: `127.0.0.1:${port}`,
      'Content-Type': 'application/json',
      ...(declared === undefined ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(declared) }),
    };
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.flushHeaders();
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    for (let left = bytes; left > 0; left -= chunk.length) req.write(chunk.subarray(0, Math.min(left, chunk.length)));
  });
}

let core: Core;
let host: RunningHost;
let port: number;
let own: Record<string, string>;

beforeAll(async () => {
  ({ core } = await openCore(suiteDir('study-http-')));
  const renderer = suiteDir('study-http-renderer-');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({ link: await inProcessLink(core), dataDir: core.options.dataDir, rendererDir: renderer });
  port = Number(new URL(host.url).port);
  own = { Host: `127.0.0.1:${port}` };
});
afterAll(async () => {
  await host.close();
  core.close();
});

/** A POST with a raw body (maybe not JSON at all) and the JSON content type. */
const raw = (body: string | Buffer, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { ...own, 'Content-Type': 'application/json', ...headers },
  body,
});
const json = (value: unknown, headers: Record<string, string> = {}) => raw(JSON.stringify(value), headers);

describe('browser host: who may call (DNS rebinding, cross-site)', () => {
  it('answers its own origin, by IP or by localhost', async () => {
    expect((await send(port, { path: '/', headers: own })).status).toBe(200);
    expect((await send(port, { path: '/', headers: { Host: `localhost:${port}` } })).status).toBe(200);
    const api = await send(port, { path: '/api/app.info', ...json({}, { Origin: `http://127.0.0.1:${port}` }) });
    expect(api.status).toBe(200);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { Host: `evil.example:${port}` }],
    ['a foreign Host on the right name but another port', { Host: `127.0.0.1:${port + 1}` }],
    ['a Host without port', { Host: '127.0.0.1' }],
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['the opaque Origin "null" (sandboxed frame, file://)', { Origin: 'null' }],
    ['an Origin with another scheme', { Origin: `https://127.0.0.1:${port}` }],
  ])('refuses %s with 403, for pages and for the API', async (_what, headers) => {
    const profiles = () => (core.db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n;
    const before = profiles();
    const page = await send(port, { path: '/', headers: { ...own, ...headers } });
    expect(page.status).toBe(403);
    const api = await send(port, { path: '/api/profiles.create', ...json({ name: 'x', unit: 'y' }, headers) });
    expect(api.status).toBe(403);
    expect(profiles(), 'the refused call created nothing').toBe(before);
  });
});

describe('browser host: malformed requests get a typed error, never a crash', () => {
  it('refuses a wrong content type with 415 (a cross-site form cannot send application/json)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await send(port, {
        path: '/api/app.info',
        method: 'POST',
        headers: { ...own, 'Content-Type': type },
        body: '{}',
      });
      expect(r.status).toBe(415);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const none = await send(port, { path: '/api/app.info', method: 'POST', headers: own, body: '{}' });
    expect(none.status).toBe(415);
  });

  it('refuses other methods on the API with 405, and non-GET pages with 405', async () => {
    expect((await send(port, { path: '/api/app.info', headers: own })).status).toBe(405);
    expect((await send(port, { path: '/api/app.info', method: 'PUT', headers: own })).status).toBe(405);
    expect((await send(port, { path: '/', method: 'POST', headers: own })).status).toBe(405);
  });

  it('answers any malformed JSON body with 400 INVALID_INPUT', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('{', '{"a":', 'nul', '[1,2', '{"a":1}}', '\u0000', '{"__proto__":', "{'a':1}", 'NaN'),
          fc.json().map((j) => j.slice(0, Math.max(1, j.length - 1))),
        ),
        async (body) => {
          let valid = true;
          try {
            JSON.parse(body);
          } catch {
            valid = false;
          }
          const r = await send(port, { path: '/api/profiles.create', ...raw(body) });
          const reply = JSON.parse(r.body) as { ok: boolean; error?: { code: string } };
          if (valid) expect([200]).toContain(r.status);
          else expect(r.status).toBe(400);
          if (!reply.ok) expect(errorCodes).toContain(reply.error!.code);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const tooLarge = (r: Answer) => {
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    };
    // Streamed without a length: refused once more than 16 MiB has arrived.
    tooLarge(await sendUntilAnswered(port, '/api/note.save', 16 * 1024 * 1024 + 1));
    // A declared (maybe lying) Content-Length over the limit is refused before anything is read.
    tooLarge(await sendUntilAnswered(port, '/api/note.save', 0, 17 * 1024 * 1024));
    tooLarge(await sendUntilAnswered(port, '/api/note.save', 0, 64 * 1024 * 1024));
    expect((await send(port, { path: '/api/app.info', ...json({}) })).status).toBe(200);
  }, 30_000);

  it('answers unknown and hostile call names with UNKNOWN_CALL', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'app.info%00', '..%2F..%2Fetc%2Fpasswd', '']) {
      const r = await send(port, { path: `/api/${name}`, ...json({}) });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
  });

  it('answers every contract call with a typed reply for random JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callNames), fc.jsonValue({ maxDepth: 3 }), async (name, body) => {
        const r = await send(port, { path: `/api/${name}`, ...json(body) });
        expect(r.status).toBe(200);
        const reply = JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };
        if (!reply.ok) {
          expect(errorCodes).toContain(reply.error!.code);
          expect(reply.error!.code).not.toBe('INTERNAL');
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('browser host: static files', () => {
  it('never serves outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00',
      '/..%5c..%5cpackage.json',
    ]) {
      const r = await send(port, { path, headers: own });
      expect(r.body, path).not.toContain('"name"');
      expect([400, 404, 200], path).toContain(r.status);
      if (r.status === 200) expect(r.body).toContain('<title>app</title>'); // the SPA fallback, nothing else
    }
  });

  it('sends the shared CSP and the other security headers on every answer, errors included', async () => {
    const answers = [
      await send(port, { path: '/', headers: own }),
      await send(port, { path: '/assets/app.js', headers: own }),
      await send(port, { path: '/missing.js', headers: own }),
      await send(port, { path: '/', headers: { Host: 'evil.example' } }),
      await send(port, { path: '/api/app.info', ...json({}) }),
      await send(port, { path: '/api/app.info', ...raw('{') }),
    ];
    for (const a of answers) {
      expect(a.headers['content-security-policy']).toBe(CSP);
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(a.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(a.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('uses a strict CSP: nothing but its own origin, no inline or eval, no plugins, no framing', () => {
    const directives = new Map(
      CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]); // a PDF of the media store in the app's own viewer
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-|https?:|wss?:|\*/);
  });
});
