import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/records/csv';
import { VenueImport } from '../../../src/core/venue/collector';
import { venueCsv, venueXlsx } from '../../../src/core/venue/export';
import { buildReport } from '../../../src/core/venue/report';
import type { LoadedRoster } from '../../../src/core/venue/roster-load';
import type { VenueCell, VenueParticipant, VenueReport } from '../../../src/shared/contract/venue';
import { pack, VERSION } from './small-record';

/**
 * The venue's CSV and workbook as files, on a small report written here (mutation testing showed
 * which layout rules no test reached; docs/testing.md). export.test.ts and xlsx-print.test.ts
 * export a real import and print it.
 */

const cell: VenueCell = {
  status: 'complete',
  passed: true,
  bestScore: 0.8,
  attempts: 1,
  completedAt: '2026-11-25T20:23:13.000Z',
  credit: 1,
  watchedSeconds: 0,
};

function participant(name: string, o: Partial<VenueParticipant> = {}): VenueParticipant {
  return {
    installationId: '0123abcd-0000-4000-8000-000000000000',
    profileId: 3,
    name,
    unit: '省财政厅',
    venue: '武汉',
    packVersion: VERSION,
    exportedAt: '2026-11-25T21:00:00.000Z',
    file: 'a.json',
    code: 'ABCDE-FGHIJ',
    sessions: [cell, null],
    overall: { completed: 1, total: 2, completedAt: null },
    studySeconds: 3600,
    credit: 1,
    ...o,
  };
}

function report(people: VenueParticipant[], roster: LoadedRoster | null = null): VenueReport {
  const p = pack();
  p.title = 'R&D course';
  const imp = new VenueImport(p, new Set());
  imp.participants = () => people;
  imp.rejected.push({ file: 'bad.json', reason: 'signature', detail: 'changed' });
  return buildReport(imp, roster, '2026-11-26T03:04:05.000Z');
}

const roster: LoadedRoster = {
  format: 'csv',
  encoding: 'utf-8',
  headerRow: 1,
  columns: { name: '姓名', unit: '单位', venue: null },
  problems: [],
  people: [{ name: '李四', unit: '省民政厅' }],
};

async function load(r: VenueReport, language: 'en' | 'zh-CN' = 'en') {
  const file = await venueXlsx(r, language, 'Asia/Shanghai');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return { file, wb };
}

