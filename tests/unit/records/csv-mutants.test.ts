import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../../src/core/records/csv';

describe('CSV writing: the edges', () => {
  it('guards a formula sign only at the start of a field', () => {
    expect(toCsv([['a-b', 'x=1', 'a@b', '1+1', 'a\tb']])).toBe('\uFEFFa-b,x=1,a@b,1+1,a\tb\r\n');
  });

  it('quotes a field holding a line feed or a carriage return alone', () => {
    expect(toCsv([['a\rb', 'c\nd', 'plain']])).toBe('\uFEFF"a\rb","c\nd",plain\r\n');
  });

  it('writes numbers bare, negative ones included, and refuses what is not finite', () => {
    expect(toCsv([[-1, 0, 2.5]])).toBe('\uFEFF-1,0,2.5\r\n');
    expect(() => toCsv([[Number.NaN]])).toThrow(TypeError);
    expect(() => toCsv([[Infinity]])).toThrow(TypeError);
    expect(toCsv([])).toBe('\uFEFF');
  });
});

describe('CSV reading: the edges', () => {
  it('drops only a leading BOM', () => {
    expect(parseCsv('\uFEFFa,b')).toEqual([['a', 'b']]);
    expect(parseCsv('a,\uFEFFb')).toEqual([['a', '\uFEFFb']]);
  });

  it('drops blank and whitespace-only lines but keeps a line of empty fields', () => {
    expect(parseCsv('a\n  \n,\nb\n')).toEqual([['a'], ['', ''], ['b']]);
  });

  it('keeps blank lines when asked, so rows[i] is the spreadsheet row i + 1', () => {
    expect(parseCsv('a\n\n  \nb\n', true)).toEqual([['a'], [''], ['  '], ['b']]);
    expect(parseCsv('a\r\n\r\nb', true)).toEqual([['a'], [''], ['b']]);
  });

  it('ends a row at a carriage return alone (old Mac files) and counts those lines', () => {
    expect(parseCsv('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => parseCsv('a\rb\r"c')).toThrow(
      expect.objectContaining({ detail: expect.objectContaining({ line: 3 }) }),
    );
    expect(() => parseCsv('a\r\nb\r\n"c')).toThrow(
      expect.objectContaining({ detail: expect.objectContaining({ line: 3 }) }),
    );
    expect(() => parseCsv('a\nb\n"c')).toThrow(
      expect.objectContaining({ detail: expect.objectContaining({ line: 3 }) }),
    );
  });

  it('names the line a quote opened on, not the line the file ends on', () => {
    expect(() => parseCsv('a\n"b\nc\nd')).toThrow(
      expect.objectContaining({ detail: { reason: 'csv.unterminatedQuote', line: 2 } }),
    );
    // A quoted line break counts as a line of the file, a quoted CRLF once.
    expect(() => parseCsv('"a\r\nb",c\r\n"d')).toThrow(
      expect.objectContaining({ detail: { reason: 'csv.unterminatedQuote', line: 3 } }),
    );
    expect(() => parseCsv('"a\nb",c\n"d')).toThrow(
      expect.objectContaining({ detail: { reason: 'csv.unterminatedQuote', line: 3 } }),
    );
  });

  it('reads doubled quotes, quoted line breaks, and text after a closing quote', () => {
    expect(parseCsv('"a""b","c\r\nd"\n')).toEqual([['a"b', 'c\r\nd']]);
    expect(parseCsv('"ab"c,d')).toEqual([['abc', 'd']]);
    expect(parseCsv('x,"y"')).toEqual([['x', 'y']]);
  });

  it('keeps the last row without a final line end, and an empty text is no rows', () => {
    expect(parseCsv('a\nb')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });
});
