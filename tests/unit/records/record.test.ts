import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { canonicalJson } from '../../../src/core/records/canonical';
import { installationIdFor } from '../../../src/core/records/identity';
import { verifyRecordText } from '../../../src/core/records/verify';
import { generateKeyPair, signBytes } from '../../../src/core/packs/keys';
import type { StudyRecord } from '../../../src/shared/contract/records';
import { openCore } from '../support/core';
import { seededCore } from './seed';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

async function exported() {
  const seeded = await seededCore();
  open.push(seeded.core);
  const file = await seeded.call('records.export', { format: 'json', language: 'zh-CN' });
  return { ...seeded, file };
}

/** A different character of the same kind, so a digit stays a digit and JSON stays plausible. */
function mutate(c: string): string {
  if (/[0-8]/.test(c)) return String(Number(c) + 1);
  if (c === '9') return '0';
  if (/[a-y]/i.test(c)) return String.fromCharCode(c.charCodeAt(0) + 1);
  if (/[zZ]/.test(c)) return c === 'z' ? 'a' : 'A';
  return c === 'x' ? 'y' : 'x';
}

describe('the signed JSON completion record', () => {
  it('round-trips: it verifies and carries the numbers the screen shows', async () => {
    const { file, call, profile } = await exported();
    expect(file.mimeType).toBe('application/json');
    expect(file.fileName).toMatch(/^study-record-.+\.json$/);
    const v = verifyRecordText(file.content);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    // Exported for the Chinese UI: titles as the Chinese overview shows them.
    const overview = await call('course.overview', { language: 'zh-CN' });
    expect(v.record.participant).toEqual({
      profileId: profile.id,
      name: '张三, "老张"',
      unit: '省委组织部',
      venue: '武汉分会场',
    });
    expect(v.record.pack).toEqual({ id: overview.pack.id, version: overview.pack.version, title: overview.pack.title });
    expect(v.record.sessions).toEqual(overview.sessions.map(({ summary: _, watching: __, ...s }) => s));
    expect(v.record.overall).toEqual(overview.overall);
    expect(v.record.sessions[0]).toMatchObject({ status: 'complete', quiz: { attempts: 2, passed: true } });
    expect(v.record.sessions[1]!.quiz.bestScore).toBe(0);
    expect(v.record.exportedAt).toMatch(/Z$/);
  });

  it('is one line of canonical JSON: changing any single character makes verification fail', async () => {
    const { file } = await exported();
    const text = file.content;
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    const passed: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const changed = text.slice(0, i) + mutate(text[i]!) + text.slice(i + 1);
      if (verifyRecordText(changed).ok) passed.push(i);
    }
    expect(passed, 'positions whose change went unnoticed').toEqual([]);
  });

  it('names the reason: bad JSON, schema, identity, signature', async () => {
    const { file } = await exported();
    const signed = JSON.parse(file.content) as { record: StudyRecord; signature: string };
    expect(verifyRecordText('{"record":')).toMatchObject({ ok: false, reason: 'bad-json' });
    expect(verifyRecordText(JSON.stringify({ ...signed, note: 'unsigned' }))).toMatchObject({ reason: 'schema' });
    // A forger re-signs with their own key but keeps the original installation id.
    const keys = generateKeyPair();
    const forged = { ...signed.record, installation: { id: signed.record.installation.id, publicKey: keys.publicKey } };
    const forgedText = JSON.stringify({
      record: forged,
      signature: signBytes(Buffer.from(canonicalJson(forged)), keys.privateKeyPem),
    });
    expect(verifyRecordText(forgedText)).toMatchObject({ ok: false, reason: 'identity' });
    const edited = { ...signed.record, participant: { ...signed.record.participant, name: '李四' } };
    expect(verifyRecordText(JSON.stringify({ ...signed, record: edited }))).toMatchObject({ reason: 'signature' });
    // A re-formatted copy holds the same values, but is not the file as exported.
    expect(verifyRecordText(JSON.stringify(signed, null, 2))).toMatchObject({ ok: false, reason: 'signature' });
    // What an editor adds on save (BOM, final newline) is tolerated.
    expect(verifyRecordText(`\uFEFF${file.content}\r\n`).ok).toBe(true);
  });

  it('signs with one installation identity, stored once and kept across restarts', async () => {
    const { core, dataDir, file } = await exported();
    const first = JSON.parse(file.content) as { record: StudyRecord };
    expect(first.record.installation.id).toBe(installationIdFor(first.record.installation.publicKey));
    core.close();
    open = [];
    const again = await openCore(dataDir);
    open.push(again.core);
    await again.call('profiles.select', { id: first.record.participant.profileId });
    const second = JSON.parse((await again.call('records.export', { format: 'json' })).content) as {
      record: StudyRecord;
    };
    expect(second.record.installation).toEqual(first.record.installation);
    expect(again.core.db.prepare('SELECT count(*) AS n FROM installation').get()).toEqual({ n: 1 });
    expect(() =>
      again.core.db
        .prepare("INSERT INTO installation (id, public_key, private_key_pem, created_at) VALUES ('x', 'y', 'z', 'w')")
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('needs a participant profile', async () => {
    const { core, dispatch } = await openCore();
    open.push(core);
    expect(await dispatch('records.export', { format: 'json' })).toMatchObject({ error: { code: 'NO_PROFILE' } });
  });
});
