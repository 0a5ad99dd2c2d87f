import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/records/csv';
import { findColumns, matchRoster, norm, rosterPeople, type Person } from '../../../src/core/venue/roster';
import { isEmptyRoster, loadRoster } from '../../../src/core/venue/roster-load';
import { decodeText, readRosterFile } from '../../../src/core/venue/roster-read';
import type { VenueParticipant } from '../../../src/shared/contract/venue';
import { AppError } from '../../../src/shared/errors';

/**
 * The roster rules one by one, on tables and files written here (mutation testing showed which
 * ones no test reached; docs/testing.md). roster.test.ts reads rosters through the venue calls.
 */

const read = (bytes: Buffer, name = 'r.csv') => readRosterFile(name, bytes, (t) => parseCsv(t, true));

async function reason(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, ...e.detail };
    throw e;
  }
  throw new Error('no AppError');
}

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('names as people read them', () => {
  it('ignores width, spacing of any kind (zero-width too) and Latin case', () => {
    expect(norm(' Ｗａｎｇ\u3000\u200bLi\u200c\u200d\ufeff\tNA ')).toBe('wanglina');
    expect(norm('欧阳 娜娜')).toBe(norm('欧阳　娜娜'));
  });
});

describe('finding the columns', () => {
  it('recognises a header with a colon, a full-width colon or a required-field star', () => {
    expect(findColumns([['*姓名*', '单位：', 'Venue:']])).toEqual({ name: 0, unit: 1, venue: 2, headerRow: 1 });
    expect(findColumns([['序号', ' NAME ', 'Work Unit*']])).toMatchObject({ name: 1, unit: 2, venue: -1 });
    expect(findColumns([['序号', 'Name:*', '单位：*']])).toMatchObject({ name: 1, unit: 2, headerRow: 1 });
  });

  it('takes only whole header words: 姓名拼音 or 原单位 is another column', () => {
    const rows = [
      ['姓名拼音', '身份证姓名', '学员姓名', '单位性质', '原单位', '工作*单位', '单位', '会场号', '主会场', '分会场'],
    ];
    expect(findColumns(rows)).toEqual({ name: 2, unit: 6, venue: 9, headerRow: 1 });
  });

  it('looks for the header in the first ten rows only', () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => [`第${i + 1}行标题`]);
    expect(findColumns([...titles(9), ['姓名', '单位'], ['王五', '省财政厅']])).toMatchObject({ headerRow: 10 });
    expect(findColumns([...titles(10), ['姓名', '单位']])).toEqual({ name: 0, unit: 1, venue: -1, headerRow: null });
  });
});

