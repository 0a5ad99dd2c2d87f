import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { canonicalJson } from '../../../src/core/records/canonical';
import { installation } from '../../../src/core/records/identity';
import { signedRecordText, signRecord } from '../../../src/core/records/record';
import type { StudyRecord } from '../../../src/shared/contract/records';
import { honestParticipant } from './honest';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

type Opened = Awaited<ReturnType<typeof honestParticipant>>;

/** Exports the participant's record and imports it at a venue (this core has the same pack). */
async function exportAndImport(p: Opened) {
  const file = await p.call('records.export', { format: 'json' });
  const report = await p.call('venue.import', { files: [{ name: 'r.json', content: file.content }] });
  return { report, text: file.content };
}

const rejection = (report: Awaited<ReturnType<typeof exportAndImport>>['report']) =>
  report.rejected.map((r) => ({ reason: r.reason, key: r.key, values: r.values }));

describe('venue re-derives every number from the evidence', () => {
  it('accepts an honest record, with the numbers the participant saw', async () => {
    const p = await honestParticipant(open);
    const { report, text } = await exportAndImport(p);
    expect(report.rejected).toEqual([]);
    const record = (JSON.parse(text) as { record: StudyRecord }).record;
    expect(record.version).toBe(2);
    expect(record.evidence.sessions[0]!.attempts).toHaveLength(2);
    expect(record.evidence.sessions[0]!.media).toEqual([]);
    const row = report.participants[0]!;
    const mine = await p.call('course.overview', {});
    mine.sessions.forEach((s, i) => {
      expect(row.sessions[i]).toMatchObject({
        status: s.status,
        passed: s.quiz.passed,
        bestScore: s.quiz.bestScore,
        attempts: s.quiz.attempts,
        completedAt: s.completedAt,
      });
    });
    expect(row.sessions[0]!.status).toBe('complete');
    expect(report.totals.sessions[0]).toEqual({ id: 's1', passed: 1, completed: 1, credit: 0 });
    // The printed record's verification code names this same study; more study changes it.
    const printed = await p.call('records.printInfo', {});
    expect(printed.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(row.code).toBe(printed.verificationCode);
    await p.call('reading.save', { sessionId: 's4', position: 0.2 });
    expect((await p.call('records.printInfo', {})).verificationCode).not.toBe(row.code);
  });

  it('rejects completions written into the database without any quiz', async () => {
    const p = await honestParticipant(open);
    const at = new Date().toISOString();
    const ins = p.core.db.prepare(
      "INSERT OR IGNORE INTO session_completions (profile_id, pack_id, session_id, completed_at) SELECT id, 'hubei-special-training-class', ?, ? FROM profiles",
    );
    for (const s of ['s2', 's3', 's4', 's5', 's6']) ins.run(s, at);
    const { report } = await exportAndImport(p);
    expect(report.participants).toEqual([]);
    expect(rejection(report)).toEqual([
      { reason: 'evidence', key: 'venue.evidence.completedWithoutPass', values: { session: 's2' } },
    ]);
  });

  it('rejects a changed score', async () => {
    const p = await honestParticipant(open);
    p.core.db.prepare("UPDATE attempts SET score = total, passed = 1 WHERE session_id = 's2'").run();
    const { report } = await exportAndImport(p);
    expect(rejection(report)).toEqual([
      {
        reason: 'evidence',
        key: 'venue.evidence.scoreMismatch',
        values: {
          session: 's2',
          claimed: expect.stringMatching(/^(\d+)\/\1$/),
          derived: expect.stringMatching(/^0\//),
        },
      },
    ]);
  });

  it('rejects an attempt answered in the future', async () => {
    const p = await honestParticipant(open);
    p.core.db.prepare("UPDATE answers SET answered_at = '2099-01-01T00:00:00.000Z'").run();
    const { report } = await exportAndImport(p);
    expect(rejection(report)).toEqual([
      {
        reason: 'evidence',
        key: 'venue.evidence.afterExport',
        values: { session: 's1', what: 'answer', time: '2099-01-01T00:00:00.000Z' },
      },
    ]);
  });

  it('rejects a quiz submitted before it started', async () => {
    const p = await honestParticipant(open);
    const created = (p.core.db.prepare('SELECT created_at AS t FROM profiles').get() as { t: string }).t;
    p.core.db.prepare("UPDATE attempts SET started_at = submitted_at WHERE session_id = 's2'").run();
    p.core.db.prepare("UPDATE attempts SET submitted_at = ? WHERE session_id = 's2'").run(created);
    p.core.db
      .prepare(
        "UPDATE answers SET answered_at = ? WHERE attempt_id IN (SELECT id FROM attempts WHERE session_id = 's2')",
      )
      .run(created);
    const { report } = await exportAndImport(p);
    expect(rejection(report)[0]).toMatchObject({ reason: 'evidence', key: 'venue.evidence.submittedBeforeStart' });
  });

  it('rejects more reading time than the wall clock allows', async () => {
    const p = await honestParticipant(open);
    p.core.db.prepare("UPDATE reading SET seconds = 36000 WHERE session_id = 's1'").run();
    const { report } = await exportAndImport(p);
    expect(rejection(report)).toEqual([
      { reason: 'evidence', key: 'venue.evidence.timeExceedsSpan', values: { hours: 10, span: 0 } },
    ]);
  });

  it('rejects answers to a question the pack version does not have', async () => {
    const p = await honestParticipant(open);
    p.core.db.prepare("UPDATE answers SET question_id = 's2-q99' WHERE question_id = 's2-q1'").run();
    p.core.db
      .prepare("UPDATE attempts SET layout = replace(layout, '\"s2-q1\"', '\"s2-q99\"') WHERE session_id = 's2'")
      .run();
    const { report } = await exportAndImport(p);
    expect(rejection(report)[0]).toMatchObject({
      key: 'venue.evidence.unknownQuestion',
      values: { session: 's2', question: 's2-q99' },
    });
  });

  it('rejects a summary re-signed with the laptop key that its evidence does not support', async () => {
    // The participant controls the laptop, so they can sign anything: the signature proves only
    // which installation exported the file. The venue still recomputes and refuses the claim.
    const p = await honestParticipant(open);
    const { text } = await exportAndImport(p);
    const { record } = JSON.parse(text) as { record: StudyRecord };
    record.sessions[1]!.quiz.passed = true;
    const key = installation(p.core.db, p.core.clock);
    const forged = signedRecordText(signRecord(record, key.privateKeyPem));
    const report = await p.call('venue.import', { files: [{ name: 'f.json', content: forged }] });
    expect(rejection(report)).toEqual([
      {
        reason: 'evidence',
        key: 'venue.evidence.summaryMismatch',
        values: { session: 's2', field: 'quiz.passed', claimed: 'true', derived: 'false' },
      },
    ]);
  });

  it('refuses a format 1 record with a clear reason', async () => {
    const p = await honestParticipant(open);
    const { text } = await exportAndImport(p);
    const { record } = JSON.parse(text) as { record: Record<string, unknown> };
    const v1: Record<string, unknown> = { ...record, version: 1 };
    delete v1.evidence;
    const key = installation(p.core.db, p.core.clock);
    const old = canonicalJson(signRecord(v1 as unknown as StudyRecord, key.privateKeyPem));
    const report = await p.call('venue.import', { files: [{ name: 'old.json', content: old }] });
    expect(rejection(report)).toEqual([
      { reason: 'old-format', key: 'venue.record.olderFormat', values: { version: 1, current: 2 } },
    ]);
  });
});
