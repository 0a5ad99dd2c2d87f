/**
 * CSV as RFC 4180 says, plus what spreadsheet users need: a UTF-8 BOM (Excel otherwise reads
 * Chinese as mojibake), CRLF line ends, and fields quoted when they hold a comma, quote or line
 * break. Cells are numbers (written as numbers, so a 0 stays 0), strings, or null (empty).
 */
import { AppError } from '../../shared/errors';

export type Cell = string | number | null;

const BOM = '\uFEFF';

/**
 * Text typed by participants (names, units) could start with =, +, - or @, which Excel runs as a
 * formula (CSV injection); such text gets a leading apostrophe, which Excel shows as plain text.
 */
const guard = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new TypeError('CSV: numbers must be finite');
    return String(cell);
  }
  const s = guard(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Cell[][]): string {
  return BOM + rows.map((r) => r.map(field).join(',') + '\r\n').join('');
}

/**
 * Parses RFC 4180 text (BOM optional, CRLF or LF) into rows of strings; blank lines are dropped,
 * unless `keepBlank` (then rows[i] is the file's row i + 1, as a spreadsheet numbers it).
 * A quote opens a quoted field only at the start of a field; elsewhere it is text, as spreadsheets
 * read it. A quoted field left open to the end of the file is refused (it would swallow every line
 * after it), naming the line where it opened.
 */
export function parseCsv(text: string, keepBlank = false): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let fieldStart = true;
  let line = 1;
  let openedOn = 0;
  const endRow = () => {
    row.push(cell);
    if (keepBlank || row.length > 1 || row[0]!.trim() !== '') rows.push(row);
    row = [];
    cell = '';
    fieldStart = true;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    // A CR, or an LF not after one: the LF of a CRLF is skipped below outside quotes, so a CRLF
    // line end is counted at its CR.
    if (c === '\r' || (c === '\n' && src[i - 1] !== '\r')) line++;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (src[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      openedOn = line;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else {
      cell += c;
      fieldStart = false;
    }
  }
  if (quoted) {
    throw new AppError('INVALID_INPUT', `The CSV file has a quote opened on line ${openedOn} that is never closed.`, {
      reason: 'csv.unterminatedQuote',
      line: openedOn,
    });
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}
