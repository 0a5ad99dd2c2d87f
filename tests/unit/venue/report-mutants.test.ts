import { describe, expect, it } from 'vitest';
import { FORMAT_1_RULE } from '../../../src/core/study/rules';
import { VenueImport } from '../../../src/core/venue/collector';
import { localIso, localZone, offsetMinutes, wallClockDate } from '../../../src/core/venue/local-time';
import { buildReport, unitSummaries } from '../../../src/core/venue/report';
import { loadRoster } from '../../../src/core/venue/roster-load';
import { participantTable, reportFileName, reportTitles, summaryTable, unitTable } from '../../../src/core/venue/table';
import { verificationCode } from '../../../src/core/records/verification';
import type { StudyRecord } from '../../../src/shared/contract/records';
import type { VenueParticipant } from '../../../src/shared/contract/venue';
import type { Question } from '../../../src/shared/pack/schema';
import { AppError } from '../../../src/shared/errors';
import { laptop, signedFile } from './make';
import { at, done, EXPORT_MIN, pack, record, VERSION } from './small-record';

/**
 * The venue import, report, tables and local times rule by rule, on small signed records
 * (small-record.ts) folded by a real VenueImport (mutation testing showed which rules no test
 * reached; docs/testing.md). The calls end to end are in import.test.ts and export.test.ts.
 */

const complete = () => record([done('s1', 0), done('s2', 10)]);
const creditPack = () =>
  pack({ rules: { s1: { ...FORMAT_1_RULE, credit: { kind: 'fixed', hours: 2 } }, s2: FORMAT_1_RULE } });

function venue(p = pack()) {
  return new VenueImport(p, new Set(['course', 'elsewhere']));
}

const person = (name: string, unit: string, o: Partial<StudyRecord> = {}, m = laptop()) => ({
  m,
  file: (file: string, exportedAt?: string) => ({
    name: file,
    content: signedFile({ ...complete(), ...o }, m, { name, unit, ...(exportedAt ? { exportedAt } : {}) }),
  }),
});

