import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { parseCsv } from '../../../src/core/records/csv';
import { baseRecord, laptop, signedFile, tampered } from './make';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

async function imported() {
  const b = await baseRecord();
  open.push(b.core);
  const files = [
    { name: 'a.json', content: signedFile(b.record, laptop(), { name: '王五', unit: '省财政厅' }) },
    { name: 'b.json', content: signedFile(b.record, laptop(), { name: '=HYPERLINK("x")', unit: '省教育厅' }) },
    { name: 'c.json', content: tampered(signedFile(b.record, laptop())) },
  ];
  const report = await b.call('venue.import', { files, roster: '姓名,工作单位\n王五,省财政厅\n李四,省民政厅\n' });
  return { ...b, report };
}

describe('venue report exports', () => {
  it('refuses to export before anything was imported', async () => {
    const b = await baseRecord();
    open.push(b.core);
    expect(await b.dispatch('venue.exportCsv', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('writes the participants table as CSV with numbers as numbers', async () => {
    const { call, report } = await imported();
    const file = await call('venue.exportCsv', { language: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(file.fileName).toMatch(/^venue-report-hubei-special-training-class-\d{8}-\d{6}\.csv$/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(file.content);
    expect(header!.slice(0, 6)).toEqual([
      '姓名',
      '工作单位',
      '分会场',
      '专题1 是否通过',
      '专题1 最高分(%)',
      '专题1 完成时间',
    ]);
    expect(header!.slice(21, 27)).toEqual([
      '已完成专题数',
      '专题总数',
      '全部完成时间',
      '学时',
      '学习时长(小时)',
      '学习包版本',
    ]);
    expect(rows).toHaveLength(2);
    const wang = rows.find((r) => r[0] === '王五')!;
    // Times in the venue's local time with its offset, not UTC text.
    expect(wang.slice(3, 9)).toEqual([
      '是',
      '100',
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      '否',
      '0',
      '',
    ]);
    const completed = report.participants.find((p) => p.name === '王五')!.sessions[0]!.completedAt!;
    expect(Date.parse(wang[5]!)).toBe(Math.floor(Date.parse(completed) / 1000) * 1000);
    expect(rows.some((r) => r[0] === '\'=HYPERLINK("x")')).toBe(true);
  });

  it('writes an XLSX workbook whose numbers read back as numbers', async () => {
    const { call, report } = await imported();
    const file = await call('venue.exportXlsx', { language: 'en', timeZone: 'Asia/Shanghai' });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Participants',
      'Summary',
      'By unit',
      'Rejected files',
      'Not submitted',
    ]);

    const people = wb.getWorksheet('Participants')!;
    const header = people.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(people.rowCount).toBe(1 + report.participants.length);
    const wang = [2, 3].map((n) => people.getRow(n)).find((r) => r.getCell(1).value === '王五')!;
    expect(wang.getCell(col('S1 best score (%)')).value).toBe(100);
    expect(wang.getCell(col('S2 best score (%)')).value).toBe(0); // a 0% score is 0, not empty
    expect(wang.getCell(col('S3 best score (%)')).value).toBeNull(); // never submitted
    expect(wang.getCell(col('S1 passed')).value).toBe('yes');
    expect(wang.getCell(col('Sessions completed')).value).toBe(1);
    expect(wang.getCell(col('Profile id')).value).toBe(report.participants[0]!.profileId);
    // A real date cell holding Beijing wall-clock time, shown as a date.
    const done = wang.getCell(col('S1 completed at'));
    const at = report.participants.find((p) => p.name === '王五')!.sessions[0]!.completedAt!;
    expect(done.value).toBeInstanceOf(Date);
    expect((done.value as Date).getTime()).toBe(Date.parse(at) + 8 * 3600_000);
    expect(people.getColumn(col('S1 completed at')).numFmt).toBe('yyyy-mm-dd'); // the day prints; the time stays in the cell
    expect(people.getColumn(col('Exported at')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(typeof wang.getCell(col('Study time (h)')).value).toBe('number');
    // Printed as an official needs it: A4 landscape, one page wide, the header on every page.
    expect(people.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(people.pageSetup.printTitlesRow).toBe('1:1');
    const formulaName = [2, 3].map((n) => people.getRow(n)).find((r) => r.getCell(1).value !== '王五')!;
    expect(formulaName.getCell(1).value).toBe('=HYPERLINK("x")'); // text, not a formula

    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getRow(2).values).toEqual([undefined, 1, report.sessions[0]!.title, 2, 2, 0]);
    expect(summary.getRow(8).getCell(3).value).toBe(2); // participants
    expect(wb.getWorksheet('Rejected files')!.getRow(2).getCell(2).value).toMatch(/signature/);
    expect(wb.getWorksheet('Not submitted')!.getRow(2).values).toEqual([undefined, '李四', '省民政厅']);
  });
});
