import type ExcelJS from 'exceljs';
import type { Language } from '../../shared/contract/app';
import type { VenueReport } from '../../shared/contract/venue';
import { toCsv, type Cell } from '../records/csv';
import { loadExcel } from './excel';
import { venueLabels } from './labels';
import { localIso, wallClockDate } from './local-time';
import { participantTable, reportFileName, reportTitles, summaryTable, unitTable, type ReportCell } from './table';

/** The participants table as CSV (BOM, CRLF, RFC 4180), header in the UI language, local times with offset. */
export function venueCsv(report: VenueReport, language: Language, zone: string) {
  const { header, rows } = participantTable(report, language);
  const plain = rows.map((r) => r.map((c): Cell => (c !== null && typeof c === 'object' ? localIso(c.time, zone) : c)));
  return {
    fileName: reportFileName(report, 'csv'),
    mimeType: 'text/csv;charset=utf-8',
    content: toCsv([header, ...plain]),
  };
}

const DATE_TIME = 'yyyy-mm-dd hh:mm';
const DATE = 'yyyy-mm-dd';

/** Display width in Excel's units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/**
 * A sheet as an official prints it: A4 landscape scaled to the page width (rows flow onto more
 * pages, columns never do), the header row repeated on every page and frozen on screen with the
 * name column, a filter on the header, page numbers in the footer, and columns as wide as their
 * content (sampled) so nothing prints as "###".
 */
function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: ReportCell[][],
  opts: {
    zone: string;
    footer: string;
    freezeColumns?: number;
    /** Columns printed (the rest stay in the sheet for filtering): technical ids make a printout unreadable. */
    printColumns?: number;
    /** Columns whose times print as dates only: a completion's day is what an official checks. */
    dateOnly?: (column: number) => boolean;
  },
): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: opts.freezeColumns ?? 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${opts.footer.replace(/&/g, '&&')}&R&P / &N` },
  });
  ws.pageSetup.printTitlesRow = '1:1';
  const head = ws.addRow(header);
  head.font = { bold: true };
  // Headers wrap onto two lines, so a long header never widens its column beyond its content.
  head.alignment = { vertical: 'middle', wrapText: true };
  // exceljs types a JS number as a number cell and a string as text: never a formula, so names
  // that start with "=" are safe here without the CSV's apostrophe guard.
  const dates = new Set<number>();
  for (const r of rows) {
    ws.addRow(
      r.map((c, i) => {
        if (c === null) return undefined;
        if (typeof c === 'object') {
          dates.add(i);
          return wallClockDate(c.time, opts.zone) ?? c.time;
        }
        return c;
      }),
    );
  }
  if (header.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  let headerLines = 1;
  header.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const format = opts.dateOnly?.(i) ? DATE : DATE_TIME;
    if (dates.has(i)) col.numFmt = format;
    const sample = rows.slice(0, 500).map((r) => {
      const c = r[i];
      if (c === null || c === undefined) return 0;
      if (typeof c === 'object') return format.length;
      return displayWidth(String(c));
    });
    const content = Math.max(0, ...sample) + 2;
    const head = displayWidth(h) + 3; // room for the filter button
    // Spreadsheets break Chinese text between any two characters (学时合/计): a short header gets
    // its whole width; a long one wraps onto two lines (the wide participants sheet must still
    // print readably on one page width), never narrower than its longest word.
    const word = Math.max(...h.split(/\s+/).map(displayWidth)) + 3;
    const fit = head <= 16 ? head : Math.max(word, Math.ceil(head / 2));
    col.width = Math.min(40, Math.max(6, content, fit));
    headerLines = Math.max(headerLines, Math.ceil(head / col.width));
  });
  ws.getRow(1).height = 15 * Math.min(3, headerLines) + 3;
  if (opts.printColumns && rows.length) {
    // exceljs prefixes "$" to each end only: "A$1" becomes the absolute $A$1 spreadsheets expect.
    ws.pageSetup.printArea = `A$1:${ws.getColumn(opts.printColumns).letter}$${rows.length + 1}`;
  }
}

/** The workbook: participants, per-session summary, per-unit summary, rejected files, and who is missing. */
export async function venueXlsx(report: VenueReport, language: Language, zone: string) {
  const l = venueLabels(language);
  const wb = new (await loadExcel()).Workbook();
  wb.created = new Date(report.generatedAt);
  const footer = `${reportTitles(report, language).pack} ${report.pack.version} · ${localIso(report.generatedAt, zone).slice(0, 16).replace('T', ' ')}`;
  const opts = { zone, footer };
  const participants = participantTable(report, language);
  // Printed: who, the sessions, the totals, credit and hours; pack version, export time and ids stay on screen.
  const printColumns = 3 + report.sessions.length * 3 + 5;
  sheet(wb, l.sheets.participants, participants.header, participants.rows, {
    ...opts,
    freezeColumns: 1,
    printColumns,
    dateOnly: (i) => i >= 3 && i < 3 + report.sessions.length * 3,
  });
  const summary = summaryTable(report, language);
  sheet(wb, l.sheets.summary, summary.header, summary.rows, opts);
  const units = unitTable(report, language);
  sheet(wb, l.sheets.units, units.header, units.rows, opts);
  sheet(
    wb,
    l.sheets.rejected,
    l.rejected,
    report.rejected.map((r) => [r.file, l.reasons[r.reason], r.detail]),
    opts,
  );
  if (report.roster) {
    sheet(
      wb,
      l.sheets.missing,
      l.missing,
      report.roster.missing.map((p) => [p.name, p.unit]),
      opts,
    );
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: reportFileName(report, 'xlsx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}
