import type { Language } from '../../shared/contract/app';
import { creditHours, scorePercent, titleIn } from '../../shared/records';
import type { VenueReport } from '../../shared/contract/venue';
import type { Cell } from '../records/csv';
import { labels } from '../records/labels';
import { venueLabels } from './labels';

/** A cell of a report table: a number stays a number, a time stays a time until a format writes it. */
export type ReportCell = Cell | { time: string };

const time = (iso: string | null): ReportCell => (iso ? { time: iso } : null);
const hours = (seconds: number) => Math.round(seconds / 360) / 10;

/** The pack's and sessions' titles for a reader of `language` (the pack's own words when it lacks it). */
export const reportTitles = (report: VenueReport, language: string) => ({
  pack: titleIn(report.pack.titles, language, report.pack.title),
  sessions: report.sessions.map((s) => titleIn(s.titles, language, s.title)),
});

/**
 * The participants × sessions table both the CSV and the XLSX export write, so they cannot differ.
 * Who first, then per session passed / best score / completed, then totals, credit hours (学时)
 * and time on task in hours, and
 * the technical columns (pack version, export time, installation, profile, file) last, where a
 * printout cut at the page's right edge loses the least. Best score is a whole percent as on
 * screen, empty only when no quiz was submitted (0 stays 0).
 */
export function participantTable(report: VenueReport, language: Language): { header: string[]; rows: ReportCell[][] } {
  const l = venueLabels(language);
  const yesNo = labels(language);
  const header = [
    ...l.person.slice(0, 3),
    ...report.sessions.flatMap((s) => l.session(s.ord)),
    ...l.tail.slice(0, 3),
    l.credit,
    l.studyHours,
    ...l.person.slice(3),
    ...l.tail.slice(3),
    l.code,
  ];
  const rows = report.participants.map((p): ReportCell[] => [
    p.name,
    p.unit,
    p.venue || null,
    ...p.sessions.flatMap((c): ReportCell[] =>
      c
        ? [
            c.passed ? yesNo.yes : yesNo.no,
            c.bestScore === null ? null : scorePercent(c.bestScore),
            time(c.completedAt),
          ]
        : [null, null, null],
    ),
    p.overall.completed,
    p.overall.total,
    time(p.overall.completedAt),
    p.credit,
    hours(p.studySeconds),
    p.packVersion,
    time(p.exportedAt),
    p.installationId,
    p.profileId,
    p.file,
    p.code,
  ]);
  return { header, rows };
}

/**
 * Per-session totals (titles in the reader's language), then the overall lines: what the summary
 * sheet and the screen show.
 */
export function summaryTable(report: VenueReport, language: Language): { header: string[]; rows: Cell[][] } {
  const l = venueLabels(language);
  const titles = reportTitles(report, language).sessions;
  const rows: Cell[][] = report.sessions.map((s, i) => [
    s.ord,
    titles[i]!,
    report.totals.sessions[i]!.passed,
    report.totals.sessions[i]!.completed,
    report.totals.sessions[i]!.credit,
  ]);
  rows.push([null, l.participantsRow, report.totals.participants, null, null]);
  rows.push([null, l.overallRow, null, report.totals.completedAll, null]);
  rows.push([null, l.creditRow, null, null, report.totals.credit]);
  return { header: l.summary, rows };
}

/** Per work unit, with a total line: the sheet a venue prints and signs. */
export function unitTable(report: VenueReport, language: Language): { header: string[]; rows: Cell[][] } {
  const l = venueLabels(language);
  const rows: Cell[][] = report.units.map((u) => [
    u.unit,
    u.enrolled,
    u.submitted,
    u.completedAll,
    u.credit,
    u.studyHours,
  ]);
  const sum = (f: (u: VenueReport['units'][number]) => number | null) =>
    report.units.reduce<number | null>((n, u) => (f(u) === null ? n : (n ?? 0) + f(u)!), null);
  const total = sum((u) => u.studyHours);
  rows.push([
    l.unitsTotal,
    sum((u) => u.enrolled),
    sum((u) => u.submitted) ?? 0,
    sum((u) => u.completedAll) ?? 0,
    creditHours(sum((u) => u.credit) ?? 0),
    total === null ? 0 : Math.round(total * 10) / 10,
  ]);
  return { header: l.units, rows };
}

export const reportFileName = (report: VenueReport, ext: string): string =>
  `venue-report-${report.pack.id}-${report.generatedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.${ext}`;
