import ExcelJS from 'exceljs';
import validate from 'xapi-validation';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { parseCsv } from '../../../src/core/records/csv';
import { signedRecordText, signRecord } from '../../../src/core/records/record';
import { installation } from '../../../src/core/records/identity';
import { CREDIT_EXT } from '../../../src/core/records/xapi';
import { MAX_EVIDENCE_INTERVALS, type StudyRecord } from '../../../src/shared/contract/records';
import { openCreditCore, passSession, VIDEO, watcher, type CreditCore } from './credit-pack';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

async function exported(p: CreditCore, language: 'zh-CN' | 'en' = 'zh-CN') {
  const file = await p.call('records.export', { format: 'json', language });
  return { text: file.content, record: (JSON.parse(file.content) as { record: StudyRecord }).record };
}

const importAt = (p: CreditCore, content: string) => p.call('venue.import', { files: [{ name: 'r.json', content }] });

/** The record changed as the laptop's owner could, and signed again with the laptop's own key. */
function resigned(p: CreditCore, record: StudyRecord, change: (r: StudyRecord) => void): string {
  const copy = structuredClone(record);
  change(copy);
  const inst = installation(p.core.db, p.core.clock);
  return signedRecordText(signRecord(copy, inst.privateKeyPem));
}

const setIntervals = (p: CreditCore, intervals: number[][]) =>
  p.core.db.prepare('UPDATE watching SET intervals = ?, covered = ? WHERE path = ?').run(
    JSON.stringify(intervals),
    intervals.reduce((n, [a, b]) => n + b! - a!, 0),
    VIDEO,
  );

