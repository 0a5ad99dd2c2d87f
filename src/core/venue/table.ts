import type { Language } from '../../shared/contract/app';
import { scorePercent } from '../../shared/records';
import type { VenueReport } from '../../shared/contract/venue';
import type { Cell } from '../records/csv';
import { labels } from '../records/labels';
import { venueLabels } from './labels';

/**
 * The participants × sessions table both the CSV and the XLSX export write, so they cannot differ.
 * Best score is a whole percent as on screen, empty only when no quiz was submitted (0 stays 0).
 */
export function participantTable(report: VenueReport, language: Language): { header: string[]; rows: Cell[][] } {
  const l = venueLabels(language);
  const yesNo = labels(language);
  const header = [...l.person, ...report.sessions.flatMap((s) => l.session(s.ord)), ...l.tail];
  const rows = report.participants.map((p): Cell[] => [
    p.name,
    p.unit,
    p.venue || null,
    p.packVersion,
    p.exportedAt,
    ...p.sessions.flatMap((c): Cell[] =>
      c
        ? [c.passed ? yesNo.yes : yesNo.no, c.bestScore === null ? null : scorePercent(c.bestScore), c.completedAt]
        : [null, null, null],
    ),
    p.overall.completed,
    p.overall.total,
    p.overall.completedAt,
    p.installationId,
    p.profileId,
    p.file,
  ]);
  return { header, rows };
}

/** Per-session totals, then the overall lines: what the summary sheet and the screen show. */
export function summaryTable(report: VenueReport, language: Language): { header: string[]; rows: Cell[][] } {
  const l = venueLabels(language);
  const rows: Cell[][] = report.sessions.map((s, i) => [
    s.ord,
    s.title,
    report.totals.sessions[i]!.passed,
    report.totals.sessions[i]!.completed,
  ]);
  rows.push([null, l.participantsRow, report.totals.participants, null]);
  rows.push([null, l.overallRow, null, report.totals.completedAll]);
  return { header: l.summary, rows };
}

export const reportFileName = (report: VenueReport, ext: string): string =>
  `venue-report-${report.pack.id}-${report.generatedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.${ext}`;