describe('people of a roster table', () => {
  it('without a header reads name, unit from the first row on, and says so', () => {
    const r = rosterPeople([
      ['王五', '省财政厅'],
      ['李四', '省民政厅'],
    ]);
    expect(r.problems).toEqual([{ row: 1, reason: 'venue.roster.noHeader' }]);
    expect(r.people).toEqual([
      { name: '王五', unit: '省财政厅', row: 1 },
      { name: '李四', unit: '省民政厅', row: 2 },
    ]);
  });

  it('reads a roster with a name column only, trimming cells', () => {
    const r = rosterPeople([['序号', '姓名'], ['1', ' 王五 '], ['2']]);
    expect(r.people).toEqual([{ name: '王五', unit: '', row: 2 }]);
    expect(r.problems).toEqual([{ row: 3, reason: 'venue.roster.rowNoName' }]);
  });

  it('skips blank lines silently and names a line with cells but no name', () => {
    const r = rosterPeople([['姓名', '单位'], [], ['', ' '], ['  ', '省财政厅'], ['王五', '省财政厅']]);
    expect(r.problems).toEqual([{ row: 4, reason: 'venue.roster.rowNoName' }]);
    expect(r.people).toEqual([{ name: '王五', unit: '省财政厅', row: 5 }]);
  });

  it('names a line whose name or unit did not decode, and keeps tabs and spaces inside a name', () => {
    const bad = ['\ufffd', '\u0000', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f'];
    const rows = [['姓名', '单位'], ...bad.map((c) => [`王${c}五`, '单位']), ['赵六', `省${bad[0]}厅`]];
    const r = rosterPeople([...rows, ['王\t五', '甲'], ['王 五', '乙']]);
    expect(r.problems).toEqual(rows.slice(1).map((_, i) => ({ row: i + 2, reason: 'venue.roster.rowUnreadable' })));
    expect(r.people.map((p) => p.name)).toEqual(['王\t五', '王 五']);
  });

  it('names a repeated person with the row of the first, however the repeat is spaced or cased', () => {
    const r = rosterPeople([
      ['姓名', '单位'],
      ['Wang Wu', '省财政厅'],
      ['李四', '省财政厅'],
      ['wangwu', '省财政厅 '],
      ['Wang Wu', '省民政厅'],
      ['李四', '省财政厅'],
    ]);
    expect(r.problems).toEqual([
      { row: 4, reason: 'venue.roster.rowDuplicate', first: 2 },
      { row: 6, reason: 'venue.roster.rowDuplicate', first: 3 },
    ]);
    expect(r.people.map((p) => `${p.name}/${p.unit}`)).toEqual([
      'Wang Wu/省财政厅',
      '李四/省财政厅',
      'Wang Wu/省民政厅',
    ]);
  });
});

describe('matching the roster', () => {
  const who = (name: string, unit: string) => ({ name, unit }) as VenueParticipant;

  it('matches name and unit as people read them; a line without a unit matches that name in any unit', () => {
    const roster: Person[] = [
      { name: '王五', unit: '省财政厅', row: 2 },
      { name: '李四', unit: '', row: 3 },
      { name: '赵六', unit: '省民政厅', row: 4 },
      { name: '孙七', unit: '', row: 5 },
    ];
    const participants = [
      who(' 王五', '省财政厅'),
      who('李四', '某县'),
      who('赵六', '其他单位'),
      who('周九', '省财政厅'),
    ];
    expect(matchRoster(roster, participants)).toEqual({
      total: 4,
      missing: [
        { name: '赵六', unit: '省民政厅' },
        { name: '孙七', unit: '' },
      ],
      notOnRoster: [
        { name: '赵六', unit: '其他单位' },
        { name: '周九', unit: '省财政厅' },
      ],
    });
  });

  it('does not let a line with a unit match the name in another unit', () => {
    const roster: Person[] = [{ name: '王五', unit: '省财政厅' }];
    expect(matchRoster(roster, [who('王五', '省民政厅')])).toEqual({
      total: 1,
      missing: [{ name: '王五', unit: '省财政厅' }],
      notOnRoster: [{ name: '王五', unit: '省民政厅' }],
    });
  });
});

describe('decoding a roster file', () => {
  const text = 'Name,Unit\r\nWang,Finance\r\n王五,省财政厅\r\n';

  it('follows a BOM, else tries UTF-8, then UTF-16 by its zero bytes, then GB18030', () => {
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      [iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le'],
      [iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be'],
      [Buffer.from(text), 'utf-8'],
      [iconv.encode(text, 'utf-16le'), 'utf-16le'],
      [iconv.encode(text, 'utf-16be'), 'utf-16be'],
      [iconv.encode(text, 'gb18030'), 'gb18030'],
    ];
    for (const [bytes, encoding] of cases) expect(decodeText(bytes), encoding).toEqual({ text, encoding });
  });

  it('takes a UTF-8 BOM at its word even when a byte after it is damaged', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('姓名\n王'),
      Buffer.from([0xff]),
      Buffer.from('五\n'),
    ]);
    expect(decodeText(bytes)).toEqual({ text: '姓名\n王\ufffd五\n', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM whose text has no zero bytes (Chinese only)', () => {
    const t = '姓名，单位\r\n王五，省财政厅\r\n';
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      expect(decodeText(iconv.encode(t, encoding, { addBOM: true })), encoding).toEqual({ text: t, encoding });
    }
  });

  it('reads UTF-8 text that starts like a BOM but is not one', () => {
    const t = 'Ｎａｍｅ,单位\n王五,省财政厅\n';
    expect(decodeText(Buffer.from(t))).toEqual({ text: t, encoding: 'utf-8' });
  });

  it('reads GB18030 text whose first bytes look like part of a UTF-16 BOM', () => {
    // Characters whose GB18030 bytes are (x, 0xfe) and (0xfe, y): a BOM checked byte by byte would take them.
    const ideographs = Array.from({ length: 0x9fa5 - 0x4e00 }, (_, i) => String.fromCharCode(0x4e00 + i));
    for (const test of [(b: Buffer) => b[1] === 0xfe, (b: Buffer) => b[0] === 0xfe && b[1] !== 0xff]) {
      const ch = ideographs.find((c) => test(iconv.encode(c, 'gb18030')))!;
      const t = `${ch}名,单位\r\n`;
      expect(decodeText(iconv.encode(t, 'gb18030'))).toEqual({ text: t, encoding: 'gb18030' });
    }
  });

  it('takes UTF-16 only when more than an eighth of the bytes are zeros in its places', () => {
    // 16 bytes, not UTF-8, exactly two zeros at odd and then at even places: GB18030 still.
    const gbk = iconv.encode('你好你好你好', 'gb18030');
    const odd = Buffer.concat([Buffer.from([0x41, 0x00, 0x41, 0x00]), gbk]);
    const even = Buffer.concat([Buffer.from([0x00, 0x41, 0x00, 0x41]), gbk]);
    expect(decodeText(odd).encoding).toBe('gb18030');
    expect(decodeText(even).encoding).toBe('gb18030');
    const more = Buffer.concat([Buffer.from([0x41, 0x00, 0x41, 0x00, 0x41, 0x00]), gbk]);
    expect(decodeText(more).encoding).toBe('utf-16le');
  });
});

