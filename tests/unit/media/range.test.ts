import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLink } from '../../../src/browser-host/in-process-core';
import { startHost, type RunningHost } from '../../../src/browser-host/server';
import type { Core } from '../../../src/core/core';
import { planRange } from '../../../src/host-common/media-range';
import { openCore } from '../support/core';

describe('planRange (RFC 9110 byte ranges, one range)', () => {
  const size = 1000;
  it.each([
    [undefined, { status: 200, start: 0, end: 999 }],
    ['bytes=0-99', { status: 206, start: 0, end: 99 }],
    ['bytes=500-', { status: 206, start: 500, end: 999 }],
    ['bytes=-100', { status: 206, start: 900, end: 999 }],
    ['bytes=900-5000', { status: 206, start: 900, end: 999 }], // end clamped to the file
    ['bytes=-5000', { status: 206, start: 0, end: 999 }],
    ['bytes=999-999', { status: 206, start: 999, end: 999 }],
  ])('%s -> %o', (header, plan) => expect(planRange(header, size)).toEqual(plan));

  it.each([
    ['reversed', 'bytes=500-100'],
    ['beyond the end', 'bytes=1000-'],
    ['far beyond the end', 'bytes=5000-6000'],
    ['empty suffix', 'bytes=-0'],
    ['absurdly long number', 'bytes=1234567890123456789-'],
  ])('%s is unsatisfiable (416)', (_, header) => expect(planRange(header, size)).toEqual({ status: 416 }));

  it.each([
    ['malformed', 'bytes=abc'],
    ['another unit', 'items=0-10'],
    ['no numbers', 'bytes=-'],
    ['many ranges', 'bytes=0-10,20-30,40-50'],
    ['garbage', '\u0000bytes=0-1'],
  ])('%s is ignored: the whole file (200)', (_, header) =>
    expect(planRange(header, size)).toEqual({ status: 200, start: 0, end: 999 }),
  );
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host serves the media store with ranges', () => {
  let host: RunningHost;
  let core: Core;
  let port: number;
  let dataDir: string;
  const sha = 'ab'.repeat(32);
  const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'range-data-')); // for the whole suite (tempDir() is per test)
    ({ core } = await openCore(dataDir, { withBuiltin: false }));
    // A stored file some pack names (written directly; the store's rules are tested elsewhere).
    writeFileSync(join(dataDir, 'media', sha), bytes);
    const renderer = join(dataDir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    host = await startHost({ link: await inProcessLink(core), dataDir, rendererDir: renderer });
    port = Number(new URL(host.url).port);
  });
  afterAll(async () => {
    await host.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a range in the middle with 206 and the exact bytes and headers', async () => {
    const r = await get(port, `/media/${sha}.mp4`, { Range: 'bytes=5000-5999' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 5000-5999/10000');
    expect(r.headers['content-length']).toBe('1000');
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-type']).toBe('video/mp4');
    expect(r.headers['content-security-policy']).toContain("media-src 'self'");
    expect(r.body.equals(bytes.subarray(5000, 6000))).toBe(true);
  });

  it('sends the whole file (200, Accept-Ranges) without a Range header, and headers only for HEAD', async () => {
    const r = await get(port, `/media/${sha}.webm`);
    expect(r.status).toBe(200);
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-type']).toBe('video/webm');
    expect(r.body.equals(bytes)).toBe(true);
    const h = await get(port, `/media/${sha}.webm`, { Range: 'bytes=0-9' }, 'HEAD');
    expect([h.status, h.headers['content-length'], h.body.length]).toEqual([206, '10', 0]);
  });

  it('answers 416 with the size for reversed and beyond-the-end ranges', async () => {
    for (const range of ['bytes=9000-100', 'bytes=10000-', 'bytes=20000-30000']) {
      const r = await get(port, `/media/${sha}.mp4`, { Range: range });
      expect(r.status, range).toBe(416);
      expect(r.headers['content-range'], range).toBe('bytes */10000');
      expect(r.body.length).toBe(0);
    }
  });

  it('ignores malformed and multi-range headers and sends the whole file', async () => {
    for (const range of ['bytes=x-y', 'bytes=0-1,5-6', 'pages=1-2']) {
      const r = await get(port, `/media/${sha}.mp4`, { Range: range });
      expect(r.status, range).toBe(200);
      expect(r.body.length, range).toBe(10_000);
    }
  });

  it('serves nothing outside the store: unknown files, other types, paths, the database', async () => {
    for (const path of [
      `/media/${'cd'.repeat(32)}.mp4`,
      `/media/${sha}.exe`,
      `/media/${sha}`,
      '/media/../progress.sqlite',
      '/media/%2e%2e%2fprogress.sqlite',
      `/media/${sha}.mp4/../../progress.sqlite`,
      '/media/progress.sqlite',
    ]) {
      expect((await get(port, path)).status, path).toBe(404);
    }
  });

  it('refuses a foreign Host, as for every other path (DNS rebinding)', async () => {
    expect((await get(port, `/media/${sha}.mp4`, { Host: 'evil.example:80' })).status).toBe(403);
  });
});