describe('the import', () => {
  it('names every refused file with its reason, and the key and values only where there are some', () => {
    const imp = venue();
    const late = record([done('s1', 0, { completedAt: at(EXPORT_MIN + 5) })]);
    const m = laptop();
    imp.add([
      { name: 'big.json', tooLarge: true, size: 5 },
      { name: 'bad.json', content: 'not json' },
      { name: 'other.json', content: signedFile(complete(), m, { packId: 'elsewhere', packVersion: '3.0.0' }) },
      { name: 'unknown.json', content: signedFile(complete(), m, { packId: 'nowhere' }) },
      { name: 'late.json', content: signedFile(late, m) },
      { name: 'ok.json', content: signedFile(complete(), m) },
    ]);
    expect({ received: imp.received, accepted: imp.accepted }).toEqual({ received: 6, accepted: 1 });
    expect(imp.rejected).toStrictEqual([
      { file: 'big.json', reason: 'too-large', detail: '5 bytes' },
      { file: 'bad.json', reason: 'bad-json', detail: expect.any(String) },
      { file: 'other.json', reason: 'other-pack', detail: 'elsewhere 3.0.0' },
      { file: 'unknown.json', reason: 'unknown-pack', detail: `nowhere ${VERSION}` },
      {
        file: 'late.json',
        reason: 'evidence',
        detail: expect.stringContaining('after the export'),
        key: 'venue.evidence.afterExport',
        values: { session: 's1', what: 'completed', time: at(EXPORT_MIN + 5) },
      },
    ]);
    expect(imp.warnings).toEqual([]);
  });

  it('warns of a record made with another pack version', () => {
    const imp = venue();
    imp.add([person('王五', '甲', { pack: { id: 'course', version: '0.9.0', title: 'Course' } }).file('a.json')]);
    expect(imp.warnings).toStrictEqual([{ file: 'a.json', code: 'pack-version', detail: `0.9.0 ≠ ${VERSION}` }]);
  });

  it('warns of a claimed credit above or below what the evidence gives, not of one that agrees', () => {
    const imp = venue(creditPack());
    const ledger = (totalCredit: number) => ({ ledger: { sessions: [], totalCredit } });
    imp.add([
      person('甲', '甲', ledger(5)).file('more.json'),
      person('乙', '甲', ledger(1)).file('less.json'),
      person('丙', '甲', ledger(2 + 1e-7)).file('same.json'),
      person('丁', '甲').file('no-ledger.json'),
    ]);
    expect(imp.accepted).toBe(4);
    expect(imp.warnings).toStrictEqual([
      {
        file: 'more.json',
        code: 'credit-claim',
        detail: 'claims 5 credit hours; its evidence gives 2',
        values: { claimed: 5, derived: 2 },
      },
      {
        file: 'less.json',
        code: 'credit-claim',
        detail: 'claims 1 credit hours; its evidence gives 2',
        values: { claimed: 1, derived: 2 },
      },
    ]);
  });

  it('allows a claimed credit within a millionth of an hour', () => {
    const imp = venue();
    imp.add([person('甲', '甲', { ledger: { sessions: [], totalCredit: 1e-6 } }).file('a.json')]);
    expect(imp.warnings).toEqual([]);
  });

  it('does not blame a file for a fault of the venue pack', () => {
    // An answer key the venue app cannot read is its own bug: the import stops, no file is rejected for it.
    const p = pack();
    p.questions.set('q1', {
      sessionId: 's1',
      question: { id: 'q1', type: 'fill', prompt: 'p', explanation: 'e', source: 's' } as unknown as Question,
    });
    const r = complete();
    r.evidence.sessions[0]!.attempts[0]!.answers[0]!.response = { type: 'fill', text: 'x' };
    const imp = venue(p);
    expect(() => imp.add([{ name: 'a.json', content: signedFile(r, laptop()) }])).toThrow(TypeError);
    expect(imp.rejected).toEqual([]);
  });

  it('keeps the newest export of a profile, the first file of a tie, and every other profile or laptop', () => {
    const imp = venue();
    const wang = person('王五', '甲');
    const t = '2026-11-21T00:00:00.000Z';
    imp.add([
      wang.file('first.json', t),
      wang.file('tie.json', t),
      wang.file('older.json', '2026-11-20T23:00:00.000Z'),
    ]);
    expect(imp.participants().map((p) => p.file)).toEqual(['first.json']);
    imp.add([wang.file('newer.json', '2026-11-21T00:00:01.000Z')]);
    imp.add([person('王五', '甲').file('other-laptop.json', t)]);
    const sameLaptop = signedFile(complete(), wang.m, { profileId: 2, name: '李四', unit: '甲', exportedAt: t });
    imp.add([{ name: 'other-profile.json', content: sameLaptop }]);
    expect(imp.participants().map((p) => p.file)).toEqual(['newer.json', 'other-laptop.json', 'other-profile.json']);
    expect(imp.superseded).toEqual([
      { file: 'tie.json', by: 'first.json' },
      { file: 'older.json', by: 'first.json' },
      { file: 'first.json', by: 'newer.json' },
    ]);
    expect(imp.accepted).toBe(6);
  });

  it("makes the participant's row from the record's identity and the evidence's numbers", () => {
    const imp = venue(creditPack());
    const m = laptop();
    const r = record([done('s1', 0)], {
      participant: { profileId: 7, name: 'n', unit: 'u', venue: '宜昌' },
    });
    imp.add([{ name: 'a.json', content: signedFile(r, m, { name: '王五', unit: '省财政厅' }) }]);
    const [row] = imp.participants();
    expect(row).toStrictEqual({
      installationId: m.id,
      profileId: 7,
      name: '王五',
      unit: '省财政厅',
      venue: '宜昌',
      packVersion: VERSION,
      exportedAt: at(EXPORT_MIN),
      file: 'a.json',
      code: verificationCode({ installationId: m.id, profileId: 7, packId: 'course', evidence: r.evidence }),
      sessions: [
        {
          status: 'complete',
          passed: true,
          bestScore: 1,
          attempts: 1,
          completedAt: at(5),
          credit: 2,
          watchedSeconds: 0,
        },
        null,
      ],
      overall: { completed: 1, total: 2, completedAt: null },
      studySeconds: 120,
      credit: 2,
    });
  });
});

