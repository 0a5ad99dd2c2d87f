import ExcelJS from 'exceljs';
import type { Language } from '../../shared/contract/app';
import type { VenueReport } from '../../shared/contract/venue';
import { toCsv, type Cell } from '../records/csv';
import { venueLabels } from './labels';
import { participantTable, reportFileName, summaryTable } from './table';

/** The participants table as CSV (BOM, CRLF, RFC 4180), header in the UI language. */
export function venueCsv(report: VenueReport, language: Language) {
  const { header, rows } = participantTable(report, language);
  return {
    fileName: reportFileName(report, 'csv'),
    mimeType: 'text/csv;charset=utf-8',
    content: toCsv([header, ...rows]),
  };
}

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  // exceljs types a JS number as a number cell and a string as text: never a formula, so names
  // that start with "=" are safe here without the CSV's apostrophe guard.
  for (const r of rows) ws.addRow(r.map((c) => c ?? undefined));
  ws.columns.forEach((col, i) => {
    const widest = Math.max(header[i]?.length ?? 0, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    col.width = Math.min(40, Math.max(8, widest + 2));
  });
}

/** The workbook: participants, per-session summary, rejected files, and (with a roster) who is missing. */
export async function venueXlsx(report: VenueReport, language: Language) {
  const l = venueLabels(language);
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(report.generatedAt);
  const participants = participantTable(report, language);
  sheet(wb, l.sheets.participants, participants.header, participants.rows);
  const summary = summaryTable(report, language);
  sheet(wb, l.sheets.summary, summary.header, summary.rows);
  sheet(
    wb,
    l.sheets.rejected,
    l.rejected,
    report.rejected.map((r) => [r.file, l.reasons[r.reason], r.detail]),
  );
  if (report.roster) {
    sheet(
      wb,
      l.sheets.missing,
      l.missing,
      report.roster.missing.map((p) => [p.name, p.unit]),
    );
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: reportFileName(report, 'xlsx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}
