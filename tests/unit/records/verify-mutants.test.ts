import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { installationIdFor } from '../../../src/core/records/identity';
import { signedRecordText, signRecord } from '../../../src/core/records/record';
import { verifyRecordText } from '../../../src/core/records/verify';
import { RECORD_VERSION, type StudyRecord } from '../../../src/shared/contract/records';
import { seededCore } from './seed';

/**
 * Rules of the record check that mutation testing showed no test would miss (docs/testing.md):
 * what an editor may add on save and nothing more, and which records are called an older or a
 * newer format rather than a broken file. One real export, signed again by a laptop key where a
 * field must change.
 */

let core: Core;
let exported: StudyRecord;
beforeAll(async () => {
  const seeded = await seededCore();
  core = seeded.core;
  const file = await seeded.call('records.export', { format: 'json' });
  exported = (JSON.parse(file.content) as { record: StudyRecord }).record;
});
afterAll(() => core.close());

const machine = generateKeyPair();
/** `record` signed by a laptop key of its own, as that laptop would export it. */
function signed(record: Record<string, unknown>): string {
  const installation = { id: installationIdFor(machine.publicKey), publicKey: machine.publicKey };
  return signedRecordText(signRecord({ ...record, installation } as unknown as StudyRecord, machine.privateKeyPem));
}

describe('what an editor may add to a record file on save', () => {
  it('tolerates a final LF alone, a final CRLF alone, and a BOM alone', () => {
    const text = signed({ ...exported });
    expect(verifyRecordText(text).ok).toBe(true);
    expect(verifyRecordText(`${text}\n`).ok).toBe(true);
    expect(verifyRecordText(`${text}\r\n`).ok).toBe(true);
    expect(verifyRecordText(`\uFEFF${text}`).ok).toBe(true);
  });

  it('keeps a BOM character inside a signed value: only one at the very start is dropped', () => {
    const text = signed({ ...exported, participant: { ...exported.participant, name: '张\uFEFF三' } });
    const v = verifyRecordText(text);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.record.participant.name).toBe('张\uFEFF三');
  });

  it('refuses two final line feeds: more than one save adds is an edit', () => {
    expect(verifyRecordText(`${signed({ ...exported })}\n\n`)).toMatchObject({ ok: false });
  });
});

describe('records of another format version', () => {
  it('calls a newer version a newer format, with both version numbers', () => {
    const v = verifyRecordText(signed({ ...exported, version: RECORD_VERSION + 1 }));
    expect(v).toMatchObject({
      ok: false,
      reason: 'old-format',
      key: 'venue.record.newerFormat',
      values: { version: RECORD_VERSION + 1, current: RECORD_VERSION },
    });
  });

  it('calls an older version an older format, with both version numbers', () => {
    const v = verifyRecordText(signed({ ...exported, version: RECORD_VERSION - 1 }));
    expect(v).toMatchObject({
      ok: false,
      reason: 'old-format',
      key: 'venue.record.olderFormat',
      values: { version: RECORD_VERSION - 1, current: RECORD_VERSION },
    });
  });

  it('calls a version that is not a number, or a file of another format, a schema error', () => {
    expect(verifyRecordText(signed({ ...exported, version: '1' }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(verifyRecordText(signed({ ...exported, format: 'other-record', version: 1 }))).toMatchObject({
      ok: false,
      reason: 'schema',
    });
  });

  it('names where a file breaks the schema, or the file itself', () => {
    expect(verifyRecordText('[]')).toMatchObject({
      ok: false,
      reason: 'schema',
      detail: expect.stringMatching(/^\(file\): /),
    });
    const noName = { ...exported, participant: { ...exported.participant, name: 7 } };
    expect(verifyRecordText(signed(noName))).toMatchObject({
      reason: 'schema',
      detail: expect.stringMatching(/^record\.participant\.name: /),
    });
  });
});
