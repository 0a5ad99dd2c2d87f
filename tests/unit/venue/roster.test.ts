import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { baseRecord, laptop, signedFile } from './make';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

/** The roster as a venue office keeps it: Chinese names, a full-width space in one name. */
const ROSTER = [
  ['姓名', '工作单位', '分会场'],
  ['王五', '省财政厅', '武汉'],
  ['李四', '省民政厅', '武汉'],
  ['欧阳　娜娜', '省教育厅', '宜昌'],
  ['赵六', '省财政厅', '宜昌'],
];
const csvText = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  // A title row above the header, and the columns in another order, as offices often have them.
  ws.addRow(['2026年专题培训班学员名册']);
  for (const r of rows) ws.addRow(['', r[1], r[0], r[2]]);
  ws.getRow(2).getCell(1).value = '序号';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const file = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });

async function venueWithRecords() {
  const b = await baseRecord();
  open.push(b.core);
  const files = [
    { name: 'a.json', content: signedFile(b.record, laptop(), { name: '王五', unit: '省财政厅' }) },
    // Typed with half-width spaces around the name and a full-width unit: still the same person.
    { name: 'b.json', content: signedFile(b.record, laptop(), { name: ' 欧阳 娜娜 ', unit: '省教育厅' }) },
    { name: 'c.json', content: signedFile(b.record, laptop(), { name: '周九', unit: '未登记单位' }) },
  ];
  return { ...b, files };
}

describe('rosters as venues keep them', () => {
  it('gives the same report from UTF-8, UTF-8 with BOM, GBK, UTF-16 and XLSX', async () => {
    const { call, files } = await venueWithRecords();
    const text = csvText(ROSTER);
    const variants = {
      'utf-8': file('r.csv', Buffer.from(text, 'utf8')),
      'utf-8 bom': file('r.csv', Buffer.from('\uFEFF' + text, 'utf8')),
      gbk: file('r.csv', iconv.encode(text, 'gbk')),
      'utf-16': file('r.csv', iconv.encode(text, 'utf-16le', { addBOM: true })),
      xlsx: file('r.xlsx', await xlsx(ROSTER)),
    };
    const expected = {
      total: 4,
      missing: [
        { name: '李四', unit: '省民政厅' },
        { name: '赵六', unit: '省财政厅' },
      ],
      notOnRoster: [{ name: '周九', unit: '未登记单位' }],
      problems: [],
    };
    const reports = [];
    for (const [label, roster] of Object.entries(variants)) {
      const report = await call('venue.import', { files, roster });
      expect(report.roster, label).toMatchObject(expected);
      expect(report.roster!.columns, label).toEqual({ name: '姓名', unit: '工作单位', venue: '分会场' });
      reports.push(report);
    }
    expect(reports.map((r) => r.roster!.encoding)).toEqual(['utf-8', 'utf-8', 'gb18030', 'utf-16le', null]);
    expect(reports.map((r) => r.roster!.headerRow)).toEqual([1, 1, 1, 1, 2]);
    for (const r of reports) expect(r.units).toEqual(reports[0]!.units);
    expect(reports[0]!.units.find((u) => u.unit === '省财政厅')).toMatchObject({ enrolled: 2, submitted: 1 });
  });

  it('previews the first people and names every row it cannot use', async () => {
    const { call } = await venueWithRecords();
    const rows = [...ROSTER, ['', '省财政厅', '武汉'], ['王五', '省财政厅', ''], ['\u0001坏', '省民政厅', '']];
    const preview = await call('venue.previewRoster', { roster: file('r.csv', iconv.encode(csvText(rows), 'gbk')) });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'gb18030', headerRow: 1, total: 4 });
    expect(preview.first[0]).toEqual({ name: '王五', unit: '省财政厅', row: 2 });
    expect(preview.problems).toEqual([
      { row: 6, reason: 'venue.roster.rowNoName' },
      { row: 7, reason: 'venue.roster.rowDuplicate', first: 2 },
      { row: 8, reason: 'venue.roster.rowUnreadable' },
    ]);
  });

  it('never counts a header it does not recognise as a person without saying so', async () => {
    const { call } = await venueWithRecords();
    const preview = await call('venue.previewRoster', {
      roster: file('r.csv', Buffer.from('学员,部门\n王五,省财政厅\n')),
    });
    expect(preview.headerRow).toBeNull();
    expect(preview.problems).toEqual([{ row: 1, reason: 'venue.roster.noHeader' }]);
  });

  it('refuses an old binary .xls by name', async () => {
    const { dispatch } = await venueWithRecords();
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const reply = await dispatch('venue.previewRoster', { roster: file('名册.xls', xls) });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { reason: 'venue.roster.oldXls' } },
    });
  });
});