/** A participant row with only what the report and the tables look at. */
function row(name: string, unit: string, o: Partial<VenueParticipant> = {}): VenueParticipant {
  return {
    installationId: '0123abcd-0000-4000-8000-000000000000',
    profileId: 3,
    name,
    unit,
    venue: '武汉',
    packVersion: VERSION,
    exportedAt: at(EXPORT_MIN),
    file: `${name}.json`,
    code: 'ABCDE-FGHIJ',
    sessions: [null, null],
    overall: { completed: 0, total: 2, completedAt: null },
    studySeconds: 0,
    credit: 0,
    ...o,
  };
}

describe('per work unit', () => {
  it('counts the roster per unit, and each participant under their unit as names match', () => {
    const roster = [
      { name: 'a', unit: '省财政厅' },
      { name: 'b', unit: '省财政厅 ' },
      { name: 'c', unit: '单位10' },
    ];
    const people = [
      row('甲', ' 省财政厅', {
        overall: { completed: 2, total: 2, completedAt: at(9) },
        studySeconds: 5400,
        credit: 0.1,
      }),
      row('乙', '省财政厅', { studySeconds: 3599, credit: 0.2 }),
      row('丙', '单位2', { studySeconds: 1 }),
    ];
    expect(unitSummaries(people, roster)).toEqual([
      { unit: '单位2', enrolled: 0, submitted: 1, completedAll: 0, credit: 0, studyHours: 0 },
      { unit: '单位10', enrolled: 1, submitted: 0, completedAll: 0, credit: 0, studyHours: 0 },
      { unit: '省财政厅', enrolled: 2, submitted: 2, completedAll: 1, credit: 0.3, studyHours: 2.5 },
    ]);
    expect(unitSummaries(people, null).map((u) => u.enrolled)).toEqual([null, null]);
  });
});