describe('reading a roster file', () => {
  it('reads a CSV whose text starts with P (the first byte of a zip) as CSV', async () => {
    expect(await read(Buffer.from('Pname,Unit\r\n'))).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      rows: [['Pname', 'Unit']],
    });
  });

  it('refuses an old .xls by its name, and a file that only looks like a workbook', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await reason(read(xls, '名册.xls'))).toEqual({
      code: 'INVALID_INPUT',
      reason: 'venue.roster.oldXls',
      file: '名册.xls',
    });
    const broken = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    expect(await reason(read(broken, 'r.xlsx'))).toEqual({ code: 'INVALID_INPUT', reason: 'venue.roster.badWorkbook' });
  });

  it('refuses a workbook without a sheet', async () => {
    expect(await reason(read(await workbook(() => {}), 'r.xlsx'))).toEqual({
      code: 'INVALID_INPUT',
      reason: 'venue.roster.noSheet',
    });
  });

  it('reads an empty first sheet as no rows', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('空'));
    expect((await read(bytes, 'r.xlsx')).rows).toEqual([]);
  });

  it('reads a link (an e-mail address, say) as its text', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('名册');
      ws.addRow(['姓名', '单位']);
      ws.getCell('A2').value = { text: '王五', hyperlink: 'mailto:wang@example.org' };
      ws.getCell('B2').value = '省财政厅';
    });
    expect((await read(bytes, 'r.xlsx')).rows[1]).toEqual(['王五', '省财政厅']);
  });

  it('reads the first sheet as shown: rich text, formula results, numbers, empty rows and cells kept in place', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('名册');
      wb.addWorksheet('other').addRow(['not this']);
      ws.addRow(['姓名', '单位', '编号']);
      ws.getCell('A3').value = { richText: [{ text: '王' }, { text: '五', font: { bold: true } }] };
      ws.getCell('B3').value = { formula: 'CONCATENATE("省","财政厅")', result: '省财政厅' };
      ws.getCell('C3').value = 42;
      ws.getCell('A4').value = '李四';
      ws.getCell('B4').value = { formula: 'B3', result: undefined } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('D4').value = 'x';
    });
    const table = await read(bytes, 'r.xlsx');
    expect(table).toEqual({
      format: 'xlsx',
      encoding: null,
      rows: [['姓名', '单位', '编号'], [], ['王五', '省财政厅', '42'], ['李四', '', '', 'x']],
    });
  });
});

describe('loading a roster', () => {
  it('from text: CSV in UTF-8 with blank lines kept, so rows are numbered as the file', async () => {
    const r = await loadRoster('姓名 , 单位\n\n王五,省财政厅\n');
    expect(r).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      headerRow: 1,
      columns: { name: '姓名', unit: '单位', venue: null },
      problems: [],
      people: [{ name: '王五', unit: '省财政厅', row: 3 }],
    });
  });

  it('from a file, with the header cells as written, or none without a header', async () => {
    const bytes = Buffer.from('名册\n\n分会场,姓名\n武汉,王五\n');
    const r = await loadRoster({ name: 'r.csv', base64: bytes.toString('base64') });
    expect(r).toMatchObject({ headerRow: 3, columns: { name: '姓名', unit: null, venue: '分会场' } });
    expect(r.people).toEqual([{ name: '王五', unit: '', row: 4 }]);
    const none = await loadRoster('王五,省财政厅\n');
    expect(none).toMatchObject({ headerRow: null, columns: { name: null, unit: null, venue: null } });
  });

  it('counts no text, blank text and an empty file as no roster', () => {
    expect(isEmptyRoster(undefined)).toBe(true);
    expect(isEmptyRoster(' \n ')).toBe(true);
    expect(isEmptyRoster({ name: 'r.csv', base64: '' })).toBe(true);
    expect(isEmptyRoster('姓名')).toBe(false);
    expect(isEmptyRoster({ name: 'r.csv', base64: 'AA==' })).toBe(false);
  });
});
