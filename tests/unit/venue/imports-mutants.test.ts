import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { checkCertificate } from '../../../src/core/venue/certificate-check';
import { recordNumber } from '../../../src/core/records/verification';
import type { VenueCell, VenueParticipant, VenueReport } from '../../../src/shared/contract/venue';
import { creditCore } from '../records/certificate-support';
import { builtinPack, openCore } from '../support/core';
import { variant } from '../support/pack-variant';
import { baseRecord, laptop, signedFile } from './make';

/**
 * The venue's open imports and the certificate check on a real core (mutation testing showed
 * which rules no test reached; docs/testing.md).
 */

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

async function core() {
  const c = await openCore();
  open.push(c.core);
  return c;
}

describe('open imports', () => {
  it('keeps the four newest imports open and closes the oldest', async () => {
    const { call, dispatch } = await core();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call('venue.begin', {})).importId);
    expect(await dispatch('venue.addBatch', { importId: ids[0], files: [] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', detail: { reason: 'venue.importClosed' } },
    });
    for (const importId of ids.slice(1)) {
      expect(await call('venue.addBatch', { importId, files: [{ name: 'x', content: 'x' }] })).toEqual({
        received: 1,
        accepted: 0,
        rejected: 1,
      });
    }
  });

  it('closes an import when it is finished, and keeps its report as the last one', async () => {
    const { call, dispatch } = await core();
    const begun = await call('venue.begin', {});
    expect(begun.pack).toEqual({
      id: 'hubei-special-training-class',
      version: expect.any(String),
      title: expect.any(String),
    });
    const report = await call('venue.finish', { importId: begun.importId, roster: ' ' });
    expect(report.roster).toBeNull();
    expect(await dispatch('venue.finish', { importId: begun.importId })).toMatchObject({
      ok: false,
      error: { detail: { reason: 'venue.importClosed' } },
    });
    const csv = await call('venue.exportCsv', { language: 'en', timeZone: 'UTC' });
    expect(csv.fileName).toBe(
      `venue-report-hubei-special-training-class-${report.generatedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.csv`,
    );
  });

  it('has no report to export before an import is finished', async () => {
    const { dispatch } = await core();
    expect(await dispatch('venue.exportCsv', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', detail: { reason: 'venue.noReport' } },
    });
  });

  it("tells another installed pack's record from an unknown pack's, and checks key points against the installed pack", async () => {
    const b = await baseRecord();
    open.push(b.core);
    const bytes = await variant((await builtinPack()).privateKeyPem, (folder) => {
      const file = join(folder, 'manifest.json');
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), id: 'other-course' }));
    });
    await b.core.library.installBytes(bytes, 'other.studypack', { trustPublisher: false, allowDowngrade: false });
    const report = await b.call('venue.import', {
      packId: 'hubei-special-training-class',
      files: [
        { name: 'mine.json', content: b.text },
        { name: 'other.json', content: signedFile(b.record, laptop(), { packId: 'other-course' }) },
        { name: 'nowhere.json', content: signedFile(b.record, laptop(), { packId: 'nowhere' }) },
      ],
    });
    expect(report.rejected.map((r) => [r.file, r.reason])).toEqual([
      ['other.json', 'other-pack'],
      ['nowhere.json', 'unknown-pack'],
    ]);
    // Session 1 was completed with every key point reviewed: the installed pack's key points match.
    expect(report.participants.map((p) => p.sessions[0]?.status)).toEqual(['complete']);
  });

  it("reports against the installed pack: its sessions in order with their key points' and titles", async () => {
    const { call } = await core();
    const { importId } = await call('venue.begin', {});
    const report = await call('venue.finish', { importId, roster: '姓名\n王五\n' });
    expect(report.sessions.map((s) => s.ord)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.sessions[0]!.titles).toMatchObject({ 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(report.pack.titles).toMatchObject({ 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(report.roster).toMatchObject({ total: 1, missing: [{ name: '王五', unit: '' }] });
  });
});

describe('the certificate check', () => {
  const complete: VenueCell = {
    status: 'complete',
    passed: true,
    bestScore: 1,
    attempts: 1,
    completedAt: '2026-11-20T01:00:00.000Z',
    credit: 1,
    watchedSeconds: 0,
  };

  function report(p: Partial<VenueParticipant>): VenueReport {
    const participant: VenueParticipant = {
      installationId: 'abcdef01-0000-4000-8000-000000000000',
      profileId: 7,
      name: '王五',
      unit: '省财政厅',
      venue: '武汉',
      packVersion: '1.1.0',
      exportedAt: '2026-11-20T02:00:00.000Z',
      file: 'a.json',
      code: 'ABCDE-FGHIJ',
      sessions: [complete, complete, null],
      overall: { completed: 2, total: 3, completedAt: null },
      studySeconds: 60,
      credit: 1.5,
      ...p,
    };
    const other = { ...participant, installationId: '99999999-0000-4000-8000-000000000000', name: '别人' };
    return {
      pack: { id: 'hubei-special-training-class', version: '1.1.0', title: 'Course', titles: { 'zh-CN': '课程' } },
      sessions: ['s1', 's2', 's3'].map((id, i) => ({ id, ord: i + 1, title: id, titles: {} })),
      participants: [other, participant],
    } as unknown as VenueReport;
  }

  it('finds the participant by number and checks the course rule with the re-derived credit', async () => {
    const e = await creditCore({ credit: { s1: 1, s2: 0.5 }, course: { sessions: ['s1', 's2'], minimumCredit: 1.5 } });
    open.push(e.core);
    const found = (r: VenueReport, input: Parameters<typeof checkCertificate>[2]) => {
      const c = checkCertificate(e.core.db, r, input);
      if (!c.found) throw new Error('not found');
      return c;
    };
    const number = recordNumber('abcdef01-0000-4000-8000-000000000000', 7);
    expect(number).toBe('ABCDEF01-0007');
    const check = checkCertificate(e.core.db, report({}), { number, code: 'abcdefghij'.toUpperCase() });
    expect(check).toEqual({
      found: true,
      number,
      records: 2,
      name: '王五',
      unit: '省财政厅',
      venue: '武汉',
      course: { packId: 'hubei-special-training-class', version: '1.1.0', title: 'Course' },
      exportedAt: '2026-11-20T02:00:00.000Z',
      file: 'a.json',
      courseComplete: true,
      credit: { hours: 1.5, grants: true },
      codeMatches: true,
    });
    expect(checkCertificate(e.core.db, report({}), { number, language: 'zh-CN' })).toMatchObject({
      course: { title: '课程' },
      codeMatches: null,
    });
    expect(found(report({}), { number, code: 'ABCDE-FGHIK' }).codeMatches).toBe(false);
    expect(found(report({}), { number, code: 'ABCDE-FGHIJ' }).codeMatches).toBe(true);
    // Just under the minimum credit, or a course session not complete: not met.
    expect(found(report({ credit: 1.49 }), { number }).courseComplete).toBe(false);
    expect(found(report({ credit: 1.5 - 1e-12 }), { number }).courseComplete).toBe(true);
    expect(found(report({ credit: 1.5 - 1e-9 }), { number }).courseComplete).toBe(true);
    const half = report({ sessions: [complete, { ...complete, status: 'in-progress' }, null] });
    expect(found(half, { number }).courseComplete).toBe(false);
    const missing = report({ sessions: [complete] });
    expect(found(missing, { number }).courseComplete).toBe(false);
    expect(checkCertificate(e.core.db, report({}), { number: 'ABCDEF01-0008' })).toEqual({
      found: false,
      number: 'ABCDEF01-0008',
      records: 2,
    });
  });
});
