import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { openCore } from '../support/core';
import { completeSession, creditCore, type CreditOptions } from './certificate-support';

let cores: Core[] = [];
afterEach(() => {
  cores.forEach((c) => c.close());
  cores = [];
});

async function env(opts: CreditOptions) {
  const e = await creditCore(opts);
  cores.push(e.core);
  return e;
}

const rules: CreditOptions = { credit: { s1: 1, s2: 0.5 }, course: { sessions: ['s1', 's2'] } };

describe('certificate.get', () => {
  it('is null until every session the course names is complete, then carries the record number and code', async () => {
    const e = await env(rules);
    expect(await e.call('certificate.get', { language: 'zh-CN' })).toBeNull();
    await completeSession(e, 's1');
    expect(await e.call('certificate.get', { language: 'zh-CN' })).toBeNull();
    await completeSession(e, 's2');
    const cert = await e.call('certificate.get', { language: 'zh-CN' });
    const printed = await e.call('records.printInfo', {});
    expect(cert).toMatchObject({
      number: printed.recordNumber,
      verificationCode: printed.verificationCode,
      name: '李四',
      unit: '省委组织部',
      venue: '武汉分会场',
      course: { packId: 'hubei-special-training-class', version: '1.1.0' },
      credit: { hours: 1.5, grants: true },
    });
    expect(cert!.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    // Issued when the rule was first met: the later of the two completions.
    const overview = await e.call('course.overview', {});
    const s2 = overview.sessions.find((s) => s.id === 's2')!;
    expect(cert!.issuedAt).toBe(s2.completedAt);
    expect(cert!.sessions[1]!.completedAt).toBe(s2.completedAt);
    // The ledger and the certificate agree on the credit.
    expect((await e.call('progress.ledger', {})).totalCredit).toBe(1.5);
  });

  it('words the course and sessions in the asked language (the pack translation when there is one)', async () => {
    const e = await env(rules);
    await completeSession(e, 's1');
    await completeSession(e, 's2');
    const zh = await e.call('certificate.get', { language: 'zh-CN' });
    const en = await e.call('certificate.get', { language: 'en' });
    expect(en!.course.title).toBe('Hubei special training class');
    expect(zh!.course.title).not.toBe(en!.course.title);
    expect(zh!.course.title).toMatch(/[\u4e00-\u9fff]/);
    expect(zh!.sessions[0]!.title).toMatch(/[\u4e00-\u9fff]/);
    expect(en!.number).toBe(zh!.number);
  });

  it('is null while the minimum credit is not reached', async () => {
    const e = await env({ credit: { s1: 1, s2: 0.5, s3: 1 }, course: { sessions: ['s1', 's2'], minimumCredit: 2 } });
    await completeSession(e, 's1');
    await completeSession(e, 's2');
    expect(await e.call('certificate.get', { language: 'en' })).toBeNull();
    await completeSession(e, 's3');
    const cert = await e.call('certificate.get', { language: 'en' });
    expect(cert!.credit).toEqual({ hours: 2.5, grants: true });
    // The certificate lists the sessions the course names; the credit counts every session.
    expect(cert!.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('says when a pack grants no credit hours', async () => {
    const e = await env({ course: { sessions: ['s1'] } });
    await completeSession(e, 's1');
    const cert = await e.call('certificate.get', { language: 'zh-CN' });
    expect(cert!.credit).toEqual({ hours: 0, grants: false });
  });

  it('needs every session when the pack has no course rule (the built-in pack)', async () => {
    const e = await openCore();
    cores.push(e.core);
    await e.call('profiles.create', { name: '王五', unit: '省财政厅' });
    await completeSession({ ...e, profile: { id: 1 } } as never, 's1');
    expect(await e.call('certificate.get', { language: 'zh-CN' })).toBeNull();
    const ledger = await e.call('progress.ledger', {});
    expect(ledger.grantsCredit).toBe(false);
  });

  it('changes its code, not its number, when more study is recorded after printing', async () => {
    const e = await env(rules);
    await completeSession(e, 's1');
    await completeSession(e, 's2');
    const before = (await e.call('certificate.get', { language: 'zh-CN' }))!;
    await e.call('reading.save', { sessionId: 's3', position: 0.3 });
    const after = (await e.call('certificate.get', { language: 'zh-CN' }))!;
    expect(after.number).toBe(before.number);
    expect(after.verificationCode).not.toBe(before.verificationCode);
    expect(after.issuedAt).toBe(before.issuedAt);
  });
});

describe('venue.verifyCertificate', () => {
  it('finds the participant of a certificate number in the imported records and checks the code', async () => {
    const e = await env(rules);
    await completeSession(e, 's1');
    await completeSession(e, 's2');
    const cert = (await e.call('certificate.get', { language: 'zh-CN' }))!;
    const file = await e.call('records.export', { format: 'json' });
    const report = await e.call('venue.import', { files: [{ name: 'lisi.json', content: file.content }] });
    expect(report.rejected).toEqual([]);

    const check = await e.call('venue.verifyCertificate', {
      number: cert.number.toLowerCase(),
      code: cert.verificationCode,
    });
    expect(check).toMatchObject({
      found: true,
      number: cert.number,
      records: 1,
      name: '李四',
      unit: '省委组织部',
      file: 'lisi.json',
      courseComplete: true,
      credit: { hours: 1.5, grants: true },
      codeMatches: true,
    });
    const typed = await e.call('venue.verifyCertificate', {
      number: cert.number,
      code: cert.verificationCode.replace('-', ''),
    });
    expect(typed).toMatchObject({ codeMatches: true });
    const wrong = await e.call('venue.verifyCertificate', { number: cert.number, code: 'AAAAA-AAAAA' });
    expect(wrong).toMatchObject({ found: true, codeMatches: false });
    expect(await e.call('venue.verifyCertificate', { number: cert.number })).toMatchObject({ codeMatches: null });
    // The course title in the venue screen's language (the built-in pack is English with Chinese).
    const zh = await e.call('venue.verifyCertificate', { number: cert.number, language: 'zh-CN' });
    const en = await e.call('venue.verifyCertificate', { number: cert.number, language: 'en' });
    expect(zh.found && zh.course.title).toBe(cert.course.title);
    expect(en.found && en.course.title).not.toBe(cert.course.title);
    expect(en.found && /[\u4e00-\u9fff]/.test(en.course.title)).toBe(false);
    expect(await e.call('venue.verifyCertificate', { number: 'ABCDEF01-0001' })).toEqual({
      found: false,
      number: 'ABCDEF01-0001',
      records: 1,
    });
  });

  it('asks for an import first, and refuses what is not a certificate number', async () => {
    const e = await env(rules);
    const none = await e.dispatch('venue.verifyCertificate', { number: 'ABCDEF01-0001' });
    expect(none).toMatchObject({ ok: false, error: { detail: { reason: 'venue.noReport' } } });
    const bad = await e.dispatch('venue.verifyCertificate', { number: 'hello' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