describe('the venue CSV', () => {
  it('writes local times with their offset, empty cells for nothing, numbers as numbers', () => {
    const file = venueCsv(report([participant('王五')]), 'en', 'Asia/Shanghai');
    expect(file.fileName).toBe('venue-report-course-20261126-030405.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    const [header, row] = parseCsv(file.content);
    expect(header).toHaveLength(20);
    expect(row).toEqual([
      '王五',
      '省财政厅',
      '武汉',
      'yes',
      '80',
      '2026-11-26T04:23:13+08:00',
      '',
      '',
      '',
      '1',
      '2',
      '',
      '1',
      '1',
      VERSION,
      '2026-11-26T05:00:00+08:00',
      '0123abcd-0000-4000-8000-000000000000',
      '3',
      'a.json',
      'ABCDE-FGHIJ',
    ]);
  });
});

describe('the venue workbook', () => {
  it('names its file and sheets, and has the missing sheet only with a roster', async () => {
    const { file, wb } = await load(report([participant('王五')], roster));
    expect(file.fileName).toBe('venue-report-course-20261126-030405.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Participants',
      'Summary',
      'By unit',
      'Rejected files',
      'Not submitted',
    ]);
    expect(wb.getWorksheet('Not submitted')!.getRow(2).values).toEqual([undefined, '李四', '省民政厅']);
    expect(wb.getWorksheet('Rejected files')!.getRow(2).values).toEqual([
      undefined,
      'bad.json',
      'signature invalid: the record was changed after export',
      'changed',
    ]);
    expect(wb.created.toISOString()).toBe('2026-11-26T03:04:05.000Z');
    expect((await load(report([participant('王五')]))).wb.worksheets.map((w) => w.name)).not.toContain('Not submitted');
  });

  it('prints every sheet on A4 landscape, one page wide, header row repeated, pages numbered', async () => {
    const { wb } = await load(report([participant('王五')]));
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: '1:1',
      });
      // The course (an & doubled, as the footer code needs), its version, and the local time it was made.
      expect(ws.headerFooter.oddFooter, ws.name).toBe('&LR&&D course 1.0.0 · 2026-11-26 11:04&R&P / &N');
      const head = ws.getRow(1);
      expect(head.getCell(1).font, ws.name).toEqual({ bold: true });
      expect(head.getCell(1).alignment, ws.name).toEqual({ vertical: 'middle', wrapText: true });
      expect(ws.views[0], ws.name).toMatchObject({
        state: 'frozen',
        ySplit: 1,
        xSplit: ws.name === 'Participants' ? 1 : 0,
      });
    }
    const people = wb.getWorksheet('Participants')!;
    expect(people.autoFilter).toBe('A1:T1');
    // Printed: who, 2 sessions × 3, the totals, credit and hours (14 columns); the rest on screen only.
    expect(people.pageSetup.printArea).toBe('A1:N2');
    expect(wb.getWorksheet('Summary')!.autoFilter).toBe('A1:E1');
    expect(wb.getWorksheet('Summary')!.pageSetup.printArea).toBeUndefined();
  });

  it('sets no print area on an empty participants sheet', async () => {
    const { wb } = await load(report([]));
    expect(wb.getWorksheet('Participants')!.pageSetup.printArea).toBeUndefined();
  });

  it('writes times as local wall-clock dates, completions as days, and leaves empty cells empty', async () => {
    const odd = participant('王五', { venue: '', exportedAt: 'not a time' });
    const { wb } = await load(report([odd]));
    const ws = wb.getWorksheet('Participants')!;
    const row = ws.getRow(2);
    expect(row.getCell(3).value).toBeNull();
    expect((row.getCell(6).value as Date).toISOString()).toBe('2026-11-26T04:23:13.000Z');
    expect(row.getCell(16).value).toBe('not a time');
    expect(row.getCell(7).value).toBeNull();
    expect(ws.getColumn(6).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(16).numFmt).toBe('yyyy-mm-dd hh:mm');
    // Column 12 (all completed at) has no time in any row: no date format.
    expect(ws.getColumn(12).numFmt).toBeUndefined();
    expect(ws.getColumn(1).numFmt).toBeUndefined();
    const both = await load(
      report([participant('a', { overall: { completed: 2, total: 2, completedAt: cell.completedAt } })]),
    );
    expect(both.wb.getWorksheet('Participants')!.getColumn(12).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('makes columns as wide as their content, CJK counting double, between 6 and 40', async () => {
    const people = [
      participant('欧阳娜娜娜娜娜娜', { unit: 'x', file: 'f'.repeat(60) }),
      participant('王五', { unit: '\uff21\uff22\u3000\uac00\u1100\uf900\ufe30\uffe0\u2e80' }),
    ];
    const { wb } = await load(report(people));
    const ws = wb.getWorksheet('Participants')!;
    const width = (c: number) => ws.getColumn(c).width;
    expect(width(1)).toBe(18); // 8 CJK characters = 16, + 2
    expect(width(2)).toBe(20); // 9 wide characters = 18, + 2
    expect(width(3)).toBe(8); // "Venue" 5 + 3 for the filter button, more than "武汉" 4 + 2
    // "S1 completed at" (15 + 3 > 16) wraps: its longest word "completed" 9 + 3; the date 10 + 2.
    expect(width(6)).toBe(12);
    expect(width(16)).toBe(18); // "yyyy-mm-dd hh:mm" 16 + 2
    expect(width(19)).toBe(40); // a 60-character file name, at most 40
    expect(width(18)).toBe(13); // "Profile id" 10 + 3, the number 1 + 2
    expect(width(10)).toBe(12); // "Sessions completed" (18 + 3) wraps, no narrower than "completed" + 3
    // "Study time (h)" (14 + 3) wraps to two lines of 9, wider than "Study" + 3: 9 is exceljs's
    // default width, which it does not write.
    expect(width(14) ?? 9).toBe(9);
    expect(width(17)).toBe(38); // the installation id, 36 + 2
    const units = wb.getWorksheet('By unit')!;
    expect(units.getColumn(2).width).toBe(11); // "Enrolled" 8 + 3, over an empty column
    expect(units.getColumn(4).width).toBe(16); // "Completed all" 13 + 3: short enough to keep on one line
  });

  it('sizes columns by the first 500 rows only', async () => {
    const people = Array.from({ length: 501 }, (_, i) => participant(`p${String(i).padStart(3, '0')}`));
    people[500]!.file = 'f'.repeat(30);
    const { wb } = await load(report(people));
    expect(wb.getWorksheet('Participants')!.getColumn(19).width).toBe(8); // "a.json" 6 + 2, not the 501st row's 30 + 2
  });

  it('keeps a long header to its longest word, and makes the header row tall enough for its lines', async () => {
    const { wb } = await load(report([participant('王五')]), 'zh-CN');
    const ws = wb.getWorksheet(wb.worksheets[0]!.name)!;
    const header = ws.getRow(1).values as string[];
    expect(header).toContain('学习时长(小时)');
    const col = header.indexOf('学习时长(小时)');
    // 4 CJK + "(" + 2 CJK + ")" = 14, + 3 = 17: one word, so it keeps its whole width.
    expect(ws.getColumn(col).width).toBe(17);
    expect(ws.getRow(1).height).toBe(33);
    const summary = wb.worksheets[1]!;
    expect(summary.getRow(1).height).toBe(18);
  });
});