describe('the report', () => {
  const cell = (passed: boolean, completedAt: string | null, credit: number) => ({
    status: completedAt ? ('complete' as const) : ('in-progress' as const),
    passed,
    bestScore: passed ? 1 : 0.5,
    attempts: 1,
    completedAt,
    credit,
    watchedSeconds: 0,
  });

  /** An import holding these rows (as accepted files would leave them). */
  function imported(rows: VenueParticipant[], p = pack()): VenueImport {
    const imp = venue(p);
    imp.participants = () => rows.map((r) => ({ ...r }));
    return imp;
  }

  it('sorts participants by unit, then name; totals per session, completed-all and credit', () => {
    const rows = [
      row('乙', '单位10', {
        sessions: [cell(true, at(5), 1.5), cell(false, null, 0)],
        overall: { completed: 1, total: 2, completedAt: null },
        credit: 1.5,
      }),
      row('丙', '单位2', {
        sessions: [cell(true, at(5), 0.1), cell(true, at(9), 0.2)],
        overall: { completed: 2, total: 2, completedAt: at(9) },
        credit: 0.3,
      }),
      row('甲', '单位10', { sessions: [cell(false, null, 0), null] }),
      row('Bob', '单位2'),
      row('alice', '单位2'),
    ];
    const imp = imported(rows);
    imp.received = 7;
    imp.accepted = 5;
    imp.rejected.push({ file: 'x.json', reason: 'bad-json', detail: 'd' });
    imp.superseded.push({ file: 'old.json', by: 'new.json' }, { file: 'old2.json', by: 'new.json' });
    imp.warnings.push({ file: 'w.json', code: 'pack-version', detail: 'd' });
    const report = buildReport(imp, null, '2026-11-26T03:04:05.000Z');
    expect(report.participants.map((p) => `${p.unit} ${p.name}`)).toEqual([
      '单位2 丙',
      '单位2 alice',
      '单位2 Bob',
      '单位10 甲', // jiǎ before yǐ: Chinese names sort by pinyin
      '单位10 乙',
    ]);
    expect(report.totals).toEqual({
      participants: 5,
      completedAll: 1,
      credit: 1.8,
      sessions: [
        { id: 's1', passed: 2, completed: 2, credit: 1.6 },
        { id: 's2', passed: 1, completed: 1, credit: 0.2 },
      ],
    });
    expect(report.files).toEqual({ received: 7, accepted: 5, rejected: 1, superseded: 2 });
    expect(report).toMatchObject({
      pack: { id: 'course', version: VERSION, title: 'Course', titles: {} },
      sessions: [
        { id: 's1', ord: 1, title: 'One', titles: {} },
        { id: 's2', ord: 2, title: 'Two', titles: {} },
      ],
      grantsCredit: false,
      rejected: [{ file: 'x.json', reason: 'bad-json', detail: 'd' }],
      superseded: imp.superseded,
      warnings: imp.warnings,
      roster: null,
      generatedAt: '2026-11-26T03:04:05.000Z',
    });
    expect(report.units.map((u) => [u.unit, u.submitted, u.enrolled])).toEqual([
      ['单位2', 3, null],
      ['单位10', 2, null],
    ]);
  });

  it("carries the pack's titles and credit rule, and the roster with how it was read", async () => {
    const p = { ...creditPack(), titles: { zh: '课程' } };
    p.sessions = p.sessions.map((s, i) => (i ? s : { ...s, titles: { zh: '一' } }));
    p.rules.grantsCredit = true;
    const roster = await loadRoster('姓名,单位\n王五,单位2\n李四,\n');
    const report = buildReport(imported([row('王五', '单位2'), row('赵六', '单位3')], p), roster, at(1));
    expect(report.pack.titles).toEqual({ zh: '课程' });
    expect(report.sessions.map((s) => s.titles)).toEqual([{ zh: '一' }, {}]);
    expect(report.grantsCredit).toBe(true);
    expect(report.roster).toEqual({
      total: 2,
      missing: [{ name: '李四', unit: '' }],
      notOnRoster: [{ name: '赵六', unit: '单位3' }],
      format: 'csv',
      encoding: 'utf-8',
      headerRow: 1,
      columns: { name: '姓名', unit: '单位', venue: null },
      problems: [],
    });
    expect(report.units.map((u) => [u.unit, u.enrolled, u.submitted])).toEqual([
      ['', 1, 0],
      ['单位2', 1, 1],
      ['单位3', 0, 1],
    ]);
  });
});

