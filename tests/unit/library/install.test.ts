import { readFileSync, writeFileSync } from 'node:fs';
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

const editJson = (file: string, change: (j: Record<string, unknown>) => void) => {
  const j = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(j);
  writeFileSync(file, JSON.stringify(j, null, 2));
};

async function studied() {
  const env = await openCore();
  cores.push(env.core);
  await env.call('profiles.create', { name: '张三', unit: '省委组织部' });
  await env.call('keypoint.mark', { sessionId: 's1', keyPointId: 's1-kp1', reviewed: true });
  await env.call('keypoint.mark', { sessionId: 's1', keyPointId: 's1-kp2', reviewed: true });
  await env.call('note.save', { sessionId: 's1', text: '我的体会' });
  await env.call('reading.save', { sessionId: 's1', position: 0.5, secondsDelta: 60 });
  return env;
}

describe('installing packs', () => {
  it('round trip: the built-in pack is verified, installed and studied', async () => {
    const { call } = await studied();
    const detail = await call('session.get', { sessionId: 's1' });
    expect(detail.keyPoints.filter((k) => k.reviewedAt)).toHaveLength(2);
    expect(detail.note.text).toBe('我的体会');
  });

  it('a newer version keeps progress of items that remain and archives progress of removed ones', async () => {
    const { core, call } = await studied();
    const { privateKeyPem } = await builtinPack();
    const bytes = await variant(privateKeyPem, (f) => {
      editJson(join(f, 'manifest.json'), (m) => (m.version = '1.1.0'));
      editJson(
        join(f, 'sessions/s1/session.json'),
        (s) => (s.keyPoints = (s.keyPoints as Array<{ id: string }>).filter((k) => k.id !== 's1-kp2')),
      );
      // The translation is keyed by the same ids, so the key point leaves it too.
      editJson(join(f, 'translations/zh-CN.json'), (t) => {
        delete (t as { sessions: { s1: { keyPoints: Record<string, unknown> } } }).sessions.s1.keyPoints['s1-kp2'];
      });
    });
    const result = await core.library.installBytes(bytes, 'v1.1.studypack', {
      trustPublisher: false,
      allowDowngrade: false,
    });
    expect(result.previousVersion).toBe('1.0.0');
    expect(result.archivedItems).toBe(1);
    const detail = await call('session.get', { sessionId: 's1' });
    expect(detail.keyPoints.filter((k) => k.reviewedAt).map((k) => k.id)).toEqual(['s1-kp1']);
    expect(detail.note.text).toBe('我的体会');
    expect(detail.reading.seconds).toBe(60);
    const archived = core.db.prepare('SELECT kind, item_id FROM archived_progress').all();
    expect(archived).toEqual([{ kind: 'key-point-review', item_id: 's1-kp2' }]);
  });

  it('refuses an older version unless the downgrade is confirmed', async () => {
    const { core } = await studied();
    const { privateKeyPem } = await builtinPack();
    const newer = await variant(privateKeyPem, (f) => editJson(join(f, 'manifest.json'), (m) => (m.version = '2.0.0')));
    await core.library.installBytes(newer, 'v2.studypack', { trustPublisher: false, allowDowngrade: false });
    const older = (await builtinPack()).bytes;
    await expect(
      core.library.installBytes(older, 'v1.studypack', { trustPublisher: false, allowDowngrade: false }),
    ).rejects.toMatchObject({
      code: 'PACK_DOWNGRADE',
    });
    expect(core.library.list().packs[0]!.version).toBe('2.0.0');
    await core.library.installBytes(older, 'v1.studypack', { trustPublisher: false, allowDowngrade: true });
    expect(core.library.list().packs[0]!.version).toBe('1.0.0');
  });

  it('asks before trusting an unknown publisher, showing its fingerprint, and refuses a takeover of a pack id', async () => {
    const { core } = await studied();
    const stranger = generateKeyPair();
    const otherPack = await variant(stranger.privateKeyPem, (f) =>
      editJson(join(f, 'manifest.json'), (m) => (m.id = 'other-class')),
    );
    await expect(
      core.library.installBytes(otherPack, 'x.studypack', { trustPublisher: false, allowDowngrade: false }),
    ).rejects.toMatchObject({
      code: 'PACK_UNTRUSTED',
      detail: { fingerprint: expect.stringMatching(/^SHA256:/) },
    });
    await core.library.installBytes(otherPack, 'x.studypack', { trustPublisher: true, allowDowngrade: false });
    expect(
      core.library
        .list()
        .packs.map((p) => p.id)
        .sort(),
    ).toEqual(['hubei-special-training-class', 'other-class']);

    const takeover = await variant(stranger.privateKeyPem, (f) =>
      editJson(join(f, 'manifest.json'), (m) => (m.version = '9.0.0')),
    );
    await expect(
      core.library.installBytes(takeover, 'y.studypack', { trustPublisher: true, allowDowngrade: false }),
    ).rejects.toMatchObject({
      code: 'PACK_UNTRUSTED',
    });
  });

  it('a pack taking the built-in pack id under an unknown key is refused before the trust question', async () => {
    const { core } = await studied();
    const stranger = generateKeyPair();
    const takeover = await variant(stranger.privateKeyPem, (f) =>
      editJson(join(f, 'manifest.json'), (m) => (m.version = '9.0.0')),
    );
    await expect(
      core.library.installBytes(takeover, 'y.studypack', { trustPublisher: false, allowDowngrade: false }),
    ).rejects.toMatchObject({ code: 'PACK_UNTRUSTED', detail: { reason: 'library.pack.otherPublisher' } });
  });

  it('a failed import leaves the library and all progress exactly as they were', async () => {
    const { core, call } = await studied();
    const before = JSON.stringify([await call('course.overview', {}), await call('session.get', { sessionId: 's1' })]);
    const { bytes } = await builtinPack();
    const tampered = Buffer.from(bytes);
    tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
    await expect(
      core.library.installBytes(tampered, 'bad.studypack', { trustPublisher: true, allowDowngrade: true }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^PACK_/),
    });
    const after = JSON.stringify([await call('course.overview', {}), await call('session.get', { sessionId: 's1' })]);
    expect(after).toBe(before);
  });

  it('imports through the chunked upload calls the renderer uses', async () => {
    const { call } = await studied();
    const stranger = generateKeyPair();
    const bytes = await variant(stranger.privateKeyPem, (f) =>
      editJson(join(f, 'manifest.json'), (m) => (m.id = 'uploaded-class')),
    );
    const { uploadId } = await call('library.uploadBegin', { fileName: 'u.studypack', size: bytes.length });
    const half = Math.floor(bytes.length / 2);
    await call('library.uploadChunk', { uploadId, offset: 0, data: bytes.subarray(0, half).toString('base64') });
    await call('library.uploadChunk', { uploadId, offset: half, data: bytes.subarray(half).toString('base64') });
    await expect(call('library.import', { uploadId })).rejects.toMatchObject({ code: 'PACK_UNTRUSTED' });
    // The upload is kept for the confirmed retry: no second upload needed.
    const result = await call('library.import', { uploadId, trustPublisher: true });
    expect(result.pack.id).toBe('uploaded-class');
    await expect(call('library.import', { uploadId, trustPublisher: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
