import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaResponse } from '../../../src/host-common/media-response';
import { tempDir } from '../support/temp';

/** The fetch-Response form Electron's app:// handler returns; same rules as the browser host's. */
describe('mediaResponse (for the app:// protocol handler)', () => {
  const sha = '12'.repeat(32);
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 199));
  const setup = () => {
    const dataDir = tempDir('media-resp-');
    mkdirSync(join(dataDir, 'media'));
    writeFileSync(join(dataDir, 'media', sha), bytes);
    return dataDir;
  };
  const req = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Request(`app://study${path}`, { method, headers });

  it('answers a range with 206, the exact bytes and the headers a <video> needs', async () => {
    const r = await mediaResponse(req(`/media/${sha}.webm`, { Range: 'bytes=1000-1999' }), setup(), { 'X-Test': '1' });
    expect(r.status).toBe(206);
    expect(Object.fromEntries(r.headers)).toMatchObject({
      'content-range': 'bytes 1000-1999/5000',
      'content-length': '1000',
      'accept-ranges': 'bytes',
      'content-type': 'video/webm',
      'x-test': '1',
    });
    expect(Buffer.from(await r.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
  });

  it('sends the whole file without a range, 416 past the end, 404 outside the store', async () => {
    const dataDir = setup();
    const whole = await mediaResponse(req(`/media/${sha}.mp4`), dataDir);
    expect([whole.status, (await whole.arrayBuffer()).byteLength]).toEqual([200, 5000]);
    const past = await mediaResponse(req(`/media/${sha}.mp4`, { Range: 'bytes=6000-' }), dataDir);
    expect([past.status, past.headers.get('content-range')]).toEqual([416, 'bytes */5000']);
    for (const path of [
      `/media/${'34'.repeat(32)}.mp4`,
      `/media/${sha}.exe`,
      '/media/../progress.sqlite',
      '/index.html',
    ]) {
      expect((await mediaResponse(req(path), dataDir)).status, path).toBe(404);
    }
    expect((await mediaResponse(req(`/media/${sha}.mp4`, {}, 'POST'), dataDir)).status).toBe(404);
  });
});
