import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/errors';
import { loadExcel } from './excel';

/** The roster as the venue saved it: a table of text cells, and how it was read (shown in the preview). */
export interface RosterTable {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | null;
  rows: string[][];
}

const startsWith = (b: Buffer, ...sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * Text of a CSV saved by any spreadsheet a venue uses: a BOM decides (UTF-8, UTF-16 LE/BE); without
 * one, strict UTF-8 is tried first (it rarely decodes anything else by accident), then UTF-16
 * without a BOM (every other byte zero in Latin text), and last GB18030, the superset of the GBK
 * that Excel and WPS write on Chinese Windows.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: NonNullable<RosterTable['encoding']> } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: one of the other encodings below
  }
  const sample = bytes.subarray(0, 2000);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2) oddZeros++;
    else evenZeros++;
  });
  if (oddZeros > sample.length / 8) return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (evenZeros > sample.length / 8) return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'utf-16be' };
  return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
}

/** A cell as the sheet shows it: text as typed, numbers and dates as their displayed text. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return cell.text ?? String(v);
}

/** The first worksheet of an XLSX workbook as rows of text; an empty row stays, so row numbers match. */
async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('INVALID_INPUT', `The roster workbook cannot be read: ${(e as Error).message}`, {
      reason: 'venue.roster.badWorkbook',
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INVALID_INPUT', 'The roster workbook has no sheet.', { reason: 'venue.roster.noSheet' });
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The roster file as a table, whatever it was saved as; an old binary .xls is refused by name. */
export async function readRosterFile(
  name: string,
  bytes: Buffer,
  parseCsv: (text: string) => string[][],
): Promise<RosterTable> {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return { format: 'xlsx', encoding: null, rows: await xlsxRows(bytes) };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new AppError('INVALID_INPUT', `${name} is an old Excel 97-2003 (.xls) file: save it as .xlsx or CSV.`, {
      reason: 'venue.roster.oldXls',
      file: name,
    });
  }
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text) };
}