describe('credit hours (学时) at the venue', () => {
  it('puts the watched intervals and the ledger into the record, and the venue recomputes the same credit', async () => {
    const p = await watcher(open);
    const { record, text } = await exported(p);
    const media = record.evidence.sessions[0]!.media;
    expect(media).toEqual([{ id: VIDEO, seconds: 7, intervals: [[0, 6]] }]);
    const ledger = await p.call('progress.ledger', {});
    expect(record.ledger).toEqual({
      sessions: ledger.sessions.map((s) => ({
        id: s.id,
        readingSeconds: s.readingSeconds,
        watchingSeconds: s.watchingSeconds,
        credit: s.credit,
      })),
      totalCredit: 2.75,
    });
    expect(record.ledger!.sessions[0]).toMatchObject({ watchingSeconds: 7, credit: 0.75 });

    const report = await importAt(p, text);
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toEqual([]);
    const row = report.participants[0]!;
    expect(row.sessions.map((c) => c?.credit)).toEqual([0.75, 2, 0, 0, 0, 0]);
    expect(row.sessions[0]).toMatchObject({ status: 'complete', watchedSeconds: 6 });
    expect(row.credit).toBe(2.75);
    expect(report.grantsCredit).toBe(true);
    expect(report.units).toEqual([
      expect.objectContaining({ unit: '省委组织部', submitted: 1, completedAll: 0, credit: 2.75 }),
    ]);
    // Time on task: reading, watching and quizzes, as re-derived.
    expect(row.studySeconds).toBe(60 + 7 + 2 * 60);
  });

  it('uses the evidence when the summary claims more credit than it shows', async () => {
    const opened = await openCreditCore(open);
    await opened.call('profiles.create', { name: '李四', unit: '省财政厅' });
    opened.clock.advance(5);
    await opened.call('watch.save', { sessionId: 's1', path: VIDEO, played: [[0, 2]], secondsDelta: 2, position: 2 });
    await passSession(opened, 's2');
    opened.clock.advance(60);
    const { record } = await exported(opened);
    expect(record.ledger!.totalCredit).toBe(2); // s1 is not watched through, so only s2's fixed credit
    const claim = resigned(opened, record, (r) => {
      r.ledger!.sessions[0]!.credit = 0.75;
      r.ledger!.sessions[0]!.watchingSeconds = 600;
      r.ledger!.totalCredit = 2.75;
    });
    const report = await importAt(opened, claim);
    expect(report.rejected).toEqual([]);
    const row = report.participants[0]!;
    expect(row.sessions[0]).toMatchObject({ status: 'in-progress', credit: 0, watchedSeconds: 2 });
    expect(row.credit).toBe(2);
    expect(report.units[0]!.credit).toBe(2);
    expect(report.warnings).toEqual([
      {
        file: 'r.json',
        code: 'credit-claim',
        detail: expect.stringContaining('2.75'),
        values: { claimed: 2.75, derived: 2 },
      },
    ]);
  });

  it('rejects a completion whose watched intervals do not reach the rule', async () => {
    const opened = await openCreditCore(open);
    await opened.call('profiles.create', { name: '王五', unit: '省财政厅' });
    opened.clock.advance(5);
    await opened.call('watch.save', { sessionId: 's1', path: VIDEO, played: [[0, 2]], secondsDelta: 2, position: 2 });
    // The stored coverage says the whole recording; its intervals say 2 seconds.
    opened.core.db.prepare('UPDATE watching SET covered = 6 WHERE path = ?').run(VIDEO);
    await passSession(opened, 's1');
    opened.clock.advance(60);
    const { text } = await exported(opened);
    const report = await importAt(opened, text);
    expect(report.rejected.map((r) => ({ key: r.key, values: r.values }))).toEqual([
      {
        key: 'venue.evidence.completedWithoutWatching',
        values: { session: 's1', path: VIDEO, watched: 2, required: 5.4 },
      },
    ]);
  });

  it('clips intervals beyond the recording to its length in the venue pack', async () => {
    const opened = await openCreditCore(open);
    await opened.call('profiles.create', { name: '赵六', unit: '省教育厅' });
    opened.clock.advance(5);
    await opened.call('watch.save', { sessionId: 's1', path: VIDEO, played: [[0, 2]], secondsDelta: 2, position: 2 });
    opened.clock.advance(60);
    // Written past the end of a 6-second recording: only [5, 6) of the second stretch is in it.
    setIntervals(opened, [
      [0, 2],
      [5, 900],
    ]);
    const { record, text } = await exported(opened);
    expect(record.evidence.sessions[0]!.media[0]!.intervals).toEqual([
      [0, 2],
      [5, 900],
    ]);
    const report = await importAt(opened, text);
    expect(report.rejected).toEqual([]);
    expect(report.participants[0]!.sessions[0]).toMatchObject({ watchedSeconds: 3, credit: 0 });
    // And with the quiz passed, the laptop completes s1 on its stored coverage; the venue does not.
    await passSession(opened, 's1');
    opened.clock.advance(60);
    const again = await importAt(opened, (await exported(opened)).text);
    expect(again.rejected[0]).toMatchObject({
      key: 'venue.evidence.completedWithoutWatching',
      values: { session: 's1', watched: 3, required: 5.4 },
    });
  });

  it('keeps the longest stretches of a union too long for a record, so the venue counts less, never more', async () => {
    const opened = await openCreditCore(open);
    await opened.call('profiles.create', { name: '周八', unit: '省教育厅' });
    opened.clock.advance(60);
    await opened.call('watch.save', { sessionId: 's1', path: VIDEO, played: [[0, 1]], secondsDelta: 1, position: 1 });
    // 6,000 stretches of 0.0005 s and one of 1 s: more than MAX_EVIDENCE_INTERVALS.
    const tiny = Array.from({ length: 6000 }, (_, i) => [i * 0.001, i * 0.001 + 0.0005]);
    setIntervals(
      opened,
      [...tiny, [7, 8]].map(([a, b]) => [a! * 0.5, b! * 0.5]),
    );
    const { record, text } = await exported(opened);
    const kept = record.evidence.sessions[0]!.media[0]!.intervals!;
    expect(kept).toHaveLength(MAX_EVIDENCE_INTERVALS);
    expect(kept).toContainEqual([3.5, 4]);
    const report = await importAt(opened, text);
    expect(report.rejected).toEqual([]);
    const watched = report.participants[0]!.sessions[0]!.watchedSeconds;
    expect(watched).toBeGreaterThanOrEqual(0.5);
    expect(watched).toBeLessThanOrEqual(0.5 + 6000 * 0.00025);
  });

  it('rejects more watching time than the wall clock allows', async () => {
    const p = await watcher(open);
    p.core.db.prepare('UPDATE watching SET ms = ms + 36000000').run();
    const report = await importAt(p, (await exported(p)).text);
    expect(report.rejected[0]).toMatchObject({ key: 'venue.evidence.timeExceedsSpan' });
  });
});

