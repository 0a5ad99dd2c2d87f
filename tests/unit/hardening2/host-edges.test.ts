import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLink } from '../../../src/browser-host/in-process-core';
import { startHost, type RunningHost } from '../../../src/browser-host/server';
import type { Core } from '../../../src/core/core';
import { childEnv, miniPack, repoRoot, suiteDir } from '../hardening/support';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp';

/** The raw bytes of one HTTP/1.1 request, so headers can be duplicated and targets absolute. */
function rawRequest(port: number, text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Written, not ended: a client that half-closes before the answer may get none (the core answers
    // from its own thread, after the request has been read); the host closes (Connection: close).
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('utf8')));
    socket.on('end', () => resolve({ status: Number(answer.split(' ')[1]), body: answer.split('\r\n\r\n')[1] ?? '' }));
    socket.on('error', reject);
  });
}

async function api(port: number, name: string, input: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

async function session(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const { token } = (await res.json()) as { token: string };
  return { 'X-Study-Session': token };
}

let core: Core;
let host: RunningHost;
let port: number;

beforeAll(async () => {
  ({ core } = await openCore(suiteDir('study-edges-')));
  const renderer = suiteDir('study-edges-renderer-');
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  host = await startHost({ link: await inProcessLink(core), dataDir: core.options.dataDir, rendererDir: renderer });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  core.close();
});

describe('item 12: HTTP edges', () => {
  const body = '{}';
  const post = (head: string) =>
    `${head}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;

  it('answers a well-formed request (the baseline for the refusals below)', async () => {
    const r = await rawRequest(port, post(`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}`));
    expect(r.status).toBe(200);
  });

  it('refuses two Host headers, even when the first is ours', async () => {
    const r = await rawRequest(
      port,
      post(`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example`),
    );
    expect(r.status).toBe(403);
  });

  it('refuses an absolute-form target that names another host', async () => {
    const r = await rawRequest(port, post(`POST http://evil.example/api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}`));
    expect(r.status).toBe(403);
    const ownTarget = await rawRequest(
      port,
      post(`POST http://127.0.0.1:${port}/api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}`),
    );
    expect(ownTarget.status).toBe(200);
  });

  it('refuses content types that only start with application/json', async () => {
    for (const type of ['application/jsonp', 'application/json-seq', 'application/jsonx; charset=utf-8']) {
      const r = await fetch(`http://127.0.0.1:${port}/api/app.info`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: '{}',
      });
      expect(r.status, type).toBe(415);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'Application/JSON ; charset=utf-8' },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });
});

describe('item 10: over HTTP, the unlocked profile belongs to the page that unlocked it', () => {
  it('another page (own session) or a client without one cannot read, write or export', async () => {
    const owner = await session(port);
    const other = await session(port);
    expect(owner['X-Study-Session']).not.toBe(other['X-Study-Session']);
    await api(port, 'profiles.create', { name: '王五', unit: 'x', pin: '2468' }, owner);
    expect(await api(port, 'note.save', { sessionId: 's1', text: '私人' }, owner)).toMatchObject({ ok: true });
    for (const headers of [other, {}]) {
      expect(await api(port, 'session.get', { sessionId: 's1' }, headers)).toMatchObject({
        error: { code: 'NO_PROFILE' },
      });
      expect(await api(port, 'note.save', { sessionId: 's1', text: 'x' }, headers)).toMatchObject({
        error: { code: 'NO_PROFILE' },
      });
      expect(await api(port, 'records.export', { format: 'json' }, headers)).toMatchObject({
        error: { code: 'NO_PROFILE' },
      });
    }
    expect(await api(port, 'session.get', { sessionId: 's1' }, owner)).toMatchObject({
      value: { note: { text: '私人' } },
    });
  });
});

describe('item 4: a host that cannot listen cleans up', () => {
  it('EADDRINUSE: exits 1 and leaves no lock, WAL or SHM behind', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const busy = (blocker.address() as { port: number }).port;
    const dataDir = tempDir('study-busy-');
    const resources = tempDir('study-busy-res-');
    const pack = await miniPack();
    mkdirSync(join(resources, 'builtin'));
    writeFileSync(join(resources, 'builtin', 'mini.studypack'), pack.bytes);
    writeFileSync(
      join(resources, 'builtin', 'builtin.json'),
      JSON.stringify({ packFile: 'mini.studypack', publicKey: pack.publicKey, publisherName: 'T' }),
    );
    const script = join(repoRoot, 'out', 'main', 'host.js'); // as npm run serve runs it (npm test builds first)
    const child = spawn(
      process.execPath,
      [
        script,
        '--data',
        dataDir,
        '--port',
        String(busy),
        '--resources',
        resources,
        '--renderer',
        join(repoRoot, 'out', 'renderer'),
      ],
      { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toMatch(/EADDRINUSE/);
    expect(existsSync(join(dataDir, 'progress.sqlite'))).toBe(true);
    expect(readdirSync(dataDir).filter((f) => /host\.lock|-wal$|-shm$/.test(f))).toEqual([]);
  }, 30_000);
});
