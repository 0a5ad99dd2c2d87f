import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { parseCsv, toCsv } from '../../../src/core/records/csv';
import { seededCore } from './seed';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

describe('CSV writing and reading (RFC 4180)', () => {
  it('starts with a BOM, ends every line with CRLF, quotes only what needs it', () => {
    const csv = toCsv([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      [0, 1.5, null, '学习'],
    ]);
    expect(csv).toBe('\uFEFFa,"b,c","say ""hi""","two\nlines"\r\n0,1.5,,学习\r\n');
    expect(parseCsv(csv)).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['0', '1.5', '', '学习'],
    ]);
  });

  it('keeps typed text from running as a spreadsheet formula', () => {
    expect(toCsv([['=1+1', '-2', '@x', '+3', 'ok']])).toBe("\uFEFF'=1+1,'-2,'@x,'+3,ok\r\n");
  });

  it('guards tab and carriage return, which spreadsheets also strip before a formula', () => {
    expect(toCsv([['\t=1+1', '\r=1+1']])).toBe('\uFEFF\'\t=1+1,"\'\r=1+1"\r\n');
  });

  it('refuses a quote that is never closed, naming its line, instead of swallowing the rest of the file', () => {
    const text = 'name,unit\n张三,省委\n"李四,省纪委\n王五,省财政厅\n';
    expect(() => parseCsv(text)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        detail: { reason: 'csv.unterminatedQuote', line: 3 },
      }),
    );
    expect(() => parseCsv('a,"b')).toThrow(
      expect.objectContaining({ detail: { reason: 'csv.unterminatedQuote', line: 1 } }),
    );
  });

  it('reads a quote inside an unquoted field as text, as spreadsheets do', () => {
    expect(parseCsv('name,unit\n张"三,省委"办公厅\n李四,x\n')).toEqual([
      ['name', 'unit'],
      ['张"三', '省委"办公厅'],
      ['李四', 'x'],
    ]);
  });

  it('keeps a trailing empty field, with and without a final line end', () => {
    expect(parseCsv('a,b,\r\nc,,\r\n')).toEqual([
      ['a', 'b', ''],
      ['c', '', ''],
    ]);
    expect(parseCsv('a,b,')).toEqual([['a', 'b', '']]);
    expect(parseCsv('a,""')).toEqual([['a', '']]);
  });

  it('reads LF-only files and files without a BOM, dropping blank lines', () => {
    expect(parseCsv('name,unit\n\n张三,"省委, 组织部"\n')).toEqual([
      ['name', 'unit'],
      ['张三', '省委, 组织部'],
    ]);
  });
});

describe('the participant CSV export', () => {
  it('has the Chinese header, Chinese text intact, and numbers as numbers', async () => {
    const { core, call } = await seededCore();
    open.push(core);
    const file = await call('records.export', { format: 'csv', language: 'zh-CN' });
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toMatch(/\.csv$/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // Round trip through real bytes, as a spreadsheet reads the file.
    const rows = parseCsv(Buffer.from(file.content, 'utf8').toString('utf8'));
    const [header, ...body] = rows;
    // prettier-ignore
    expect(header).toEqual([
      '姓名', '工作单位', '分会场', '学习包', '学习包版本', '专题序号', '专题', '状态', '阅读进度(%)', '阅读时长(分钟)',
      '观看时长(分钟)', '已复习要点', '要点总数', '测验次数', '最高分(%)', '是否通过', '完成时间', '学时', '导出时间',
    ]);
    expect(body).toHaveLength(6 + 1); // and the total line
    const col = (name: string) => header!.indexOf(name);
    const [s1, s2, s3] = body;
    expect(s1![col('姓名')]).toBe('张三, "老张"');
    expect(s1![col('工作单位')]).toBe('省委组织部');
    expect(s1![col('状态')]).toBe('已完成');
    expect(s1![col('最高分(%)')]).toBe('86'); // 6 of 7, rounded as on screen
    expect(s1![col('是否通过')]).toBe('是');
    expect(s1![col('完成时间')]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(s1![col('阅读时长(分钟)')]).toBe('10'); // 600 s, the ledger's minutes
    expect(s1![col('学时')]).toBe('0'); // the built-in pack grants no credit hours
    const total = body.at(-1)!;
    expect([total[col('专题')], total[col('阅读时长(分钟)')], total[col('学时')]]).toEqual(['合计', '12', '0']);
    // A quiz submitted with no correct answer is 0, never empty.
    expect(s2![col('最高分(%)')]).toBe('0');
    expect(s2![col('测验次数')]).toBe('1');
    expect(s2![col('是否通过')]).toBe('否');
    // Never submitted: empty best score; not complete: empty completion time. Counts stay 0.
    expect(s3![col('最高分(%)')]).toBe('');
    expect(s3![col('完成时间')]).toBe('');
    expect(s3![col('测验次数')]).toBe('0');
    expect(s3![col('阅读进度(%)')]).toBe('40');
    // Numbers are written bare (unquoted), so spreadsheets read them as numbers.
    expect(file.content).toMatch(/,86,是,/);
  });

  it('writes the header in English when the UI is English', async () => {
    const { core, call } = await seededCore();
    open.push(core);
    const file = await call('records.export', { format: 'csv', language: 'en' });
    const [header, s1] = parseCsv(file.content);
    expect(header![0]).toBe('Name');
    expect(s1![header!.indexOf('Status')]).toBe('Complete');
    expect(s1![header!.indexOf('Passed')]).toBe('yes');
  });
});