describe('session titles in the UI language', () => {
  const ZH_S1 = '专题培训班及参加人员';
  const EN_S1 = 'The special training class and who took part';

  it('gives the venue report the titles of every language the pack has', async () => {
    const p = await watcher(open);
    const report = await importAt(p, (await exported(p)).text);
    expect(report.sessions[0]!.titles).toEqual({ en: EN_S1, 'zh-CN': ZH_S1 });
    expect(report.pack.titles).toEqual({ en: 'Hubei special training class', 'zh-CN': '湖北专题培训班' });
  });

  it('writes Chinese titles into the venue workbook for a Chinese official, English for an English one', async () => {
    const p = await watcher(open);
    await importAt(p, (await exported(p)).text);
    const titleIn = async (language: 'zh-CN' | 'en') => {
      const file = await p.call('venue.exportXlsx', { language, timeZone: 'Asia/Shanghai' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      return wb.worksheets[1]!.getRow(2).getCell(2).value;
    };
    expect(await titleIn('zh-CN')).toBe(ZH_S1);
    expect(await titleIn('en')).toBe(EN_S1);
  });

  it("writes the participant's CSV with Chinese titles and the ledger's minutes and credit", async () => {
    const p = await watcher(open);
    const file = await p.call('records.export', { format: 'csv', language: 'zh-CN' });
    const [header, ...rows] = parseCsv(file.content);
    const col = (name: string) => header!.indexOf(name);
    expect(rows[0]![col('专题')]).toBe(ZH_S1);
    expect(rows[0]![col('学习包')]).toBe('湖北专题培训班');
    expect(rows[0]![col('阅读时长(分钟)')]).toBe('1');
    expect(rows[0]![col('观看时长(分钟)')]).toBe('0');
    expect(rows[0]![col('学时')]).toBe('0.75');
    expect(rows[1]![col('学时')]).toBe('2');
    const en = parseCsv((await p.call('records.export', { format: 'csv', language: 'en' })).content);
    expect(en[1]![en[0]!.indexOf('Session')]).toBe(EN_S1);
  });
});

describe('xAPI statements with credit hours', () => {
  it('states the completed course with its credit and time on task, valid for xapi-validation', async () => {
    const p = await watcher(open);
    const file = await p.call('records.export', { format: 'xapi', language: 'zh-CN' });
    const list = JSON.parse(file.content) as {
      verb: { id: string };
      object: { id: string; definition: { type?: string; name: Record<string, string> } };
      result: { completion?: boolean; duration?: string; extensions?: Record<string, number> };
    }[];
    for (const s of list) expect(validate(s), JSON.stringify(s)).toEqual([]);
    const completed = list.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/completed');
    const course = completed.find((s) => s.object.definition.type === 'http://adlnet.gov/expapi/activities/course')!;
    expect(course.object.id).toBe('https://study-companion.local/xapi/packs/hubei-special-training-class');
    expect(course.object.definition.name).toEqual({ en: 'Hubei special training class', 'zh-CN': '湖北专题培训班' });
    // 60 s of reading and 7 s of watching; 0.75 + 2 学时.
    expect(course.result).toEqual({ completion: true, duration: 'PT1M7S', extensions: { [CREDIT_EXT]: 2.75 } });
    const s1 = completed.find((s) => s.object.id.endsWith('/sessions/s1'))!;
    expect(s1.result).toEqual({ completion: true, duration: 'PT1M7S', extensions: { [CREDIT_EXT]: 0.75 } });
    expect(s1.object.definition.name['zh-CN']).toBe('专题培训班及参加人员');
  });
});
