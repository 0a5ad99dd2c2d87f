import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/core/api/dispatch';
import { Core } from '../../../src/core/core';
import type { KeyProtector } from '../../../src/core/records/key-protector';
import { verifyRecordText } from '../../../src/core/records/verify';
import { builtinPack } from '../support/core';
import { tempDir } from '../support/temp';

/** A keychain stand-in with real encryption (AES-GCM under a key held in memory, as an OS keychain holds it). */
function keychain(): KeyProtector & { locked: boolean } {
  const key = randomBytes(32);
  return {
    locked: false,
    get available() {
      return !this.locked;
    },
    protect(bytes) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(bytes), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    unprotect(buf) {
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]);
    },
  };
}

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

async function start(dataDir: string, keyProtector?: KeyProtector) {
  const pack = await builtinPack();
  const packFile = join(tempDir('study-pack-'), 'builtin.studypack');
  writeFileSync(packFile, pack.bytes);
  const core = await Core.open({
    dataDir,
    appName: 'Study Companion',
    appVersion: 'test',
    builtin: { packFile, publicKey: pack.publicKey, publisherName: 'Test organisers' },
    ...(keyProtector ? { keyProtector } : {}),
  });
  open.push(core);
  const dispatch = createDispatch(core, () => {});
  return { core, dispatch };
}

const storedKey = (core: Core) =>
  (core.db.prepare('SELECT private_key_pem AS k FROM installation').get() as { k: string }).k;

describe('the installation key at rest', () => {
  it('is kept encrypted by the keychain when there is one, and records still verify', async () => {
    const chain = keychain();
    const { core, dispatch } = await start(tempDir(), chain);
    await dispatch('profiles.create', { name: '张三', unit: '省委组织部' });
    const file = await dispatch('records.export', { format: 'json' });
    expect(file.ok).toBe(true);
    expect(verifyRecordText((file as { value: { content: string } }).value.content).ok).toBe(true);
    expect(storedKey(core)).toMatch(/^protected:v1:/);
    expect(storedKey(core)).not.toContain('PRIVATE KEY');
    expect(await dispatch('records.signingInfo', {})).toMatchObject({ ok: true, value: { keyProtected: true } });
  });

  it('encrypts a key stored before protection was available, keeping the same installation', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const before = await first.dispatch('records.signingInfo', {});
    expect(before).toMatchObject({ ok: true, value: { keyProtected: false } });
    expect(storedKey(first.core)).toContain('PRIVATE KEY');
    first.core.close();
    open = [];
    const second = await start(dir, keychain());
    const after = await second.dispatch('records.signingInfo', {});
    expect(after).toMatchObject({ ok: true, value: { keyProtected: true } });
    expect((after as { value: { installationId: string } }).value.installationId).toBe(
      (before as { value: { installationId: string } }).value.installationId,
    );
    expect(storedKey(second.core)).toMatch(/^protected:v1:/);
  });

  it('refuses to sign with a specific reason when the keychain is locked', async () => {
    const chain = keychain();
    const { dispatch } = await start(tempDir(), chain);
    await dispatch('profiles.create', { name: '张三', unit: '省委组织部' });
    await dispatch('records.signingInfo', {});
    chain.locked = true;
    expect(await dispatch('records.export', { format: 'json' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', detail: { reason: 'records.key.locked' } },
    });
  });
});