describe('the report tables', () => {
  function report(rows: VenueParticipant[], withRoster = false) {
    const imp = venue();
    imp.participants = () => rows;
    return buildReport(
      imp,
      withRoster
        ? {
            format: 'csv',
            encoding: 'utf-8',
            headerRow: 1,
            columns: { name: '姓名', unit: null, venue: null },
            problems: [],
            people: [{ name: 'x', unit: '单位1' }],
          }
        : null,
      '2026-11-26T03:04:05.678Z',
    );
  }
  const c = {
    status: 'complete' as const,
    passed: true,
    bestScore: 0.666,
    attempts: 2,
    completedAt: at(5),
    credit: 1,
    watchedSeconds: 0,
  };

  it('writes a row per participant: passed, whole-percent score, completion per session, empty for a missing one', () => {
    const p = row('王五', '单位1', {
      venue: '',
      sessions: [c, { ...c, passed: false, bestScore: null, completedAt: null }],
      overall: { completed: 1, total: 2, completedAt: at(9) },
      studySeconds: 5579,
      credit: 1.25,
    });
    const q = row('李四', '单位1', { sessions: [{ ...c, bestScore: 0 }, null] });
    const t = participantTable(report([p, q]), 'zh-CN');
    expect(t.header).toHaveLength(t.rows[0]!.length);
    expect(t.rows[1]).toEqual([
      '王五',
      '单位1',
      null,
      '是',
      67,
      { time: at(5) },
      '否',
      null,
      null,
      1,
      2,
      { time: at(9) },
      1.25,
      1.5,
      VERSION,
      { time: at(EXPORT_MIN) },
      p.installationId,
      3,
      '王五.json',
      'ABCDE-FGHIJ',
    ]);
    expect(t.rows[0]!.slice(2, 12)).toEqual(['武汉', '是', 0, { time: at(5) }, null, null, null, 0, 2, null]);
  });

  it('sums the sessions, participants, completed-all and credit', () => {
    const s = summaryTable(report([row('a', 'u', { sessions: [c, null], credit: 1 })]), 'en');
    expect(s.rows).toEqual([
      [1, 'One', 1, 1, 1],
      [2, 'Two', 0, 0, 0],
      [null, expect.any(String), 1, null, null],
      [null, expect.any(String), null, 0, null],
      [null, expect.any(String), null, null, 1],
    ]);
  });

  it('totals the units, with no enrolled total without a roster', () => {
    const people = [
      row('a', '单位1', { credit: 0.1, studySeconds: 3600 * 1.26 }),
      row('b', '单位2', {
        credit: 0.2,
        studySeconds: 3600 * 1.26,
        overall: { completed: 2, total: 2, completedAt: at(3) },
      }),
    ];
    const plain = unitTable(report(people), 'en');
    expect(plain.rows.at(-1)!.slice(1)).toEqual([null, 2, 1, 0.3, 2.6]);
    expect(plain.rows.slice(0, 2)).toEqual([
      ['单位1', null, 1, 0, 0.1, 1.3],
      ['单位2', null, 1, 1, 0.2, 1.3],
    ]);
    const listed = unitTable(report(people, true), 'en');
    expect(listed.rows.at(-1)!.slice(1)).toEqual([1, 2, 1, 0.3, 2.6]);
    expect(unitTable(report([]), 'en').rows).toEqual([[expect.any(String), null, 0, 0, 0, 0]]);
  });

  it('names the file by pack and generation time, and titles sessions in the reader language', () => {
    const r = report([]);
    expect(reportFileName(r, 'csv')).toBe('venue-report-course-20261126-030405.csv');
    r.pack.titles = { 'zh-CN': '课程' };
    r.sessions[1]!.titles = { 'zh-CN': '二' };
    expect(reportTitles(r, 'zh-CN')).toEqual({ pack: '课程', sessions: ['One', '二'] });
    expect(reportTitles(r, 'en')).toEqual({ pack: 'Course', sessions: ['One', 'Two'] });
  });
});

describe('local times', () => {
  it('takes the given zone, else the machine zone, and refuses an unknown one by name', () => {
    expect(localZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(localZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    try {
      localZone('Mars/Base');
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('INVALID_INPUT');
      expect((e as AppError).detail).toEqual({ reason: 'venue.export.badTimeZone', zone: 'Mars/Base' });
    }
  });

  it('gives the offset east of UTC in minutes, summer time and half hours included', () => {
    const winter = Date.parse('2026-01-15T12:00:00Z');
    const summer = Date.parse('2026-07-15T12:00:00Z');
    expect(offsetMinutes(winter, 'Asia/Shanghai')).toBe(480);
    expect(offsetMinutes(winter, 'UTC')).toBe(0);
    expect(offsetMinutes(winter, 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(winter, 'America/St_Johns')).toBe(-210);
    expect(offsetMinutes(summer, 'America/St_Johns')).toBe(-150);
  });

  it('writes local ISO time with its offset, and leaves a text that is not a time as it is', () => {
    expect(localIso('2026-11-25T20:23:13.900Z', 'Asia/Shanghai')).toBe('2026-11-26T04:23:13+08:00');
    expect(localIso('2026-01-15T12:00:00Z', 'America/St_Johns')).toBe('2026-01-15T08:30:00-03:30');
    expect(localIso('2026-01-15T12:00:00Z', 'UTC')).toBe('2026-01-15T12:00:00+00:00');
    expect(localIso('soon', 'UTC')).toBe('soon');
  });

  it('gives a spreadsheet date the wall-clock fields, or none for a text that is not a time', () => {
    expect(wallClockDate('2026-01-15T12:00:00Z', 'America/St_Johns')!.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(wallClockDate('soon', 'UTC')).toBeNull();
  });
});
