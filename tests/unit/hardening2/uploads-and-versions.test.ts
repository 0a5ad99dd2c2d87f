import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { builtinPack, openCore } from '../support/core';
import { variant } from '../support/pack-variant';

let cores: Core[] = [];
afterEach(() => {
  cores.forEach((c) => c.close());
  cores = [];
});

const setVersion = (folder: string, version: string) => {
  const file = join(folder, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  m.version = version;
  writeFileSync(file, JSON.stringify(m, null, 2));
};

async function upload(call: Awaited<ReturnType<typeof openCore>>['call'], bytes: Buffer) {
  const { uploadId } = await call('library.uploadBegin', { fileName: 'p.studypack', size: bytes.length });
  await call('library.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  return uploadId;
}

const parts = (dataDir: string) => readdirSync(join(dataDir, 'uploads')).filter((f) => f.endsWith('.part'));

describe('item 4: refused uploads do not stay on disk until a restart', () => {
  it('"already installed from another publisher" removes the .part at once', async () => {
    const env = await openCore();
    cores.push(env.core);
    const stranger = generateKeyPair();
    const uploadId = await upload(env.call, await variant(stranger.privateKeyPem, (f) => setVersion(f, '9.0.0')));
    const reply = await env.dispatch('library.import', { uploadId, trustPublisher: true });
    expect(reply).toMatchObject({ ok: false, error: { detail: { reason: 'library.pack.otherPublisher' } } });
    expect(parts(env.dataDir)).toEqual([]);
  });

  it('an untrusted publisher or a downgrade keeps the upload for the question, and declining removes it', async () => {
    const env = await openCore(undefined, { withBuiltin: false });
    cores.push(env.core);
    const uploadId = await upload(env.call, (await builtinPack()).bytes);
    expect(await env.dispatch('library.import', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'PACK_UNTRUSTED', detail: { reason: 'library.publisher.unknown' } },
    });
    expect(parts(env.dataDir)).toHaveLength(1);
    expect(await env.dispatch('library.uploadDiscard', { uploadId })).toEqual({
      ok: true,
      value: { discarded: true },
    });
    expect(parts(env.dataDir)).toEqual([]);
  });
});

describe('item 5: same id and version, different content', () => {
  it('is refused naming both file hashes; the installed pack stays', async () => {
    const env = await openCore();
    cores.push(env.core);
    const { privateKeyPem, bytes: installed } = await builtinPack();
    const other = await variant(privateKeyPem, (f) =>
      // Same blocks (the Chinese translation pairs them one to one), one changed word.
      writeFileSync(
        join(f, 'sessions/s1/material.md'),
        readFileSync(join(f, 'sessions/s1/material.md'), 'utf8').trimEnd() + ' (changed)\n',
      ),
    );
    const before = env.core.db.prepare('SELECT file_sha256 FROM packs').get() as { file_sha256: string };
    const uploadId = await upload(env.call, other);
    const reply = await env.dispatch('library.import', { uploadId });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: /same version, different content/,
        detail: { reason: 'library.pack.sameVersionDifferentContent', installedSha256: before.file_sha256 },
      },
    });
    if (!reply.ok) expect(reply.error.message).toContain(before.file_sha256);
    const after = env.core.db.prepare('SELECT file_sha256 FROM packs').get() as { file_sha256: string };
    expect(after).toEqual(before);
    expect(parts(env.dataDir)).toEqual([]);
    // The very same file again is not a conflict.
    const again = await upload(env.call, installed);
    expect(await env.dispatch('library.import', { uploadId: again })).toMatchObject({ ok: true });
  });
});
